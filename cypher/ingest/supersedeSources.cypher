// When several sources describe one person, the one whose career reaches furthest (then the most
// recently ingested) is current: its roles are HELD; the roles of older versions become HELD_FORMERLY
// (kept as history, out of every question). Run after each write or delete touching these people.
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})<-[:DESCRIBES]-(s:Source)
OPTIONAL MATCH (s)<-[:STATED_IN]-(r:Role)
WITH p, s, max(CASE WHEN r.current THEN 999999 ELSE coalesce(r.endOrd, r.startOrd, -1) END) AS reach
ORDER BY reach DESC, s.ingestedAt DESC
WITH p, collect(s) AS sources
WITH p, head(sources) AS newest
CALL (p, newest) {
  MATCH (p)-[h:HELD]->(r:Role)-[:STATED_IN]->(s:Source)
  WHERE s <> newest
  MERGE (p)-[:HELD_FORMERLY]->(r)
  DELETE h
}
CALL (p, newest) {
  MATCH (p)-[f:HELD_FORMERLY]->(r:Role)-[:STATED_IN]->(newest)
  MERGE (p)-[:HELD]->(r)
  DELETE f
}
RETURN count(p) AS people
