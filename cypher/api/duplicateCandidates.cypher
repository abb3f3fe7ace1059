// Pairs of people linked as possibly the same (a shared name), for review.
MATCH (a:Person)-[d:POSSIBLY_SAME_AS]-(b:Person)
WHERE a.id < b.id
WITH a, b, d ORDER BY a.name, a.id, b.id
LIMIT $limit
RETURN a.id AS a, b.id AS b, d.reason AS reason
