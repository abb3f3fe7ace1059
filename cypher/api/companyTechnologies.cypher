// Technologies used in roles at a company or its subsidiaries, with how many people used each.
MATCH (root:Company {id: $id})
MATCH (root)<-[:PART_OF*0..4]-(:Company)<-[:AT]-(r:Role)-[:USED]->(t:Technology)
MATCH (p:Person)-[:HELD]->(r)
WITH t, count(DISTINCT p) AS people
RETURN t.id AS technologyId, people
ORDER BY people DESC, t.name
LIMIT $limit
