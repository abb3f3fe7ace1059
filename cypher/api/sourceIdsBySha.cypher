// The sources stored for a file content.
MATCH (s:Source {sha256: $sha256})
RETURN s.id AS id
