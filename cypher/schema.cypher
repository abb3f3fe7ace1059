// Constraints and indexes of the career graph. Applied on every start; each statement is idempotent.
// Every node has a stable `id` (never Neo4j's element id), so re-ingesting is deterministic.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT education_id IF NOT EXISTS FOR (n:Education) REQUIRE n.id IS UNIQUE;
// Entry points for questions: a company or technology by any of its names, a person by email.
CREATE CONSTRAINT company_name_key IF NOT EXISTS FOR (n:CompanyName) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT technology_name_key IF NOT EXISTS FOR (n:TechnologyName) REQUIRE n.key IS UNIQUE;
CREATE INDEX person_email IF NOT EXISTS FOR (n:Person) ON (n.email);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.nameKey);
CREATE INDEX source_sha256 IF NOT EXISTS FOR (n:Source) ON (n.sha256);
CREATE INDEX role_start IF NOT EXISTS FOR (n:Role) ON (n.startOrd);
CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:Person|Company|Technology) ON EACH [n.name, n.aliasText];
