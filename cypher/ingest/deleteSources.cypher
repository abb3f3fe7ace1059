// Deletes the Source nodes themselves; run after ingest/deleteSourceFacts in the same transaction.
UNWIND $sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
DETACH DELETE s
RETURN count(*) AS deleted
