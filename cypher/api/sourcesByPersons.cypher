// The sources describing each person, newest first (DataLoader batch).
UNWIND $ids AS id
MATCH (s:Source)-[:DESCRIBES]->(:Person {id: id})
RETURN id AS personId, s {.id, .fileName, .sha256, .format, .ingestedAt} AS source
ORDER BY id, s.ingestedAt DESC
