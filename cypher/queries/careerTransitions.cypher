// People who held a role at $from (or a company PART_OF it) and a later role at $to (or its subsidiaries).
// "Later": the $to role starts after the $from role starts and is another role. Starts from the two
// companies' names (index seeks on CompanyName.key), never from every person.
MATCH (:CompanyName {key: toLower($from)})-[:NAMES]->(fromRoot:Company)
MATCH (:CompanyName {key: toLower($to)})-[:NAMES]->(toRoot:Company)
MATCH (fromCo:Company)-[:PART_OF*0..4]->(fromRoot)
MATCH (fromCo)<-[:AT]-(a:Role)<-[:HELD]-(p:Person)-[:HELD]->(b:Role)-[:AT]->(toCo:Company)
WHERE a <> b AND b.startOrd > a.startOrd AND EXISTS { (toCo)-[:PART_OF*0..4]->(toRoot) }
RETURN p.id AS personId, p.name AS name,
       a.id AS fromRoleId, fromCo.name AS fromCompany, a.title AS fromTitle, a.start AS fromStart, a.end AS fromEnd,
       b.id AS toRoleId, toCo.name AS toCompany, b.title AS toTitle, b.start AS toStart, b.end AS toEnd
ORDER BY name, a.startOrd, b.startOrd
LIMIT $limit
