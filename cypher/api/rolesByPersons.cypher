// Every role of each person, with its employer and source line (DataLoader batch).
UNWIND $ids AS id
MATCH (p:Person {id: id})-[:HELD]->(r:Role)
OPTIONAL MATCH (r)-[:AT]->(c:Company)
OPTIONAL MATCH (r)-[:STATED_IN]->(s:Source)
RETURN id AS personId, r {.id, .title, .team, .location, .start, .end, .startOrd, .endOrd, .current, .line, .inferred, .confidence,
  personId: id, companyId: c.id, fileName: s.fileName, sha256: s.sha256} AS role
ORDER BY id, coalesce(r.startOrd, 999999), r.line
