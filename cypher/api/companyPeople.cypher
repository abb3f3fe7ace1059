// A page of the people who held a role at a company or its subsidiaries, and their number.
MATCH (root:Company {id: $id})
MATCH (root)<-[:PART_OF*0..4]-(:Company)<-[:AT]-(:Role)<-[:HELD]-(p:Person)
WITH DISTINCT p ORDER BY p.name, p.id
WITH collect(p.id) AS ids
RETURN size(ids) AS totalCount, ids[$skip..($skip + $limit)] AS ids
