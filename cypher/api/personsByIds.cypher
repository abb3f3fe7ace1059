// People by id (DataLoader batch).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p {.id, .name, .email, .location, .headline, .links} AS person
