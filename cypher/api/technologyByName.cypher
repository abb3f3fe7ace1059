// A technology by any of its names (TechnologyName.key is unique and indexed), case-insensitive.
MATCH (n:TechnologyName)-[:NAMES]->(t:Technology)
WHERE n.key IN $keys
RETURN t {.id, .name, .aliases, .category} AS technology
LIMIT 1
