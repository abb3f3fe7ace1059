// People ranked by shared technologies and employers with $id: score = Jaccard of technologies
// + half the Jaccard of employer families (a subsidiary counts as its parent).
MATCH (me:Person {id: $id})
CALL (me) {
  MATCH (me)-[:HELD]->(:Role)-[:USED]->(t:Technology) RETURN t
  UNION
  MATCH (me)-[:SKILLED_IN]->(t:Technology) RETURN t
}
WITH me, collect(DISTINCT t) AS myTechs
CALL (me) {
  OPTIONAL MATCH (me)-[:HELD]->(:Role)-[:AT]->(:Company)-[:PART_OF*0..4]->(root:Company)
  WHERE NOT (root)-[:PART_OF]->()
  RETURN collect(DISTINCT root) AS myCos
}
CALL (me, myTechs, myCos) {
  UNWIND myTechs AS t
  CALL (t) {
    MATCH (t)<-[:SKILLED_IN]-(o:Person) RETURN o
    UNION
    MATCH (t)<-[:USED]-(:Role)<-[:HELD]-(o:Person) RETURN o
  }
  WITH o, t WHERE o <> me
  RETURN o
  UNION
  UNWIND myCos AS root
  MATCH (root)<-[:PART_OF*0..4]-(:Company)<-[:AT]-(:Role)<-[:HELD]-(o:Person)
  WHERE o <> me
  RETURN o
}
WITH DISTINCT me, myTechs, myCos, o
CALL (o) {
  MATCH (o)-[:HELD]->(:Role)-[:USED]->(t:Technology) RETURN t
  UNION
  MATCH (o)-[:SKILLED_IN]->(t:Technology) RETURN t
}
WITH me, myTechs, myCos, o, collect(DISTINCT t) AS theirTechs
CALL (o) {
  OPTIONAL MATCH (o)-[:HELD]->(:Role)-[:AT]->(:Company)-[:PART_OF*0..4]->(root:Company)
  WHERE NOT (root)-[:PART_OF]->()
  RETURN collect(DISTINCT root) AS theirCos
}
WITH o, [t IN myTechs WHERE t IN theirTechs] AS sharedT, size(myTechs) + size(theirTechs) AS techSum,
     [c IN myCos WHERE c IN theirCos] AS sharedC, size(myCos) + size(theirCos) AS coSum
WITH o, sharedT, sharedC,
     CASE WHEN techSum - size(sharedT) = 0 THEN 0.0 ELSE toFloat(size(sharedT)) / (techSum - size(sharedT)) END
     + 0.5 * CASE WHEN coSum - size(sharedC) = 0 THEN 0.0 ELSE toFloat(size(sharedC)) / (coSum - size(sharedC)) END AS score
WHERE score > 0
RETURN o.id AS personId, score, [t IN sharedT | t.id] AS technologyIds, [c IN sharedC | c.id] AS companyIds
ORDER BY score DESC, o.name, o.id
LIMIT $limit
