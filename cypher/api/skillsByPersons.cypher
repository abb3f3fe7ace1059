// Technologies each person lists in a skills section, one per source, with where it was read (DataLoader batch).
UNWIND $ids AS id
MATCH (:Person {id: id})-[k:SKILLED_IN]->(t:Technology)
OPTIONAL MATCH (s:Source {id: k.sourceId})
RETURN id AS personId,
       {technologyId: t.id, category: k.category, line: k.line, extractor: k.extractor,
        confidence: k.confidence, fileName: s.fileName, sha256: s.sha256} AS skill
ORDER BY id, t.name, s.fileName
