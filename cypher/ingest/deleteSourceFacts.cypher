// Removes everything a source said (roles, education, skills), before its new version is written.
// People left without any source go too; companies and technologies are shared and stay.
UNWIND $sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
CALL (s) {
  MATCH (s)<-[:STATED_IN]-(fact)
  DETACH DELETE fact
}
CALL (s) {
  MATCH (s)-[:DESCRIBES]->(p:Person)-[k:SKILLED_IN]->()
  WHERE k.sourceId = s.id
  DELETE k
}
CALL (s) {
  MATCH (s)-[d:DESCRIBES]->(p:Person)
  DELETE d
  WITH p
  WHERE NOT (p)<-[:DESCRIBES]-(:Source)
  DETACH DELETE p
}
RETURN count(s) AS replaced
