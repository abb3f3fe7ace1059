// Companies where a technology was used in roles, with how many people used it there.
MATCH (t:Technology {id: $id})<-[:USED]-(r:Role)-[:AT]->(c:Company)
MATCH (p:Person)-[:HELD]->(r)
WITH c, count(DISTINCT p) AS people
RETURN c.id AS companyId, people
ORDER BY people DESC, c.name
LIMIT $limit
