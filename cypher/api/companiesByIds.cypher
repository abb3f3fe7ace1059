// Companies by id, with their parent's id (DataLoader batch).
UNWIND $ids AS id
MATCH (c:Company {id: id})
OPTIONAL MATCH (c)-[:PART_OF]->(parent:Company)
RETURN c {.id, .name, .aliases, parentId: parent.id} AS company
