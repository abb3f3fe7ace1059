import type { AdminImportResult } from '../phases/adminImport.ts';
import type { IngestResult } from '../phases/ingest.ts';
import type { LatencyResult } from '../phases/latency.ts';
import type { LoadResult } from '../phases/load.ts';
import type { NaiveResult } from '../phases/naive.ts';
import type { ParseResult } from '../phases/parse.ts';
import type { PeerResult } from '../phases/peer.ts';
import type { ProfileResult } from '../phases/profile.ts';
import type { ReadsDuringIngestResult } from '../phases/readsDuringIngest.ts';
import type { BenchOptions } from './args.ts';
import type { Percentiles } from './stats.ts';

/** Everything measured at one graph size. */
export interface SizeResult {
  people: number;
  corpus?: {
    dir: string;
    generatedSeconds: number | null;
    roles: number;
    files: Record<string, number>;
    largestFamilies: { name: string; people: number }[];
  };
  parse?: ParseResult;
  naive?: NaiveResult;
  ingest?: IngestResult;
  adminImport?: AdminImportResult;
  profile?: ProfileResult[];
  latency?: LatencyResult[];
  /** careerTransitions between the two largest families, the same pair at every size (raw driver). */
  fixedPair?: { from: string; to: string; totalCount: number; raw: Percentiles };
  peer?: PeerResult[];
  load?: LoadResult;
}

/** One bench run: what machine, which options, every size, and the verdicts. */
export interface BenchResults {
  date: string;
  startedAt: string;
  finishedAt?: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    neo4j: string;
    neo4jHeap: string;
    neo4jPageCache: string;
    /** 1-minute load average at the start and end: other work on the machine shows here. */
    loadAverage: { start: number; end?: number };
  };
  options: Omit<BenchOptions, 'skip'> & { skip: string[] };
  ingestSettings: { batchSize: number; concurrency: number };
  sizes: SizeResult[];
  readsDuringIngest?: ReadsDuringIngestResult & { atPeople: number };
}
