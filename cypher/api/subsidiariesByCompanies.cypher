// Direct subsidiaries, divisions and brands of each company (DataLoader batch).
UNWIND $ids AS id
MATCH (:Company {id: id})<-[:PART_OF]-(s:Company)
RETURN id AS companyId, s.id AS subsidiaryId
ORDER BY id, s.name
