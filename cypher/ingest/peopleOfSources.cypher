// The people the given sources describe.
UNWIND $sourceIds AS sourceId
MATCH (:Source {id: sourceId})-[:DESCRIBES]->(p:Person)
RETURN DISTINCT p.id AS id
