// Companies each person worked at, most recent first (DataLoader batch).
UNWIND $ids AS id
MATCH (p:Person {id: id})-[:HELD]->(r:Role)-[:AT]->(c:Company)
WITH id, c, max(coalesce(r.startOrd, -1)) AS latest
RETURN id AS personId, c.id AS companyId
ORDER BY id, latest DESC, c.name
