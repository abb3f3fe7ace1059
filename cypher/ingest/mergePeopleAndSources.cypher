// One Source per file (keyed by its path or given name) describing one Person.
UNWIND $resumes AS r
MERGE (p:Person {id: r.person.id})
SET p.name = coalesce(r.person.name, p.name),
    p.nameKey = toLower(coalesce(r.person.name, p.name)),
    p.email = coalesce(r.person.email, p.email),
    p.phone = coalesce(r.person.phone, p.phone),
    p.location = coalesce(r.person.location, p.location),
    p.headline = coalesce(r.person.headline, p.headline),
    p.links = CASE WHEN size(r.person.links) > 0 THEN r.person.links ELSE coalesce(p.links, []) END
MERGE (s:Source {id: r.source.id})
SET s.key = r.source.key,
    s.fileName = r.source.fileName,
    s.sha256 = r.source.sha256,
    s.format = r.source.format,
    s.ingestedAt = datetime(r.source.ingestedAt),
    s.warnings = r.source.warnings,
    s.nameLine = r.person.line
MERGE (s)-[:DESCRIBES]->(p)
RETURN count(*) AS people
