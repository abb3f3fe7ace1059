// Listed skills (SKILLED_IN, one per source) and education entries of each résumé.
UNWIND $resumes AS r
MATCH (p:Person {id: r.person.id})
MATCH (s:Source {id: r.source.id})
CALL (p, s, r) {
  UNWIND r.skills AS skill
  MATCH (t:Technology {id: skill.technologyId})
  MERGE (p)-[k:SKILLED_IN {sourceId: s.id}]->(t)
  SET k.line = skill.line, k.category = skill.category, k.extractor = 'rule', k.confidence = 0.9
}
CALL (p, s, r) {
  UNWIND r.education AS e
  MERGE (ed:Education {id: e.id})
  SET ed.school = e.school, ed.degree = e.degree, ed.field = e.field, ed.start = e.start, ed.end = e.end, ed.line = e.line
  MERGE (p)-[:STUDIED]->(ed)
  MERGE (ed)-[:STATED_IN]->(s)
}
RETURN count(*) AS resumes
