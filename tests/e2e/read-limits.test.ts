import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { codes, startTestServer, TEST_API_KEY } from './server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const LIMIT_VARIABLES = [
  'CAREERGRAPH_MAX_FILE_BYTES',
  'CAREERGRAPH_MAX_LINES',
  'CAREERGRAPH_MAX_PDF_PAGES',
  'CAREERGRAPH_MAX_DOCX_BYTES',
];

/** `careergraph ingest … --dry-run --json` in a child process, with `env` over a clean environment. */
function dryRun(
  paths: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of LIMIT_VARIABLES) if (!(name in env)) delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/careergraph.js', 'ingest', ...paths, '--dry-run', '--json'], {
      cwd: root,
      env: childEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Summary = { files: number; errors: { file: string; reason: string }[] };

function reasons(stdout: string): Record<string, string> {
  const { summary } = JSON.parse(stdout) as { summary: Summary };
  return Object.fromEntries(summary.errors.map((e) => [path.basename(e.file), e.reason]));
}

const RESUME_HEAD = [
  'Avery Limits',
  'avery.limits@example.org',
  '',
  'Experience',
  '',
  'Engineer, Fabrikam',
  '2019 – 2021',
];

async function pdfOfPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([595, 842]);
    const lines = i === 0 ? RESUME_HEAD : [`Page ${i + 1}`];
    lines.forEach((line, n) => {
      page.drawText(line.replace('–', '-'), { x: 50, y: 780 - n * 16, size: 11, font });
    });
  }
  return pdf.save();
}

describe('read limits from the environment (careergraph ingest)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'careergraph-limits-'));
    const lines = [...RESUME_HEAD, ...Array.from({ length: 53 }, (_, i) => `- did thing ${i + 1}`)];
    expect(lines).toHaveLength(60);
    writeFileSync(path.join(dir, 'sixty-lines.txt'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'three-pages.pdf'), await pdfOfPages(3));
    const docx = new Document({ sections: [{ children: RESUME_HEAD.map((t) => new Paragraph(t)) }] });
    writeFileSync(path.join(dir, 'small.docx'), await Packer.toBuffer(docx));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every file under the defaults', async () => {
    const run = await dryRun([dir], {});
    expect(run.stderr).toBe('');
    expect(reasons(run.stdout)).toEqual({});
    expect((JSON.parse(run.stdout) as { summary: Summary }).summary.files).toBe(3);
    expect(run.code).toBe(0);
  });

  it('CAREERGRAPH_MAX_LINES=50 refuses the 60-line file, naming the variable', async () => {
    const run = await dryRun([dir], { CAREERGRAPH_MAX_LINES: '50' });
    expect(reasons(run.stdout)).toEqual({
      'sixty-lines.txt': 'the file has 60 lines, over the limit of 50 (CAREERGRAPH_MAX_LINES)',
    });
    expect(run.code).toBe(1);
  });

  it('CAREERGRAPH_MAX_PDF_PAGES=2 refuses the 3-page PDF, naming the variable', async () => {
    const run = await dryRun([dir], { CAREERGRAPH_MAX_PDF_PAGES: '2' });
    expect(reasons(run.stdout)).toEqual({
      'three-pages.pdf': 'the PDF has 3 pages, over the limit of 2 (CAREERGRAPH_MAX_PDF_PAGES)',
    });
    expect(run.code).toBe(1);
  });

  it('CAREERGRAPH_MAX_DOCX_BYTES=1000 refuses the DOCX, naming the variable', async () => {
    const run = await dryRun([dir], { CAREERGRAPH_MAX_DOCX_BYTES: '1000' });
    expect(reasons(run.stdout)).toEqual({
      'small.docx': 'the DOCX expands to more than 1000 bytes (CAREERGRAPH_MAX_DOCX_BYTES)',
    });
    expect(run.code).toBe(1);
  });

  it('refuses a bad value with a clear message and reads nothing', async () => {
    const run = await dryRun([dir], { CAREERGRAPH_MAX_LINES: 'lots' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('CAREERGRAPH_MAX_LINES: must be a positive integer, got "lots"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('read limits from the environment (the ingestResume mutation)', () => {
  it('CAREERGRAPH_MAX_LINES=50 refuses a 60-line résumé with BAD_USER_INPUT naming the variable; 50 lines pass the limit', async () => {
    const server = await startTestServer({
      careerGraph: { config: loadConfig({ ...process.env, CAREERGRAPH_MAX_LINES: '50' }) },
    });
    const ingest = (content: string) =>
      server.gql(
        'mutation($c: String!) { ingestResume(input: {fileName: "limits-mutation.md", content: $c}) { changed source { sha256 } } }',
        { c: content },
        { 'x-api-key': TEST_API_KEY },
      );
    let written: string | undefined;
    try {
      const lines = (n: number) =>
        [
          ...RESUME_HEAD,
          ...Array.from({ length: n - RESUME_HEAD.length }, (_, i) => `- did thing ${i + 1}`),
        ].join('\n');
      const refused = await ingest(lines(60));
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.body.errors?.[0]?.message).toBe(
        '"limits-mutation.md": the content has 60 lines, over the limit of 50 (CAREERGRAPH_MAX_LINES)',
      );
      const fits = await ingest(lines(50));
      expect(codes(fits)).toEqual([]);
      written = (fits.body.data as { ingestResume: { changed: boolean; source: { sha256: string } } })
        .ingestResume.source.sha256;
    } finally {
      if (written)
        await server.gql(
          'mutation($s: String!) { deleteSource(sha256: $s) { deleted } }',
          { s: written },
          {
            'x-api-key': TEST_API_KEY,
          },
        );
      await server.close();
    }
  });
});
