// Roles with their provenance (source, line, extractor, confidence), the employer and the stack.
// Every role is new: its id includes its source's, and a changed source's facts are deleted earlier in
// the same transaction (ingest/deleteSourceFacts). So CREATE, not MERGE: no existence check and no
// merge lock per role and relationship.
UNWIND $roles AS r
MATCH (p:Person {id: r.personId})
MATCH (s:Source {id: r.sourceId})
CREATE (p)-[:HELD]->(role:Role {id: r.id})-[:STATED_IN]->(s)
SET role += r.props
WITH role, r
CALL (role, r) {
  WITH r WHERE r.companyId IS NOT NULL
  MATCH (c:Company {id: r.companyId})
  CREATE (role)-[:AT {inferred: r.props.inferred, confidence: r.props.confidence, line: r.props.employerLine}]->(c)
}
CALL (role, r) {
  UNWIND r.technologies AS used
  MATCH (t:Technology {id: used.id})
  CREATE (role)-[:USED {line: used.line, sourceId: r.sourceId, extractor: 'rule', confidence: used.confidence}]->(t)
}
RETURN count(*) AS roles
