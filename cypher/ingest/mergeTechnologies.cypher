// Technologies by canonical name; each name also becomes a TechnologyName for lookups.
UNWIND $technologies AS t
MERGE (tech:Technology {id: t.id})
  ON CREATE SET tech.name = t.name, tech.aliases = t.aliases, tech.category = t.category
SET tech.aliasText = reduce(s = '', a IN coalesce(tech.aliases, []) | s + ' ' + a)
WITH tech, t
CALL (tech, t) {
  UNWIND [t.name] + t.aliases AS written
  WITH DISTINCT toLower(written) AS key
  MERGE (n:TechnologyName {key: key})
    ON CREATE SET n.technologyId = tech.id
  MERGE (n)-[:NAMES]->(tech)
}
RETURN count(*) AS technologies
