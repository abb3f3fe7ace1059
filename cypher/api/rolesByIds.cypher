// Roles by id (DataLoader batch).
UNWIND $ids AS id
MATCH (p:Person)-[:HELD]->(r:Role {id: id})
OPTIONAL MATCH (r)-[:AT]->(c:Company)
OPTIONAL MATCH (r)-[:STATED_IN]->(s:Source)
RETURN r {.id, .title, .team, .location, .start, .end, .startOrd, .endOrd, .current, .line, .inferred, .confidence,
  personId: p.id, companyId: c.id, fileName: s.fileName, sha256: s.sha256} AS role
