// Where a company's people went next ($direction 'OUT') or came from ('IN'): for each role in the company
// family, the person's next (or previous) role by start date; when it is outside the family, that is a
// move, counted by the other company's family (its top parent). $since/$untilOrd bound when the later
// role of the move started.
MATCH (n:CompanyName)-[:NAMES]->(named:Company) WHERE n.key IN $keys
WITH named LIMIT 1
MATCH (named)-[:PART_OF*0..4]->(root:Company) WHERE NOT (root)-[:PART_OF]->()
MATCH (root)<-[:PART_OF*0..4]-(:Company)<-[:AT]-(r:Role)<-[:HELD]-(p:Person)
WHERE r.startOrd IS NOT NULL
CALL (p, r, root) {
  MATCH (p)-[:HELD]->(o:Role)-[:AT]->(oc:Company)
  WHERE o.startOrd IS NOT NULL AND o <> r
    AND (($direction = 'OUT' AND o.startOrd > r.startOrd) OR ($direction = 'IN' AND o.startOrd < r.startOrd))
  WITH o, oc ORDER BY CASE WHEN $direction = 'OUT' THEN o.startOrd ELSE -o.startOrd END
  LIMIT 1
  MATCH (oc)-[:PART_OF*0..4]->(otherRoot:Company) WHERE NOT (otherRoot)-[:PART_OF]->()
  RETURN o, otherRoot
}
WITH p, r, o, otherRoot, root, CASE WHEN $direction = 'OUT' THEN o.startOrd ELSE r.startOrd END AS movedOrd
WHERE otherRoot <> root
  AND ($sinceOrd IS NULL OR movedOrd >= $sinceOrd)
  AND ($untilOrd IS NULL OR movedOrd <= $untilOrd)
WITH otherRoot, count(DISTINCT p) AS people
RETURN otherRoot.id AS companyId, people
ORDER BY people DESC, otherRoot.name
LIMIT $limit
