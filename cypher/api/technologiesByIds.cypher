// Technologies by id (DataLoader batch).
UNWIND $ids AS id
MATCH (t:Technology {id: id})
RETURN t {.id, .name, .aliases, .category} AS technology
