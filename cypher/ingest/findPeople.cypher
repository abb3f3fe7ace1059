// People already in the graph who may be the résumés' people: the same email, the same name, or — for a
// résumé with neither — a role at the same company starting the same year. Each with its career
// fingerprint ("companyId|startYear" of its dated roles), for the decision made in matchPerson.ts.
UNWIND $candidates AS c
CALL (c) {
  MATCH (p:Person {email: c.email})
  RETURN p
  UNION
  MATCH (p:Person {nameKey: c.nameKey})
  RETURN p
  UNION
  WITH c WHERE c.email IS NULL AND c.nameKey IS NULL
  UNWIND c.pairs AS pair
  MATCH (:Company {id: pair.companyId})<-[:AT]-(r:Role)<-[:HELD]-(p:Person)
  WHERE r.startOrd >= pair.year * 12 AND r.startOrd < (pair.year + 1) * 12
  RETURN p
}
WITH c, collect(DISTINCT p) AS found
UNWIND found AS p
CALL (p) {
  OPTIONAL MATCH (p)-[:HELD]->(r:Role)-[:AT]->(co:Company)
  WHERE r.startOrd IS NOT NULL
  RETURN collect(DISTINCT co.id + '|' + toString(r.startOrd / 12)) AS fingerprint
}
RETURN c.candidateId AS candidateId, p.id AS id, p.email AS email, p.nameKey AS nameKey, fingerprint
