// A page of the people who used a technology in a role or list it as a skill, and their number.
MATCH (t:Technology {id: $id})
CALL (t) {
  MATCH (t)<-[:SKILLED_IN]-(p:Person) RETURN p
  UNION
  MATCH (t)<-[:USED]-(:Role)<-[:HELD]-(p:Person) RETURN p
}
WITH DISTINCT p ORDER BY p.name, p.id
WITH collect(p.id) AS ids
RETURN size(ids) AS totalCount, ids[$skip..($skip + $limit)] AS ids
