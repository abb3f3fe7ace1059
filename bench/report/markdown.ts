import type { BenchResults, SizeResult } from '../lib/results.ts';
import type { Percentiles } from '../lib/stats.ts';
import { LEFT_OUT_OF_LOAD, LOAD_MIX } from '../phases/load.ts';
import { verdicts } from './targets.ts';

const f = (n: number | undefined | null, digits = 1) =>
  n === undefined || n === null || !Number.isFinite(n) ? '–' : n.toFixed(digits);
const k = (n: number) => n.toLocaleString('en');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const p3 = (p: Percentiles | undefined) => (p ? `${f(p.p50, 2)} / ${f(p.p95)} / ${f(p.p99)}` : '–');

function latencySection(s: SizeResult): string {
  if (!s.latency?.length) return '';
  return [
    `### ${k(s.people)} people`,
    '',
    'p50 / p95 / p99 in ms. `lean`: the GraphQL document that runs exactly the raw Cypher file once; `full`: with nested',
    'people, roles and companies (DataLoader batches), over HTTP.',
    '',
    table(
      [
        'operation',
        'n',
        'raw driver',
        'in-process GraphQL',
        'GraphQL over HTTP',
        'HTTP ÷ raw (p50)',
        'HTTP − raw (p50)',
        'full doc over HTTP',
        'errors',
      ],
      s.latency.map((l) => [
        l.op,
        l.requests,
        p3(l.raw),
        p3(l.inProcess),
        p3(l.http),
        `${f(l.httpOverRaw.ratio, 2)}×`,
        `+${f(l.httpOverRaw.plusMs, 2)} ms`,
        p3(l.httpFull),
        l.errors.raw + l.errors.inProcess + l.errors.http + l.mismatches,
      ]),
    ),
    '',
    s.fixedPair
      ? `Fixed pair ${s.fixedPair.from} → ${s.fixedPair.to} (${k(s.fixedPair.totalCount)} moves), raw: ${p3(s.fixedPair.raw)} ms.`
      : '',
    '',
  ].join('\n');
}

/** The Markdown summary of a run: verdicts first, then every table, then the query plans. */
export function renderMarkdown(r: BenchResults, svgName: string): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `# careergraph benchmark — ${r.date}`,
    '',
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, Neo4j Community ${m.neo4j} from jars ` +
      `(heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}). Load average (1 min) ${f(m.loadAverage.start, 2)} at the start, ` +
      `${f(m.loadAverage.end, 2)} at the end: other work ran on this machine during the run (other engineers' tests), so ` +
      'absolute figures are noisy; ratios were measured side by side (interleaved requests) and are the robust figures.',
    '',
    `Run: sizes ${r.options.sizes.map(k).join(', ')}; seed ${r.options.seed}; formats ${r.options.formats.join(', ')}; ` +
      `ingest batch ${r.ingestSettings.batchSize}, concurrency ${r.ingestSettings.concurrency}; ` +
      `${k(r.options.pairs)} careerTransitions pairs, ${k(r.options.requests)} requests per other operation ` +
      `(budget ${r.options.opBudget} s each); started ${r.startedAt}, finished ${r.finishedAt ?? '–'}.`,
    '',
    `![latency and ingestion against graph size](${svgName})`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'met', 'missed by'],
      verdicts(r).map((v) => [
        v.target,
        v.measured,
        v.met === null ? 'not measured' : v.met ? 'yes' : '**no**',
        v.gap || '',
      ]),
    ),
    '',
  );

  out.push('## Corpus', '');
  out.push(
    table(
      ['people', 'roles', 'files', 'largest employer families (people who worked there)', 'generated in'],
      r.sizes.map((s) => [
        k(s.people),
        k(s.corpus?.roles ?? 0),
        Object.entries(s.corpus?.files ?? {})
          .map(([fmt, n]) => `${fmt} ${k(n)}`)
          .join(', '),
        (s.corpus?.largestFamilies ?? [])
          .slice(0, 5)
          .map((c) => `${c.name} ${k(c.people)}`)
          .join(', '),
        s.corpus?.generatedSeconds ? `${f(s.corpus.generatedSeconds, 0)} s` : 'reused',
      ]),
    ),
    '',
  );

  if (r.sizes.some((s) => s.parse)) {
    const formats = [...new Set(r.sizes.flatMap((s) => Object.keys(s.parse?.byFormat ?? {})))];
    out.push(
      '## Parsing (one core, résumés/s)',
      '',
      'Read from disk, format detected, decoded, parsed and resolved, one file after another in one process. ' +
        '"per CPU second": files per second of CPU this process used (what one dedicated core does, whatever else ' +
        'runs on the machine). "parse only": the same files already in memory. PDF and DOCX from a separate generated sample.',
      '',
      table(
        ['people', 'mixed corpus', 'per CPU second', 'parse only', ...formats],
        r.sizes
          .filter((s) => s.parse)
          .map((s) => [
            k(s.people),
            f(s.parse?.mixed.perSecond, 0),
            f(s.parse?.mixed.perCpuSecond, 0),
            f(s.parse?.mixed.extractOnlyPerSecond, 0),
            ...formats.map((fmt) => f(s.parse?.byFormat[fmt]?.perSecond, 0)),
          ]),
      ),
      '',
    );
  }

  if (r.sizes.some((s) => s.ingest)) {
    out.push(
      '## Ingestion',
      '',
      '`careergraph ingest DIR --json` in a child process, timed end to end (start-up included) on an empty database ' +
        'with the schema; peak memory from `/usr/bin/time -v`; memory at each tenth of the run sampled from /proc. ' +
        'CPU per résumé: the ingest process (from `time -v`) and the Neo4j server (from /proc) over the run; the two-core ' +
        'bound is the rate two dedicated cores would allow (the ingest process parses on one core).',
      '',
      table(
        [
          'people',
          'seconds',
          'résumés/s',
          'nodes',
          'relationships',
          'nodes+rels/s',
          'failed',
          'CPU ms/résumé (ingest + Neo4j)',
          'two-core bound',
          'peak RSS',
          'RSS by tenth of the run (MiB)',
        ],
        r.sizes
          .filter((s) => s.ingest)
          .map((s) => {
            const i = s.ingest as NonNullable<SizeResult['ingest']>;
            return [
              k(s.people),
              f(i.seconds),
              f(i.resumesPerSecond, 0),
              k(i.nodes),
              k(i.relationships),
              k(Math.round(i.elementsPerSecond)),
              i.failed,
              `${f(i.cpu.ingestMsPerResume, 2)} + ${f(i.cpu.neo4jMsPerResume, 2)}`,
              `${f(i.cpu.twoCoreBound, 0)}/s`,
              `${f(i.peakRssMiB, 0)} MiB`,
              i.rssDeciles.join(' '),
            ];
          }),
      ),
      '',
      'Against the baseline and the limit. Naive loader: the first résumés of the corpus, parsed beforehand (so only its ' +
        'writes are timed), one auto-commit query per entity; then the same files through `ingestFiles` (parsing ' +
        'included) on an emptied database. Limit: the ingested graph exported to CSV and loaded by ' +
        '`neo4j-admin database import full` into a separate home (import time only; no indexes built).',
      '',
      table(
        [
          'people',
          'naive résumés/s',
          'real path résumés/s (same files)',
          'ratio',
          'admin import s',
          'admin import nodes+rels/s',
          'ingest ÷ import (nodes+rels/s)',
        ],
        r.sizes
          .filter((s) => s.naive || s.adminImport)
          .map((s) => [
            k(s.people),
            f(s.naive?.naive.resumesPerSecond, 0),
            f(s.naive?.real.resumesPerSecond, 0),
            s.naive ? `${f(s.naive.ratio)}×` : '–',
            s.adminImport?.ok ? f(s.adminImport.importSeconds) : (s.adminImport?.reason?.slice(0, 80) ?? '–'),
            s.adminImport?.ok ? k(Math.round(s.adminImport.elementsPerSecond)) : '–',
            s.adminImport?.ok && s.ingest
              ? `${f((s.ingest.elementsPerSecond / s.adminImport.elementsPerSecond) * 100, 1)}%`
              : '–',
          ]),
      ),
      '',
    );
  }

  if (r.sizes.some((s) => s.latency)) {
    out.push('## Latency of every operation', '');
    for (const s of [...r.sizes].reverse()) out.push(latencySection(s));
    const sized = r.sizes.filter((s) => s.latency);
    if (sized.length >= 2) {
      const ops = (sized[sized.length - 1]?.latency ?? []).map((l) => l.op);
      const a = sized[0] as SizeResult;
      const b = sized[sized.length - 1] as SizeResult;
      out.push(
        '### How cost grows (raw p50, ms)',
        '',
        `k: the exponent of latency ∝ size^k between ${k(a.people)} and ${k(b.people)} people (1 = linear).`,
        '',
        table(
          ['operation', ...sized.map((s) => k(s.people)), 'k'],
          [
            ...ops.map((op) => {
              const vals = sized.map((s) => s.latency?.find((l) => l.op === op)?.raw.p50);
              const [va, vb] = [vals[0], vals[vals.length - 1]];
              const kk = va && vb ? Math.log(vb / va) / Math.log(b.people / a.people) : Number.NaN;
              return [op, ...vals.map((v) => f(v, 2)), f(kk, 2)];
            }),
            (() => {
              const vals = sized.map((s) => s.fixedPair?.raw.p50);
              const [va, vb] = [vals[0], vals[vals.length - 1]];
              const kk = va && vb ? Math.log(vb / va) / Math.log(b.people / a.people) : Number.NaN;
              return [
                `careerTransitions fixed pair (${b.fixedPair?.from} → ${b.fixedPair?.to})`,
                ...vals.map((v) => f(v, 2)),
                f(kk, 2),
              ];
            })(),
          ],
        ),
        '',
      );
    }
  }

  if (r.sizes.some((s) => s.peer?.length)) {
    out.push(
      '## Against @neo4j/graphql (the peer)',
      '',
      "The peer's generated API over the same database, with type definitions for the same labels and relationships, " +
        'served through Apollo Server and Express like careergraph; the same workload requests, alternating which goes ' +
        'first. p50 / p95 / p99 in ms over HTTP; speed-up = peer ÷ careergraph.',
      '',
    );
    for (const s of [...r.sizes].reverse().filter((x) => x.peer?.length)) {
      out.push(
        `### ${k(s.people)} people`,
        '',
        table(
          [
            'question',
            'n',
            'careergraph',
            '@neo4j/graphql',
            'speed-up p50',
            'speed-up p99',
            'peer errors',
            'what the peer answers',
          ],
          (s.peer ?? []).map((p) => [
            p.op,
            p.requests,
            p3(p.careergraph),
            p3(p.peer),
            `${f(p.speedup)}×`,
            `${f(p.speedupP99)}×`,
            p.peerErrors,
            p.note ?? 'the same question',
          ]),
        ),
        '',
      );
    }
  }

  const loads = r.sizes.filter((s) => s.load);
  if (loads.length) {
    out.push(
      '## Load run (autocannon, constant rate)',
      '',
      '`careergraph serve` in its own process; autocannon in the bench process at a constant overall rate, each request ' +
        `a random workload item of an operation drawn from the mix (${Object.entries(LOAD_MIX)
          .map(([op, w]) => `${op} ${Math.round(w * 100)}%`)
          .join(', ')}). Left out: ${Object.entries(LEFT_OUT_OF_LOAD)
          .map(([op, why]) => `${op} (${why})`)
          .join('; ')}.`,
      '',
      table(
        [
          'people',
          'target req/s',
          'held req/s',
          'seconds',
          'connections',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          'errors',
          'mix',
        ],
        loads.map((s) => {
          const l = s.load as NonNullable<SizeResult['load']>;
          return [
            k(s.people),
            l.targetRate,
            f(l.heldRate),
            l.seconds,
            l.connections,
            l.latency.p50,
            l.latency.p90,
            l.latency.p99,
            l.latency.max,
            `${l.errors.socket + l.errors.timeouts + l.errors.non2xx + l.errors.graphql} (${JSON.stringify(l.errors)})`,
            Object.entries(l.mix)
              .map(([op, n]) => `${op} ${n}`)
              .join(', '),
          ];
        }),
      ),
      '',
    );
  }

  const rd = r.readsDuringIngest;
  if (rd) {
    out.push(
      '## Reads during ingestion',
      '',
      `One client reading in a loop over HTTP (the load mix), first with the database idle, then while ` +
        `\`careergraph ingest\` adds ${k(rd.extraPeople)} more people to the ${k(rd.atPeople)}-people graph.`,
      '',
      table(
        ['', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
        [
          ['idle', rd.idle.n, f(rd.idle.p50, 2), f(rd.idle.p95), f(rd.idle.p99), 0],
          [
            'during ingest',
            rd.during.n,
            f(rd.during.p50, 2),
            f(rd.during.p95),
            f(rd.during.p99),
            rd.errorsDuring,
          ],
        ],
      ),
      '',
      `p99 during ÷ idle: ${f(rd.p99Ratio, 2)}×. The ingest meanwhile: ${f(rd.ingest.resumesPerSecond, 0)} résumés/s ` +
        `(${f(rd.ingest.seconds)} s).`,
      '',
    );
  }

  const profiled = [...r.sizes].reverse().find((s) => s.profile?.length);
  if (profiled?.profile) {
    const bad = profiled.profile.filter((p) => !p.ok);
    out.push(
      `## Query plans (PROFILE at ${k(profiled.people)} people)`,
      '',
      'Every file of cypher/api profiled with realistic parameters (the largest company, sampled people). An entry ' +
        'point is a leaf of the plan that reads the store (a seek or a scan); each one that ran must read an index (a seek, the full-text procedure, the ' +
        'relationship-type lookup index, or an ordered index scan stopped by a LIMIT), and no label scan may run.',
      '',
      table(
        ['file', 'parameters', 'verdict', 'entry points', 'db hits', 'rows', 'ms'],
        profiled.profile.map((p) => [
          p.file,
          p.variant,
          p.skipped
            ? `skipped: ${p.skipped}`
            : p.ok
              ? 'index'
              : `**${p.labelScans.join(', ') || 'not a seek'}**`,
          p.entryPoints.join(', ') +
            (p.guardedScans.length ? ` (guarded, not run: ${p.guardedScans.join(', ')})` : ''),
          k(p.dbHits),
          p.rows,
          f(p.ms, 1),
        ]),
      ),
      '',
    );
    const show = [...bad, ...profiled.profile.filter((p) => p.file === 'careerTransitions')];
    for (const p of show) {
      out.push(
        `<details><summary>PROFILE ${p.file} (${p.variant})</summary>`,
        '',
        '```',
        p.plan,
        '```',
        '',
        '</details>',
        '',
      );
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
