import type { BenchResults, SizeResult } from '../lib/results.ts';

/** One target of the issue, checked against what was measured. */
export interface Verdict {
  target: string;
  measured: string;
  /** null when the run did not measure it. */
  met: boolean | null;
  /** How far from the goal, in the goal's unit (positive: missed by that much). */
  gap: string;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const largest = (r: BenchResults) => r.sizes[r.sizes.length - 1];
const at100k = (r: BenchResults) => r.sizes.find((s) => s.people === 100_000);
const sizeNote = (s: SizeResult | undefined) => (s ? `${s.people.toLocaleString('en')} people` : 'no size');

/** Every target of issue 5, in its order. */
export function verdicts(r: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const big = at100k(r) ?? largest(r);
  const scaleNote = at100k(r) ? '' : ' (100k not measured in this run: largest size shown)';

  const ingest = big?.ingest;
  out.push({
    target: 'Ingestion ≥ 500 résumés/s at 100k people',
    measured: ingest
      ? `${f(ingest.resumesPerSecond, 0)} résumés/s at ${sizeNote(big)}${scaleNote}`
      : 'not measured',
    met: ingest ? ingest.resumesPerSecond >= 500 : null,
    gap: ingest
      ? ingest.resumesPerSecond >= 500
        ? ''
        : `${f(500 - ingest.resumesPerSecond, 0)} résumés/s short (${f((1 - ingest.resumesPerSecond / 500) * 100, 0)}%)`
      : '',
  });

  // The naive loader runs once (its rate does not depend on the corpus); ingestion at the largest size
  // is compared with it, and so is the real path on the very same files.
  const naive = r.sizes.find((s) => s.naive)?.naive;
  const fullRatio = naive && ingest ? ingest.resumesPerSecond / naive.naive.resumesPerSecond : Number.NaN;
  out.push({
    target: 'Ingestion ≥ 10× the naive loader (one query per entity)',
    measured: naive
      ? `${f(fullRatio)}× (${f(ingest?.resumesPerSecond ?? 0, 0)} vs ${f(naive.naive.resumesPerSecond, 1)} résumés/s) at ${sizeNote(big)}; ` +
        `${f(naive.ratio)}× on the same ${naive.resumes} files`
      : 'not measured',
    met: naive ? Math.min(fullRatio, naive.ratio) >= 10 : null,
    gap:
      naive && Math.min(fullRatio, naive.ratio) < 10
        ? `${f(10 - Math.min(fullRatio, naive.ratio))}× short`
        : '',
  });

  const rss = r.sizes.filter((s) => s.ingest?.peakRssMiB);
  if (rss.length >= 2) {
    const first = rss[0] as SizeResult;
    const last = rss[rss.length - 1] as SizeResult;
    const growth = (last.ingest?.peakRssMiB ?? 0) / (first.ingest?.peakRssMiB ?? 1);
    out.push({
      target:
        'Ingest memory flat in corpus size (peak RSS grows ≤ 25% from the smallest to the largest corpus)',
      measured: rss.map((s) => `${f(s.ingest?.peakRssMiB ?? 0, 0)} MiB at ${sizeNote(s)}`).join(', '),
      met: growth <= 1.25,
      gap:
        growth <= 1.25
          ? ''
          : `grew ${f((growth - 1) * 100, 0)}% for ${f(last.people / first.people, 0)}× the corpus`,
    });
  } else
    out.push({
      target: 'Ingest memory flat in corpus size',
      measured: 'needs two sizes',
      met: null,
      gap: '',
    });

  const ct = big?.latency?.find((l) => l.op === 'careerTransitions');
  out.push({
    target: 'careerTransitions p99 ≤ 20 ms through the raw driver at 100k people',
    measured: ct
      ? `p99 ${f(ct.raw.p99)} ms (p50 ${f(ct.raw.p50, 2)}, p95 ${f(ct.raw.p95)}) at ${sizeNote(big)}${scaleNote}`
      : 'not measured',
    met: ct ? ct.raw.p99 <= 20 : null,
    gap: ct && ct.raw.p99 > 20 ? `${f(ct.raw.p99 - 20)} ms over (${f(ct.raw.p99 / 20)}×)` : '',
  });

  const lat = big?.latency ?? [];
  const over = lat.filter((l) => l.http.p50 > 1.5 * l.raw.p50 + 2);
  out.push({
    target:
      'GraphQL over HTTP within 1.5× and +2 ms of raw at p50 (HTTP p50 ≤ 1.5 × raw p50 + 2 ms), every operation',
    measured: lat.length
      ? `careerTransitions ${f(ct?.httpOverRaw.ratio ?? 0, 2)}× / +${f(ct?.httpOverRaw.plusMs ?? 0, 2)} ms; worst ${lat
          .map((l) => ({ l, excess: l.http.p50 - (1.5 * l.raw.p50 + 2) }))
          .sort((a, b) => b.excess - a.excess)
          .slice(0, 1)
          .map(({ l }) => `${l.op} ${f(l.httpOverRaw.ratio, 2)}× / +${f(l.httpOverRaw.plusMs, 2)} ms`)
          .join('')}`
      : 'not measured',
    met: lat.length ? over.length === 0 : null,
    gap: over.map((l) => `${l.op} ${f(l.http.p50 - (1.5 * l.raw.p50 + 2), 2)} ms over`).join('; '),
  });

  // A question the peer answered with errors is no comparison at all: listed, not counted as a win.
  const peerAll = big?.peer ?? [];
  const peer = peerAll.filter((p) => p.peerErrors === 0);
  const failed = peerAll.filter((p) => p.peerErrors > 0);
  const slower = peer.filter((p) => p.speedup <= 1);
  out.push({
    target: 'Faster than @neo4j/graphql on every question both can ask (p50, over HTTP)',
    measured: peer.length ? peer.map((p) => `${p.op} ${f(p.speedup)}×`).join(', ') : 'not measured',
    met: peer.length ? slower.length === 0 : null,
    gap: [
      ...slower.map((p) => `${p.op}: peer ${f(1 / p.speedup, 2)}× faster`),
      ...failed.map((p) => `${p.op}: the peer's request failed (${p.peerErrors} errors), not compared`),
    ].join('; '),
  });

  const load = big?.load;
  const loadOk = load
    ? load.heldRate >= 0.98 * load.targetRate &&
      load.errors.socket + load.errors.timeouts + load.errors.non2xx + load.errors.graphql === 0 &&
      load.latency.p99 <= 50
    : null;
  out.push({
    target: '200 requests/s mixed load for 60 s, zero errors, p99 ≤ 50 ms',
    measured: load
      ? `${f(load.heldRate)} req/s held for ${load.seconds} s (mix without similarPeople), p99 ${load.latency.p99} ms, errors ${
          load.errors.socket + load.errors.timeouts + load.errors.non2xx + load.errors.graphql
        } at ${sizeNote(big)}`
      : 'not measured',
    met: loadOk,
    gap:
      load && !loadOk
        ? [
            load.heldRate < 0.98 * load.targetRate
              ? `rate ${f(load.targetRate - load.heldRate)} req/s short`
              : '',
            load.latency.p99 > 50 ? `p99 ${load.latency.p99 - 50} ms over` : '',
            load.errors.socket + load.errors.timeouts + load.errors.non2xx + load.errors.graphql > 0
              ? `errors ${JSON.stringify(load.errors)}`
              : '',
          ]
            .filter(Boolean)
            .join('; ')
        : '',
  });

  const profiled = big?.profile ?? [];
  const notIndexed = profiled.filter((p) => !p.ok);
  out.push({
    target: 'Every cypher/api file enters through an index under PROFILE (no label scans)',
    measured: profiled.length
      ? `${profiled.length - notIndexed.length}/${profiled.length} plans (files × parameter sets) at ${sizeNote(big)}`
      : 'not measured',
    met: profiled.length ? notIndexed.length === 0 : null,
    gap: notIndexed
      .map(
        (p) =>
          `${p.file} (${p.variant}): ${p.skipped ?? (p.labelScans.join(', ') || p.entryPoints.join(', '))}`,
      )
      .join('; '),
  });

  const grown = r.sizes.filter((s) => s.latency);
  if (grown.length >= 2) {
    const a = grown[0] as SizeResult;
    const b = grown[grown.length - 1] as SizeResult;
    const exponent = (la: number, lb: number) => Math.log(lb / la) / Math.log(b.people / a.people);
    const series: [string, number, number][] = [];
    for (const op of ['person', 'company']) {
      const la = a.latency?.find((l) => l.op === op)?.raw.p50;
      const lb = b.latency?.find((l) => l.op === op)?.raw.p50;
      if (la && lb) series.push([`${op} p50`, la, lb]);
    }
    if (a.fixedPair && b.fixedPair)
      series.push([
        `careerTransitions ${b.fixedPair.from}→${b.fixedPair.to} p50`,
        a.fixedPair.raw.p50,
        b.fixedPair.raw.p50,
      ]);
    const bad = series.filter(([, la, lb]) => exponent(la, lb) >= 1);
    out.push({
      target: 'Point questions grow sub-linearly with graph size (latency ∝ size^k, k < 1)',
      measured: series
        .map(([n, la, lb]) => `${n}: ${f(la, 2)} → ${f(lb, 2)} ms, k = ${f(exponent(la, lb), 2)}`)
        .join('; '),
      met: bad.length === 0,
      gap: bad.map(([n, la, lb]) => `${n} k = ${f(exponent(la, lb), 2)}`).join('; '),
    });
  } else
    out.push({
      target: 'Point questions grow sub-linearly',
      measured: 'needs two sizes',
      met: null,
      gap: '',
    });
  return out;
}
