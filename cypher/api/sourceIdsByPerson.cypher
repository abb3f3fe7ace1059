// The sources describing a person.
MATCH (s:Source)-[:DESCRIBES]->(:Person {id: $id})
RETURN s.id AS id
