// People who share a name but not enough else to be merged: linked for review, never merged.
UNWIND $pairs AS pair
MATCH (a:Person {id: pair.a})
MATCH (b:Person {id: pair.b})
WHERE a <> b
MERGE (a)-[d:POSSIBLY_SAME_AS]-(b)
SET d.reason = pair.reason
RETURN count(*) AS linked
