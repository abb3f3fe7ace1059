// The stack of each role with where each technology was read (DataLoader batch).
UNWIND $ids AS id
MATCH (:Role {id: id})-[u:USED]->(t:Technology)
OPTIONAL MATCH (s:Source {id: u.sourceId})
RETURN id AS roleId,
       {technologyId: t.id, line: u.line, extractor: u.extractor, confidence: u.confidence,
        fileName: s.fileName, sha256: s.sha256} AS used
ORDER BY id, t.name
