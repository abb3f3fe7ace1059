// Technologies by canonical name; each name also becomes a TechnologyName for lookups (spellings first
// written in this batch included). A technology already stored is not written again: that would lock
// the most used ones (Python, Java) in every batch.
UNWIND $technologies AS t
MERGE (tech:Technology {id: t.id})
  ON CREATE SET tech.name = t.name, tech.aliases = t.aliases, tech.category = t.category
WITH tech, t
CALL (tech) {
  WITH tech WHERE tech.aliasText IS NULL
  SET tech.aliasText = reduce(s = '', a IN coalesce(tech.aliases, []) | s + ' ' + a)
}
WITH tech, t
CALL (tech, t) {
  UNWIND [t.name] + t.aliases AS written
  WITH DISTINCT toLower(written) AS key
  MERGE (n:TechnologyName {key: key})
    ON CREATE SET n.technologyId = tech.id
  MERGE (n)-[:NAMES]->(tech)
}
RETURN count(*) AS technologies
