// Listed skills (SKILLED_IN, one per source) and education entries of each résumé. Both are new facts
// of a new source (a changed source's are deleted first), each listed once, so CREATE, not MERGE.
UNWIND $resumes AS r
MATCH (p:Person {id: r.person.id})
MATCH (s:Source {id: r.source.id})
CALL (p, s, r) {
  UNWIND r.skills AS skill
  MATCH (t:Technology {id: skill.technologyId})
  CREATE (p)-[:SKILLED_IN {sourceId: s.id, line: skill.line, category: skill.category, extractor: 'rule', confidence: 0.9}]->(t)
}
CALL (p, s, r) {
  UNWIND r.education AS e
  CREATE (p)-[:STUDIED]->(ed:Education {id: e.id})-[:STATED_IN]->(s)
  SET ed.school = e.school, ed.degree = e.degree, ed.field = e.field, ed.start = e.start, ed.end = e.end, ed.line = e.line
}
RETURN count(*) AS resumes
