/**
 * Résumés the API tests ingest (fictional people). Their facts are chosen so every operation has a
 * known answer: subsidiary matching, order, gaps, overlaps, flows.
 */
export const API_RESUMES: Record<string, string> = {
  'quinn-alpha.md': `# Quinn Alpha
quinn.alpha@example.org · Seattle, WA

## Experience

#### Senior Engineer, Instagram
Feed Team — Go, Kafka
Feb 2020 - Present

#### Engineer, Fabrikam
Sep 2017 - Dec 2019
- Built billing services in Go on PostgreSQL.

#### Engineer, Amazon Web Services
Jan 2015 - Jun 2017
- Storage services in Go and Kafka.

## Skills
Languages: Go
Data: Kafka, PostgreSQL
`,
  'riley-beta.md': `# Riley Beta
riley.beta@example.org · Dublin, Ireland

## Experience

#### Production Engineer, Meta
Mar 2018 - Present
- Capacity tooling in Rust and Go.

#### Software Engineer, Amazon
2016 - 2018
- Fulfilment services in Go.
`,
  'sam-gamma.txt': `Sam Gamma
sam.gamma@example.org | London, UK

Experience

Staff Engineer, Amazon Web Services
London, UK
Platform Team - Java, DynamoDB 2015 – Present

Engineer, Meta
London, UK
Ads Team - Java, Hack 2012 – 2014
`,
};
