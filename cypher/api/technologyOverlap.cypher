// The technologies of two people, each with the dated intervals (month ordinals) of the roles that used it.
UNWIND [$a, $b] AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)-[:HELD]->(r:Role)-[:USED]->(t:Technology)
  RETURN t, collect(CASE WHEN r.startOrd IS NULL THEN null ELSE [r.startOrd, coalesce(r.endOrd, CASE WHEN r.current THEN $nowOrd END)] END) AS spans
  UNION
  MATCH (p)-[:SKILLED_IN]->(t:Technology)
  RETURN t, [] AS spans
}
WITH id, t, reduce(acc = [], s IN collect(spans) | acc + s) AS spans
RETURN id AS personId, t.id AS technologyId, [s IN spans WHERE s IS NOT NULL AND s[1] IS NOT NULL] AS spans
ORDER BY personId, t.name
