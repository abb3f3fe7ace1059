/**
 * careergraph as a library: the ingestion pipeline and the graph, for embedding in other apps.
 * The CLI (`careergraph`) is built on exactly these functions.
 */

export { type CareerGraph, type CareerGraphOptions, createCareerGraph } from './api/createCareerGraph.ts';
export { formatError } from './api/errors.ts';
export { executeOperation } from './api/executeOperation.ts';
export { createHttpServer } from './api/httpServer.ts';
export { QUERY_LIMITS, queryLimits } from './api/queryLimits.ts';
export { type Config, loadConfig } from './config.ts';
export { CareerGraphError, type ErrorCode } from './errors.ts';
export { deleteSources } from './graph/deleteSources.ts';
export { connectFromEnv, createDriver, type Neo4jConnection } from './graph/driver.ts';
export { applySchema } from './graph/schema.ts';
export { writeResumes } from './graph/writeResumes.ts';
export { extractFile, type IngestSummary, ingestFiles } from './ingest/ingestFiles.ts';
export { parseResume } from './ingest/parse/parseResume.ts';
export { type InputFile, readInputs } from './ingest/read/readInputs.ts';
export type { ResolvedResume } from './ingest/resolve/resolvedResume.ts';
export { resolveResume } from './ingest/resolve/resolveResume.ts';
export { createLexicon, type Lexicon } from './lexicon/lexicon.ts';
export { loadReferenceData } from './lexicon/loadReferenceData.ts';
export type { ParsedResume, PartialDate } from './model/resume.ts';
export { findServer } from './neo4j/findServer.ts';
