// Roles with their provenance (source, line, extractor, confidence), the employer and the stack.
UNWIND $roles AS r
MATCH (p:Person {id: r.personId})
MATCH (s:Source {id: r.sourceId})
MERGE (role:Role {id: r.id})
SET role += r.props
MERGE (p)-[:HELD]->(role)
MERGE (role)-[:STATED_IN]->(s)
WITH role, r
CALL (role, r) {
  WITH r WHERE r.companyId IS NOT NULL
  MATCH (c:Company {id: r.companyId})
  MERGE (role)-[at:AT]->(c)
  SET at.inferred = r.props.inferred, at.confidence = r.props.confidence, at.line = r.props.employerLine
}
CALL (role, r) {
  UNWIND r.technologies AS used
  MATCH (t:Technology {id: used.id})
  MERGE (role)-[u:USED]->(t)
  SET u.line = used.line, u.sourceId = r.sourceId, u.extractor = 'rule', u.confidence = used.confidence
}
RETURN count(*) AS roles
