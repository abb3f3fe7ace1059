import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from './decodeText.ts';
import { type InputResult, readInputs } from './readInputs.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'careergraph-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(
  paths: string[],
  options: Partial<Parameters<typeof readInputs>[1]> = {},
): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(paths, { maxFileBytes: 1000, cwd: dir, ...options })) out.push(r);
  return out;
}

describe('readInputs', () => {
  it('reads folders recursively, résumé extensions only, in a stable order', async () => {
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'a/one.txt'), 'Ana');
    writeFileSync(path.join(dir, 'a/b/two.md'), '# Bo');
    writeFileSync(path.join(dir, 'a/b/skip.png'), '\x89PNG');
    const results = await collect([path.join(dir, 'a')]);
    expect(results.map((r) => (r.ok ? [r.file.key, r.file.format] : r.error))).toEqual([
      ['a/b/two.md', 'markdown'],
      ['a/one.txt', 'text'],
    ]);
  });

  it('reports unreadable inputs with the file and the reason, and goes on', async () => {
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
    const results = await collect([
      path.join(dir, 'missing.txt'),
      path.join(dir, 'empty.txt'),
      path.join(dir, 'big.txt'),
      path.join(dir, 'a/one.txt'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.reason))).toEqual([
      'no such file or folder',
      'the file is empty',
      expect.stringMatching(/over the limit of 1000/),
      'ok',
    ]);
  });

  it('refuses a text with more lines than the limit before parsing it (20,000 by default)', async () => {
    writeFileSync(path.join(dir, 'lines.txt'), 'a line\n'.repeat(20_001));
    writeFileSync(path.join(dir, 'just.txt'), 'a line\n'.repeat(20_000));
    const results = await collect([path.join(dir, 'lines.txt'), path.join(dir, 'just.txt')], {
      maxFileBytes: 1_000_000,
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.reason))).toEqual([
      'the file has 20001 lines, over the limit of 20000 (CAREERGRAPH_MAX_LINES)',
      'ok',
    ]);
    const limited = await collect([path.join(dir, 'a/b/two.md'), path.join(dir, 'just.txt')], {
      maxFileBytes: 1_000_000,
      limits: { maxLines: 3 },
    });
    expect(limited.map((r) => (r.ok ? 'ok' : r.error.reason))).toEqual([
      'ok',
      'the file has 20000 lines, over the limit of 3 (CAREERGRAPH_MAX_LINES)',
    ]);
  });

  it('reads stdin under the name given', async () => {
    const [r] = await collect(['-'], {
      stdin: Readable.from([Buffer.from('Ana\nEngineer')]),
      stdinName: 'cv.txt',
    });
    expect(r).toMatchObject({
      ok: true,
      file: { key: 'stdin:cv.txt', fileName: 'cv.txt', text: 'Ana\nEngineer' },
    });
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without BOM and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFAna', 'utf8'))).toEqual({ text: 'Ana' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ana', 'utf16le')]))).toEqual({
      text: 'Ana',
    });
  });
  it('refuses binary and invalid UTF-8 with a reason', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]))).toEqual({
      error: expect.stringMatching(/binary/),
    });
    expect(decodeText(Buffer.from([0x41, 0xc3, 0x28]))).toEqual({ error: expect.stringMatching(/UTF-8/) });
  });
});

describe('structured inputs', () => {
  it('reads a JSON Resume file, and a LinkedIn export folder as one input', async () => {
    mkdirSync(path.join(dir, 'structured/export'), { recursive: true });
    writeFileSync(
      path.join(dir, 'structured/ana.json'),
      JSON.stringify({ basics: { name: 'Ana' }, work: [] }),
    );
    writeFileSync(
      path.join(dir, 'structured/export/Positions.csv'),
      'Company Name,Title,Started On,Finished On\nContoso,Engineer,Jan 2020,\n',
    );
    writeFileSync(path.join(dir, 'structured/export/Profile.csv'), 'First Name,Last Name\nAna,Example\n');
    writeFileSync(path.join(dir, 'structured/broken.json'), '{nope');
    const results = await collect([path.join(dir, 'structured')]);
    expect(
      results.map((r) =>
        r.ok ? [r.file.key, r.file.format, Object.keys(r.file.files ?? {})] : r.error.reason,
      ),
    ).toEqual([
      ['structured/ana.json', 'json-resume', []],
      expect.stringMatching(/not valid JSON/),
      ['structured/export', 'linkedin', ['Positions.csv', 'Profile.csv']],
    ]);
  });
});
