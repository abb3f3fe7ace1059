// The stored sha256 of each source, so unchanged files are skipped and changed ones replaced.
UNWIND $sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
RETURN s.id AS id, s.sha256 AS sha256
