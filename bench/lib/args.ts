import { parseArgs } from 'node:util';

/** Everything `npm run bench` can be told. */
export interface BenchOptions {
  sizes: number[];
  seed: number;
  formats: string[];
  /** careerTransitions requests per size (the 10k company pairs). */
  pairs: number;
  /** Requests per other operation. */
  requests: number;
  /** Seconds one operation may take at most (all three ways together); careerTransitions gets `pairsBudget`. */
  opBudget: number;
  pairsBudget: number;
  peerRequests: number;
  loadSeconds: number;
  loadRate: number;
  loadConnections: number;
  naive: number;
  parseSample: number;
  /** People of the corpus ingested while reads run (0: skip), at the largest size. */
  readsDuringIngest: number;
  skip: Set<string>;
  home: string;
  heap: string;
  pageCache: string;
  batchSize: number | undefined;
  concurrency: number | undefined;
  out: string;
  keep: boolean;
}

const HELP = `npm run bench -- [options]
  --sizes 10000,30000,100000   graph sizes (people)           --quick   1000,3000 and short runs
  --seed 1                     corpus seed                     --formats txt,md,json
  --pairs 10000                careerTransitions requests      --requests 1000   per other operation
  --op-budget 60               seconds per operation           --pairs-budget 600
  --peer-requests 500          requests per peer question
  --load-seconds 60 --load-rate 200 --load-connections 16
  --naive 300                  résumés for the naive baseline (first size only)  --parse-sample 5000
  --reads-during-ingest 30000  people ingested while reading (0 skips)
  --skip parse,naive,ingest,import,profile,latency,peer,load,reads
  --home .careergraph/bench-neo4j --heap 4g --pagecache 4g
  --batch-size N --concurrency N   ingest settings (default: CAREERGRAPH_* or built-in)
  --out bench/results          --keep   leave Neo4j running`;

/** Parses the command line; `--quick` scales everything down for a smoke run. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean' },
      seed: { type: 'string', default: '1' },
      formats: { type: 'string', default: 'txt,md,json' },
      pairs: { type: 'string' },
      requests: { type: 'string' },
      'op-budget': { type: 'string' },
      'pairs-budget': { type: 'string' },
      'peer-requests': { type: 'string' },
      'load-seconds': { type: 'string' },
      'load-rate': { type: 'string', default: '200' },
      'load-connections': { type: 'string', default: '16' },
      naive: { type: 'string' },
      'parse-sample': { type: 'string' },
      'reads-during-ingest': { type: 'string' },
      skip: { type: 'string', default: '' },
      home: { type: 'string', default: '.careergraph/bench-neo4j' },
      heap: { type: 'string', default: '4g' },
      pagecache: { type: 'string', default: '4g' },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string', default: 'bench/results' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const num = (v: string | undefined, full: number, q: number) =>
    v === undefined ? (quick ? q : full) : Number(v);
  const sizes = (values.sizes ?? (quick ? '1000,3000' : '10000,30000,100000')).split(',').map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s < 10))
    throw new Error('--sizes: whole numbers of people, 10 or more');
  return {
    sizes,
    seed: Number(values.seed),
    formats: (values.formats as string).split(','),
    pairs: num(values.pairs, 10_000, 500),
    requests: num(values.requests, 1000, 150),
    opBudget: num(values['op-budget'], 60, 15),
    pairsBudget: num(values['pairs-budget'], 600, 60),
    peerRequests: num(values['peer-requests'], 500, 100),
    loadSeconds: num(values['load-seconds'], 60, 10),
    loadRate: Number(values['load-rate']),
    loadConnections: Number(values['load-connections']),
    naive: num(values.naive, 300, 100),
    parseSample: num(values['parse-sample'], 5000, 1000),
    readsDuringIngest: num(values['reads-during-ingest'], 30_000, 1000),
    skip: new Set((values.skip as string).split(',').filter(Boolean)),
    home: values.home as string,
    heap: values.heap as string,
    pageCache: values.pagecache as string,
    batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    out: values.out as string,
    keep: values.keep ?? false,
  };
}
