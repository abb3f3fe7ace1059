// Technologies each person used in a role or lists as a skill (DataLoader batch).
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)-[:HELD]->(:Role)-[:USED]->(t:Technology)
  RETURN t
  UNION
  MATCH (p)-[:SKILLED_IN]->(t:Technology)
  RETURN t
}
RETURN id AS personId, t.id AS technologyId
ORDER BY id, t.name
