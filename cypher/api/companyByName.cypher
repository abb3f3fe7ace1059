// A company by any of its names (CompanyName.key is unique and indexed), case-insensitive.
MATCH (n:CompanyName)-[:NAMES]->(c:Company)
WHERE n.key IN $keys
OPTIONAL MATCH (c)-[:PART_OF]->(parent:Company)
RETURN c {.id, .name, .aliases, parentId: parent.id} AS company
LIMIT 1
