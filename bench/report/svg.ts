import type { BenchResults } from '../lib/results.ts';

const COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
];

interface Series {
  label: string;
  points: [number, number][];
  dashed?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function ticks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min / 1.01 && v <= max * 1.01) out.push(v);
    }
  }
  return out;
}

const label = (v: number) => (v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : v.toPrecision(1));

/** A log-log line chart in a box at (x, y) of size w × h. */
function chart(
  x: number,
  y: number,
  w: number,
  h: number,
  title: string,
  yTitle: string,
  series: Series[],
): string {
  const all = series.flatMap((s) => s.points).filter(([, v]) => v > 0 && Number.isFinite(v));
  if (all.length === 0) return '';
  const xs = all.map(([p]) => p);
  const ys = all.map(([, v]) => v);
  const [x0, x1] = [Math.min(...xs) / 1.3, Math.max(...xs) * 1.3];
  const [y0, y1] = [Math.min(...ys) / 1.6, Math.max(...ys) * 1.6];
  const left = x + 60;
  const right = x + w - 190;
  const top = y + 30;
  const bottom = y + h - 40;
  const px = (v: number) =>
    left + ((Math.log(v) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (right - left);
  const py = (v: number) =>
    bottom - ((Math.log(v) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (bottom - top);
  const parts: string[] = [
    `<text x="${x + w / 2 - 95}" y="${y + 18}" text-anchor="middle" font-weight="bold">${esc(title)}</text>`,
    `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#999"/>`,
  ];
  for (const t of ticks(y0, y1)) {
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/>`,
      `<text x="${left - 6}" y="${py(t) + 4}" text-anchor="end" font-size="11">${label(t)}</text>`,
    );
  }
  for (const t of [...new Set(xs)]) {
    parts.push(
      `<line x1="${px(t)}" x2="${px(t)}" y1="${top}" y2="${bottom}" stroke="#eee"/>`,
      `<text x="${px(t)}" y="${bottom + 16}" text-anchor="middle" font-size="11">${label(t)}</text>`,
    );
  }
  parts.push(
    `<text x="${(left + right) / 2}" y="${bottom + 32}" text-anchor="middle" font-size="12">people in the graph (log)</text>`,
    `<text transform="translate(${x + 14},${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(yTitle)}</text>`,
  );
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const pts = s.points.filter(([, v]) => v > 0 && Number.isFinite(v));
    if (pts.length === 0) return;
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''} points="${pts
        .map(([a, b]) => `${px(a).toFixed(1)},${py(b).toFixed(1)}`)
        .join(' ')}"/>`,
      ...pts.map(
        ([a, b]) => `<circle cx="${px(a).toFixed(1)}" cy="${py(b).toFixed(1)}" r="3" fill="${color}"/>`,
      ),
      `<line x1="${right + 12}" x2="${right + 32}" y1="${top + 8 + i * 16}" y2="${top + 8 + i * 16}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`,
      `<text x="${right + 36}" y="${top + 12 + i * 16}" font-size="11">${esc(s.label)}</text>`,
    );
  });
  return parts.join('\n');
}

/** Latency of every operation (raw driver p50, careerTransitions p99) and ingestion rates against graph size. */
export function renderSvg(r: BenchResults): string {
  const sizes = r.sizes.filter((s) => s.latency || s.ingest);
  const ops = [...new Set(sizes.flatMap((s) => (s.latency ?? []).map((l) => l.op)))];
  const latency: Series[] = ops.map((op) => ({
    label: `${op} p50`,
    points: sizes.flatMap((s) => {
      const l = s.latency?.find((x) => x.op === op);
      return l ? [[s.people, l.raw.p50] as [number, number]] : [];
    }),
  }));
  latency.push({
    label: 'careerTransitions p99',
    dashed: true,
    points: sizes.flatMap((s) => {
      const l = s.latency?.find((x) => x.op === 'careerTransitions');
      return l ? [[s.people, l.raw.p99] as [number, number]] : [];
    }),
  });
  latency.push({
    label: 'fixed pair p50',
    dashed: true,
    points: sizes.flatMap((s) => (s.fixedPair ? [[s.people, s.fixedPair.raw.p50] as [number, number]] : [])),
  });
  const rates: Series[] = [
    {
      label: 'ingest résumés/s',
      points: sizes.flatMap((s) =>
        s.ingest ? [[s.people, s.ingest.resumesPerSecond] as [number, number]] : [],
      ),
    },
    {
      label: 'ingest nodes+rels/s ÷ 100',
      points: sizes.flatMap((s) =>
        s.ingest ? [[s.people, s.ingest.elementsPerSecond / 100] as [number, number]] : [],
      ),
    },
    {
      label: 'naive loader résumés/s',
      dashed: true,
      points: sizes.flatMap((s) =>
        s.naive ? [[s.people, s.naive.naive.resumesPerSecond] as [number, number]] : [],
      ),
    },
    {
      label: 'neo4j-admin import people/s',
      dashed: true,
      points: sizes.flatMap((s) =>
        s.adminImport?.ok ? [[s.people, s.adminImport.resumesPerSecond] as [number, number]] : [],
      ),
    },
  ];
  const width = 900;
  const h1 = Math.max(340, 60 + latency.length * 16 + 60);
  const h2 = 300;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h1 + h2}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${chart(0, 0, width, h1, `Latency vs graph size (raw driver, ms) — ${r.date}`, 'milliseconds (log)', latency)}
${chart(0, h1, width, h2, 'Ingestion vs graph size', 'per second (log)', rates)}
</svg>
`;
}
