import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { testConnection, testDriver } from '../helpers/neo4j.ts';

// Issue 6 §1: a corpus of bad inputs, built here, ingested by the real CLI into the real test Neo4j.
// Every bad file must be named with a reason, write nothing, and leave the good files beside it whole.

const root = path.resolve(import.meta.dirname, '../..');
/** Unique per run: emails (identity) and names never meet another test's data. */
const run = randomBytes(4).toString('hex');

/** xorshift32 bytes: "random" but the same every run. */
function seededBytes(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A zip archive written by hand (as src/ingest/read/docxText.test.ts does), to make a bomb. */
function makeZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function onePagePdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Ana Example', { x: 50, y: 700, font });
  return doc;
}

const textResume = (name: string, email: string, roles: string[]) =>
  `${name}\n${email}\n\nExperience\n\n${roles.join('\n\n')}\n`;

const HOSTILE_NAME = 'Robert\'); MATCH (n) DETACH DELETE n // {x} `y` "z"';
const HOSTILE_EMPLOYER = 'Acme "Quoted" {Braces} `Ticks` // Corp\'); MATCH (n) DETACH DELETE n //';
const HOSTILE_TITLE = 'Lead {{Engineer}} `rm -rf /` $param';
const RTL_NAME = 'محمد الأحمد 🚀';
const RTL_EMPLOYER = 'شركة المستقبل 👩‍💻';

/** Refused files and the reason each must give. */
const REFUSED: Record<string, RegExp> = {
  'empty.txt': /^the file is empty$/,
  'random.txt': /binary/,
  'image-named.txt': /binary/,
  'invalid-utf8.txt': /not valid UTF-8/,
  'huge-25mb.txt': /^the file is 26214400 bytes, over the limit of 5242880 \(CAREERGRAPH_MAX_FILE_BYTES\)$/,
  'lines-100k.txt': /^the file has 100000 lines, over the limit of 20000 \(CAREERGRAPH_MAX_LINES\)$/,
  'not-a-resume.json': /not a JSON Resume/,
  'truncated.pdf': /^the PDF cannot be read/,
  'encrypted.pdf': /^the PDF is encrypted/,
  'not-a-zip.docx': /^the file is not a DOCX \(not a zip archive\)$/,
  'bomb.docx': /^the DOCX expands to more than 50 MB \(CAREERGRAPH_MAX_DOCX_BYTES\)$/,
};

/** Loaded files: name → the person's name (null: none found) and its roles as "title @ employer". */
const LOADED: Record<string, { email: string; name: string | null; roles: string[] }> = {
  'good-1.txt': {
    email: `ingrid.${run}@example.com`,
    name: 'Ingrid Halvorsen',
    roles: ['Senior Software Engineer @ Contoso', 'Software Engineer @ Fabrikam'],
  },
  'good-2.md': {
    email: `mateo.${run}@example.com`,
    name: 'Mateo Alvarez',
    roles: ['Backend Engineer @ Northwind Traders', 'Staff Engineer @ Litware'],
  },
  'good-3.txt': {
    email: `chiara.${run}@example.com`,
    name: 'Chiara Bianchi',
    roles: ['Data Engineer @ Woodgrove Bank'],
  },
  'utf16-bom.txt': {
    email: `zoe.${run}@example.com`,
    name: 'Zoë Dubois',
    roles: ['Product Engineer @ Adventure Works'],
  },
  'hostile.json': {
    email: `bobby.json.${run}@example.com`,
    name: HOSTILE_NAME,
    roles: [`${HOSTILE_TITLE} @ ${HOSTILE_EMPLOYER}`],
  },
  'rtl-emoji.json': {
    email: `mohammed.${run}@example.com`,
    name: RTL_NAME,
    roles: [`مهندس برمجيات 🛠️ @ ${RTL_EMPLOYER}`],
  },
  // The text parser does not take this first line as a name (NO_NAME warning): its roles still load.
  'hostile.txt': { email: `bobby.${run}@example.com`, name: null, roles: ['Senior Engineer @ *'] },
  // An Arabic name with an emoji is read as the name, and stored as written.
  'rtl-emoji.txt': {
    email: `layla.${run}@example.com`,
    name: 'ليلى حداد 🌙',
    roles: ['Software Engineer @ *'],
  },
  'bad-month.txt': {
    email: `kofi.${run}@example.com`,
    name: 'Kofi Boateng',
    roles: ['Software Engineer @ Contoso'],
  },
  'end-before-start.txt': {
    email: `lena.${run}@example.com`,
    name: 'Lena Vogel',
    roles: ['Software Engineer @ Fabrikam'],
  },
  'future.txt': {
    email: `sam.${run}@example.com`,
    name: 'Sam Future',
    roles: ['Software Engineer @ Litware'],
  },
};

async function buildCorpus(dir: string): Promise<void> {
  const w = (name: string, data: string | Uint8Array) => writeFileSync(path.join(dir, name), data);
  const L = LOADED;
  w(
    'good-1.txt',
    textResume(L['good-1.txt']?.name ?? '', L['good-1.txt']?.email ?? '', [
      'Senior Software Engineer, Contoso\nOslo, Norway\n2019 – 2023',
      'Software Engineer, Fabrikam\nOslo, Norway\n2015 – 2019',
    ]),
  );
  w(
    'good-2.md',
    `# ${L['good-2.md']?.name}\n${L['good-2.md']?.email}\n\n## Experience\n\n` +
      '### Staff Engineer, Litware\nMadrid\n2020 – Present\n\n### Backend Engineer, Northwind Traders\nMadrid\n2016 – 2020\n',
  );
  w(
    'good-3.txt',
    textResume(L['good-3.txt']?.name ?? '', L['good-3.txt']?.email ?? '', [
      'Data Engineer, Woodgrove Bank\nMilan\n2018 – 2022',
    ]),
  );
  w(
    'utf16-bom.txt',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        textResume(L['utf16-bom.txt']?.name ?? '', L['utf16-bom.txt']?.email ?? '', [
          'Product Engineer, Adventure Works\nLyon\n2017 – 2021',
        ]).replace(/\n/g, '\r\n'),
        'utf16le',
      ),
    ]),
  );
  w('empty.txt', '');
  w('random.txt', seededBytes(42, 8192));
  w('image-named.txt', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), seededBytes(7, 2000)]));
  w(
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from(
        textResume(`Iva Broken ${run}`, `iva.${run}@example.com`, ['Engineer, Contoso\n2019 – 2020']),
      ),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
    ]),
  );
  w('huge-25mb.txt', Buffer.alloc(25 * 1024 * 1024, 'lorem ipsum dolor sit amet\n'));
  w(
    'lines-100k.txt',
    `Huge Lines ${run}\nlines.${run}@example.com\n${Array.from({ length: 99_998 }, (_, i) => `line ${i}`).join('\n')}`,
  );
  w('not-a-resume.json', JSON.stringify({ type: 'FeatureCollection', features: [{ id: 1 }] }));
  const good = await (await onePagePdf()).save();
  w('truncated.pdf', good.subarray(0, Math.floor(good.length / 2)));
  // pdf-lib cannot encrypt: a standard security handler in the trailer is enough for a reader to ask for a password.
  const encrypted = await onePagePdf();
  const ctx = encrypted.context;
  ctx.trailerInfo.Encrypt = ctx.register(
    ctx.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('5a'.repeat(32)),
      U: PDFHexString.of('c3'.repeat(32)),
      P: -4,
    }),
  );
  const id = PDFHexString.of('0123456789abcdef'.repeat(2));
  ctx.trailerInfo.ID = ctx.obj([id, id]);
  w('encrypted.pdf', await encrypted.save({ useObjectStreams: false }));
  w(
    'not-a-zip.docx',
    textResume(`Doc Text ${run}`, `doc.${run}@example.com`, ['Engineer, Contoso\n2019 – 2020']),
  );
  // 60 MB of zeros deflate to ~60 KB.
  w(
    'bomb.docx',
    makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(60 * 1024 * 1024) },
    ]),
  );
  w(
    'hostile.txt',
    textResume(HOSTILE_NAME, L['hostile.txt']?.email ?? '', [
      `Senior Engineer, ${HOSTILE_EMPLOYER}\nBerlin\n2018 – 2020`,
    ]),
  );
  w(
    'hostile.json',
    JSON.stringify(
      {
        basics: { name: HOSTILE_NAME, email: L['hostile.json']?.email, summary: "'); DROP // }" },
        work: [{ name: HOSTILE_EMPLOYER, position: HOSTILE_TITLE, startDate: '2019-01', endDate: '2021-06' }],
      },
      null,
      2,
    ),
  );
  w(
    'rtl-emoji.txt',
    textResume(L['rtl-emoji.txt']?.name ?? '', L['rtl-emoji.txt']?.email ?? '', [
      `Software Engineer, ${RTL_EMPLOYER}\nDubai\n2019 – 2021`,
    ]),
  );
  w(
    'rtl-emoji.json',
    JSON.stringify({
      basics: { name: RTL_NAME, email: L['rtl-emoji.json']?.email },
      work: [{ name: RTL_EMPLOYER, position: 'مهندس برمجيات 🛠️', startDate: '2020-03' }],
    }),
  );
  w(
    'bad-month.txt',
    textResume(L['bad-month.txt']?.name ?? '', L['bad-month.txt']?.email ?? '', [
      'Software Engineer, Contoso\nAccra\n13/2020 – 2021',
    ]),
  );
  w(
    'end-before-start.txt',
    textResume(L['end-before-start.txt']?.name ?? '', L['end-before-start.txt']?.email ?? '', [
      'Software Engineer, Fabrikam\nBerlin\n2021 – 2018',
    ]),
  );
  w(
    'future.txt',
    textResume(L['future.txt']?.name ?? '', L['future.txt']?.email ?? '', [
      'Software Engineer, Litware\nBoston\n2031 – 2035',
    ]),
  );
}

interface Summary {
  files: number;
  written: number;
  unchanged: number;
  people: number;
  roles: number;
  warnings: { file: string; line?: number; code: string; message: string }[];
  errors: { file: string; reason: string }[];
}

function ingestCli(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const conn = testConnection();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  };
  delete env.CAREERGRAPH_MAX_FILE_BYTES;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/careergraph.js', 'ingest', dir, '--json'], {
      cwd: root,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let driver: Driver;
let summary: Summary;
let exitCode: number | null;
let nodesBefore: number;
let peopleBefore: number;
let seconds: number;
const keyOf = (name: string) => path.relative(root, path.join(dir, name)).split(path.sep).join('/');

async function query<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(cypher, params, { database: testConnection().database });
  return records.map((r) => r.toObject() as T);
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await query<{ n: unknown }>(cypher, params);
  return Number(row?.n);
}

beforeAll(async () => {
  driver = testDriver();
  dir = mkdtempSync(path.join(tmpdir(), 'careergraph-bad-input-'));
  await buildCorpus(dir);
  nodesBefore = await count('MATCH (n) RETURN count(n) AS n');
  peopleBefore = await count('MATCH (p:Person) RETURN count(p) AS n');
  const started = Date.now();
  const result = await ingestCli(dir);
  seconds = (Date.now() - started) / 1000;
  exitCode = result.code;
  try {
    summary = JSON.parse(result.stdout);
  } catch {
    throw new Error(`ingest printed no JSON summary (exit ${result.code}): ${result.stderr}`);
  }
  process.stderr.write(
    `[bad-input] ${summary.files} files tried, ${summary.errors.length} refused, ${summary.written} loaded, ` +
      `${summary.warnings.length} warnings, CLI ${seconds.toFixed(1)} s\n`,
  );
}, 120_000);

afterAll(async () => {
  const prefix = path.relative(root, dir).split(path.sep).join('/');
  const ids = (
    await query<{ id: string }>('MATCH (s:Source) WHERE s.key STARTS WITH $prefix RETURN s.id AS id', {
      prefix,
    })
  ).map((r) => r.id);
  await deleteSources(driver, ids);
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest of a corpus of bad inputs (real CLI, real Neo4j)', () => {
  it('exits 1, tried every file, refused each bad one by name with its reason, quickly', () => {
    expect(exitCode).toBe(1);
    const names = [...Object.keys(REFUSED), ...Object.keys(LOADED)];
    expect(summary.files).toBe(names.length);
    const byName = Object.fromEntries(summary.errors.map((e) => [path.basename(e.file), e]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(REFUSED).sort());
    for (const [name, reason] of Object.entries(REFUSED)) {
      expect(byName[name]?.file).toBe(keyOf(name));
      expect(byName[name]?.reason).toMatch(reason);
    }
    // The 25 MB file is refused by its size, the bomb by its declared sizes: nothing big is parsed.
    expect(seconds).toBeLessThan(45);
  });

  it('wrote nothing for a refused file', async () => {
    const keys = Object.keys(REFUSED).map(keyOf);
    expect(await count('MATCH (s:Source) WHERE s.key IN $keys RETURN count(s) AS n', { keys })).toBe(0);
    // Their people neither: the only people with this run's emails are those of the loaded files.
    expect(
      await count('MATCH (p:Person) WHERE p.email ENDS WITH $tag RETURN count(p) AS n', {
        tag: `.${run}@example.com`,
      }),
    ).toBe(Object.keys(LOADED).length);
    expect(
      await count('MATCH (p:Person) WHERE p.email IN $emails RETURN count(p) AS n', {
        emails: [`iva.${run}@example.com`, `lines.${run}@example.com`, `doc.${run}@example.com`],
      }),
    ).toBe(0);
  });

  it('loaded every other file whole: its person and every role at its employer', async () => {
    expect(summary.written).toBe(Object.keys(LOADED).length);
    for (const [name, expected] of Object.entries(LOADED)) {
      const rows = await query<{ person: string | null; email: string; title: string; company: string }>(
        `MATCH (s:Source {key: $key})-[:DESCRIBES]->(p:Person)
         OPTIONAL MATCH (p)-[:HELD]->(r:Role)-[:STATED_IN]->(s)
         OPTIONAL MATCH (r)-[:AT]->(c:Company)
         RETURN p.name AS person, p.email AS email, r.title AS title, c.name AS company
         ORDER BY title`,
        { key: keyOf(name) },
      );
      expect(rows.length, name).toBeGreaterThan(0);
      expect(rows[0]?.email, name).toBe(expected.email);
      expect(rows[0]?.person ?? null, name).toBe(expected.name);
      const roles = rows.map((r) => `${r.title} @ ${r.company}`).sort();
      const wanted = [...expected.roles].sort();
      expect(roles.length, name).toBe(wanted.length);
      wanted.forEach((w, i) => {
        if (w.endsWith('@ *'))
          expect(roles[i]?.startsWith(w.slice(0, -1)), `${name}: ${roles[i]}`).toBe(true);
        else expect(roles[i], name).toBe(w);
      });
    }
  });

  it('stores hostile text verbatim as text and the graph is not damaged', async () => {
    const [json] = await query<{ name: string; title: string; company: string; companyId: string }>(
      `MATCH (s:Source {key: $key})-[:DESCRIBES]->(p:Person)-[:HELD]->(r:Role)-[:AT]->(c:Company)
       RETURN p.name AS name, r.title AS title, c.name AS company, c.id AS companyId`,
      { key: keyOf('hostile.json') },
    );
    expect(json).toMatchObject({ name: HOSTILE_NAME, title: HOSTILE_TITLE, company: HOSTILE_EMPLOYER });
    // Found again by an exact match on the stored string.
    expect(await count('MATCH (p:Person {name: $name}) RETURN count(p) AS n', { name: HOSTILE_NAME })).toBe(
      1,
    );
    // The text résumé's employer keeps its quotes, braces, slashes and Cypher (the parser drops Markdown backticks).
    const [text] = await query<{ company: string }>(
      `MATCH (s:Source {key: $key})<-[:STATED_IN]-(:Role)-[:AT]->(c:Company) RETURN c.name AS company`,
      { key: keyOf('hostile.txt') },
    );
    expect(text?.company).toContain(`"Quoted" {Braces}`);
    expect(text?.company).toContain("// Corp'); MATCH (n) DETACH DELETE n //");
    // Nothing was deleted: every node from before is still counted, plus one person per loaded file.
    expect(await count('MATCH (n) RETURN count(n) AS n')).toBeGreaterThan(nodesBefore);
    expect(await count('MATCH (p:Person) RETURN count(p) AS n')).toBe(
      peopleBefore + Object.keys(LOADED).length,
    );
    const [rtl] = await query<{ name: string; company: string }>(
      `MATCH (s:Source {key: $key})-[:DESCRIBES]->(p:Person)-[:HELD]->(:Role)-[:AT]->(c:Company)
       RETURN p.name AS name, c.name AS company`,
      { key: keyOf('rtl-emoji.json') },
    );
    expect(rtl).toEqual({ name: RTL_NAME, company: RTL_EMPLOYER });
  });

  it('warns, naming the file and line, about 13/2020 and an end before its start', () => {
    const of = (name: string) => summary.warnings.filter((w) => w.file === keyOf(name));
    expect(of('bad-month.txt')).toContainEqual({
      file: keyOf('bad-month.txt'),
      line: 8,
      code: 'UNREADABLE_DATE',
      message: 'unreadable date "13/2020 – 2021"',
    });
    expect(of('end-before-start.txt')).toContainEqual(
      expect.objectContaining({ line: 6, code: 'END_BEFORE_START' }),
    );
    expect(of('hostile.txt')).toContainEqual(expect.objectContaining({ code: 'NO_NAME' }));
    expect(of('good-1.txt')).toEqual([]);
  });

  it('keeps dates in the future as written', async () => {
    const rows = await query<{ start: string; end: string }>(
      'MATCH (s:Source {key: $key})<-[:STATED_IN]-(r:Role) RETURN r.start AS start, r.end AS end',
      { key: keyOf('future.txt') },
    );
    expect(rows).toEqual([{ start: '2031', end: '2035' }]);
  });

  it('warns about a date in the future, naming the file and line', () => {
    expect(summary.warnings.filter((w) => w.file === keyOf('future.txt'))).toContainEqual(
      expect.objectContaining({ code: 'FUTURE_DATE', message: expect.stringContaining('2031') }),
    );
    expect(summary.warnings.filter((w) => w.file === keyOf('good-1.txt'))).toEqual([]);
  });
});
