// The stack of each role (DataLoader batch).
UNWIND $ids AS id
MATCH (:Role {id: id})-[:USED]->(t:Technology)
RETURN id AS roleId, t.id AS technologyId
ORDER BY id, t.name
