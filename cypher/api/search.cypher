// Full-text search over people, companies and technologies (names and aliases).
CALL db.index.fulltext.queryNodes('search_names', $query) YIELD node, score
WITH node, score,
     CASE WHEN node:Person THEN 'Person' WHEN node:Company THEN 'Company' ELSE 'Technology' END AS type
RETURN type, node.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
