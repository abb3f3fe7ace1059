// People whose roles at the same company family (a company, its parent and their subsidiaries) overlapped
// in time with $id's roles; one row per colleague and company, the longest overlap of their role pairs.
MATCH (me:Person {id: $id})-[:HELD]->(mine:Role)-[:AT]->(c:Company)
WHERE mine.startOrd IS NOT NULL
MATCH (c)-[:PART_OF*0..4]->(root:Company) WHERE NOT (root)-[:PART_OF]->()
MATCH (root)<-[:PART_OF*0..4]-(oc:Company)<-[:AT]-(theirs:Role)<-[:HELD]-(other:Person)
WHERE other <> me AND theirs.startOrd IS NOT NULL
WITH me, other, root, mine, theirs,
     coalesce(mine.endOrd, CASE WHEN mine.current THEN $nowOrd END) AS myEnd,
     coalesce(theirs.endOrd, CASE WHEN theirs.current THEN $nowOrd END) AS theirEnd
WHERE myEnd IS NOT NULL AND theirEnd IS NOT NULL
WITH other, root, mine, theirs,
     CASE WHEN myEnd < theirEnd THEN myEnd ELSE theirEnd END
     - CASE WHEN mine.startOrd > theirs.startOrd THEN mine.startOrd ELSE theirs.startOrd END + 1 AS overlap
WHERE overlap > 0
WITH other, root, mine, theirs, overlap ORDER BY overlap DESC
WITH other, root, head(collect({mine: mine.id, theirs: theirs.id, overlap: overlap})) AS best
WITH other, root, best ORDER BY best.overlap DESC, other.name, other.id, root.name
WITH collect({personId: other.id, companyId: root.id, roleId: best.theirs, ownRoleId: best.mine, overlapMonths: best.overlap}) AS rows
RETURN size(rows) AS totalCount, rows[$skip..($skip + $limit)] AS colleagues
