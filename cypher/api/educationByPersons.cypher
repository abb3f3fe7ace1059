// Education entries of each person (DataLoader batch).
UNWIND $ids AS id
MATCH (p:Person {id: id})-[:STUDIED]->(e:Education)
RETURN id AS personId, e {.id, .school, .degree, .field, .start, .end} AS education
ORDER BY id, coalesce(e.end, e.start, '9999') DESC
