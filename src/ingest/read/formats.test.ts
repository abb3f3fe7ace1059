import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
} from 'docx';
import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  type PDFPage,
  type PDFDocument as PdfDoc,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { parseResume } from '../parse/parseResume.ts';
import { docxToText } from './docxText.ts';
import { pdfToText } from './pdfText.ts';
import { type InputResult, readInputs } from './readInputs.ts';

/**
 * One résumé written four ways — plain text, a one-column PDF (LaTeX-like: ligature glyphs, a
 * Symbol-font bullet, dates at the right margin, wrapped bullets), a two-column PDF (a side column of
 * contacts, skills and education beside the experience) and a DOCX (Word styles, lists, a table) —
 * must parse to the same roles.
 */
const ana = {
  name: 'Ana Example',
  headline: 'Senior Software Engineer',
  contact: ['ana.example@example.com', '+1 555 0100', 'Seattle, WA'],
  summary: 'Backend engineer who likes efficient, well-tested services and calm on-call rotations.',
  roles: [
    {
      title: 'Senior Software Engineer',
      employer: 'Contoso',
      location: 'Seattle, WA',
      dates: '2019 – Present',
      bullets: [
        'Led the payments platform in Go and Kafka; cut checkout latency by 40% and kept the offline fallback fast.',
        'Built the refunds workflow on PostgreSQL.',
      ],
    },
    {
      title: 'Software Engineer',
      employer: 'Fabrikam',
      location: 'Portland, OR',
      dates: 'Mar 2015 – Dec 2018',
      bullets: [
        'Wrote TypeScript services behind the fulfilment API, with profiling that found the slowest five endpoints.',
      ],
    },
    {
      title: 'Junior Developer',
      employer: 'Northwind Traders',
      location: 'Portland, OR',
      dates: '2012 – 2015',
      bullets: ['Maintained the Java order system.'],
    },
  ],
  skills: [
    ['Languages', 'TypeScript, Go, Java'],
    ['Data', 'Kafka, PostgreSQL'],
  ],
  education: ['BSc Computer Science', 'University of Washington', '2008 – 2012'],
};

const expectedRoles = [
  { employer: 'Contoso', title: 'Senior Software Engineer', start: { year: 2019 }, end: null, current: true },
  {
    employer: 'Fabrikam',
    title: 'Software Engineer',
    start: { year: 2015, month: 3 },
    end: { year: 2018, month: 12 },
    current: false,
  },
  {
    employer: 'Northwind Traders',
    title: 'Junior Developer',
    start: { year: 2012 },
    end: { year: 2015 },
    current: false,
  },
];

function asText(): string {
  return [
    ana.name,
    ana.headline,
    ana.contact.join(' | '),
    '',
    'Summary',
    ana.summary,
    '',
    'Experience',
    '',
    ...ana.roles.flatMap((r) => [
      `${r.title}, ${r.employer}   ${r.dates}`,
      r.location,
      ...r.bullets.map((b) => `• ${b}`),
      '',
    ]),
    'Skills',
    ...ana.skills.map(([k, v]) => `${k}: ${v}`),
    '',
    'Education',
    ana.education.join(', '),
  ].join('\n');
}

// WinAnsi codes of the non-ASCII characters used here, and the glyphs added by /Differences from 0x80:
// ligatures as TeX fonts have them, and the private-use bullet of Word's Symbol font.
const WIN_ANSI: Record<string, number> = { '–': 0x96, '•': 0x95 };
const EXTRA_GLYPHS = ['fi', 'fl', 'ffi', 'ff', 'uniF0B7'];
const EXTRA_CODES: Record<string, number> = { ﬁ: 0x80, ﬂ: 0x81, ﬃ: 0x82, ﬀ: 0x83, '\uF0B7': 0x84 };

/** Draws text through a Helvetica whose encoding has ligature and private-use bullet glyphs. */
class LigaturePen {
  private constructor(
    private readonly page: PDFPage,
    private readonly metrics: { regular: PDFFont; bold: PDFFont },
  ) {}

  static async on(doc: PdfDoc, page: PDFPage): Promise<LigaturePen> {
    const ctx = doc.context;
    for (const [key, base] of [
      ['LigR', 'Helvetica'],
      ['LigB', 'Helvetica-Bold'],
    ] as const) {
      const encoding = ctx.obj({
        Type: 'Encoding',
        BaseEncoding: 'WinAnsiEncoding',
        Differences: [0x80, ...EXTRA_GLYPHS],
      });
      page.node.setFontDictionary(
        PDFName.of(key),
        ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: base, Encoding: encoding })),
      );
    }
    return new LigaturePen(page, {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    });
  }

  width(text: string, size: number, bold = false): number {
    return (bold ? this.metrics.bold : this.metrics.regular).widthOfTextAtSize(
      text.replace(/\uF0B7/g, '•'),
      size,
    );
  }

  draw(text: string, x: number, y: number, size: number, bold = false): void {
    // Typeset as TeX does: ffi, ff, fi, fl become single glyphs.
    const typeset = text.replace(/ffi/g, 'ﬃ').replace(/ff/g, 'ﬀ').replace(/fi/g, 'ﬁ').replace(/fl/g, 'ﬂ');
    const hex = [...typeset]
      .map((c) => {
        const code = EXTRA_CODES[c] ?? WIN_ANSI[c] ?? c.charCodeAt(0);
        if (code > 0xff) throw new Error(`no code for ${c}`);
        return code.toString(16).padStart(2, '0');
      })
      .join('');
    this.page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFontAndSize(bold ? 'LigB' : 'LigR', size),
      moveText(x, y),
      showText(PDFHexString.of(hex)),
      endText(),
      popGraphicsState(),
    );
  }

  /** Draws text wrapped to `width`, returning the y below it. */
  wrap(text: string, x: number, y: number, width: number, size: number, indent = 0): number {
    let line = '';
    let first = true;
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && this.width(next, size) > width - (first ? 0 : indent)) {
        this.draw(line, x + (first ? 0 : indent), y, size);
        y -= size * 1.3;
        first = false;
        line = word;
      } else {
        line = next;
      }
    }
    this.draw(line, x + (first ? 0 : indent), y, size);
    return y - size * 1.3;
  }
}

async function asOneColumnPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const pen = await LigaturePen.on(doc, page);
  const left = 54;
  const right = 558;
  let y = 740;
  pen.draw(ana.name, left, y, 22, true);
  y -= 20;
  pen.draw(ana.headline, left, y, 11);
  y -= 15;
  pen.draw(ana.contact.join('  |  '), left, y, 10);
  y -= 30;
  const heading = (text: string) => {
    pen.draw(text.toUpperCase(), left, y, 12, true);
    y -= 18;
  };
  heading('Summary');
  y = pen.wrap(ana.summary, left, y, right - left, 10) - 10;
  heading('Experience');
  for (const r of ana.roles) {
    pen.draw(`${r.title}, ${r.employer}`, left, y, 10.5, true);
    pen.draw(r.dates, right - pen.width(r.dates, 10), y, 10);
    y -= 13;
    pen.draw(r.location, left, y, 10);
    y -= 13;
    for (const b of r.bullets) {
      pen.draw('\uF0B7', left + 6, y, 10);
      y = pen.wrap(b, left + 18, y, right - left - 18, 10);
    }
    y -= 10;
  }
  heading('Skills');
  for (const [k, v] of ana.skills) {
    pen.draw(`${k}: ${v}`, left, y, 10);
    y -= 13;
  }
  y -= 10;
  heading('Education');
  pen.draw(ana.education.join(', '), left, y, 10);
  return doc.save();
}

async function asTwoColumnPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const draw = (text: string, x: number, y: number, size = 9.5, b = false) =>
    page.drawText(text, { x, y, size, font: b ? bold : font });
  const wrap = (text: string, x: number, y: number, width: number, size = 9.5): number => {
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        draw(line, x, y, size);
        y -= 12.5;
        line = word;
      } else line = next;
    }
    draw(line, x, y, size);
    return y - 12.5;
  };
  // Header across the page, then a side column (x 36–186) and the main column (x 216–576).
  draw(ana.name, 36, 740, 24, true);
  draw(ana.headline, 36, 718, 12);
  let y = 680;
  const side = (text: string, b = false) => {
    draw(text, 36, y, b ? 11 : 9.5, b);
    y -= b ? 15 : 12.5;
  };
  side('CONTACT', true);
  for (const c of ana.contact) side(c);
  y -= 12;
  // One skill a line, as side columns list them. (A bare "Languages:" line would open a spoken-languages
  // section in the parser, whatever the format: a parser matter, not a reader's.)
  side('SKILLS', true);
  for (const [, v] of ana.skills) for (const skill of (v as string).split(', ')) side(skill);
  y -= 12;
  side('EDUCATION', true);
  for (const e of ana.education) side(e);

  y = 680;
  draw('SUMMARY', 216, y, 11, true);
  y = wrap(ana.summary, 216, y - 15, 360) - 12;
  draw('EXPERIENCE', 216, y, 11, true);
  y -= 16;
  for (const r of ana.roles) {
    draw(`${r.title}, ${r.employer}`, 216, y, 10, true);
    y -= 12.5;
    draw(`${r.location}   ${r.dates}`, 216, y);
    y -= 12.5;
    for (const b of r.bullets) y = wrap(`• ${b}`, 216, y, 360);
    y -= 10;
  }
  return doc.save();
}

async function asDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: ana.name, heading: HeadingLevel.TITLE }),
          new Paragraph(ana.headline),
          new Paragraph(ana.contact.join(' | ')),
          new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(ana.summary),
          new Paragraph({ text: 'Experience', heading: HeadingLevel.HEADING_1 }),
          ...ana.roles.flatMap((r) => [
            new Paragraph({
              tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
              children: [
                new TextRun({ text: `${r.title}, ${r.employer}`, bold: true }),
                new TextRun(`\t${r.dates}`),
              ],
            }),
            new Paragraph({ children: [new TextRun({ text: r.location, italics: true })] }),
            ...r.bullets.map((b) => new Paragraph({ text: b, bullet: { level: 0 } })),
          ]),
          new Paragraph({ text: 'Skills', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: ana.skills.map(
              ([k, v]) => new TableRow({ children: [cell(k as string), cell(v as string)] }),
            ),
          }),
          new Paragraph({ text: 'Education', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(ana.education.join(', ')),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const lexicon = createLexicon(loadReferenceData());

// Each file is made once, shared by the tests below.
const files = { onePdf: asOneColumnPdf(), twoPdf: asTwoColumnPdf(), docx: asDocx() };

function parsed(text: string) {
  const r = parseResume(text, lexicon);
  return {
    name: r.person.name,
    email: r.person.email,
    roles: r.roles.map((role) => ({
      employer: role.employer,
      title: role.title,
      start: role.start,
      end: role.end,
      current: role.current,
    })),
    skills: r.skills.map((s) => s.name).sort(),
  };
}

async function text(r: Promise<{ text: string } | { error: string }>): Promise<string> {
  const out = await r;
  if ('error' in out) throw new Error(out.error);
  return out.text;
}

describe('every format ends in the same parsed résumé', () => {
  it('parses the plain-text version to the labelled roles', () => {
    const plain = parsed(asText());
    expect(plain.name).toBe('Ana Example');
    expect(plain.email).toBe('ana.example@example.com');
    expect(plain.roles).toEqual(expectedRoles);
  });

  it.each([
    [
      'a one-column PDF with ligatures and symbol-font bullets',
      async () => text(pdfToText(await files.onePdf)),
    ],
    ['a two-column PDF with a side column', async () => text(pdfToText(await files.twoPdf))],
    ['a DOCX with styles, lists and a table', async () => text(docxToText(await files.docx))],
  ])('parses %s to the same person, roles and skills as the text', async (_, extract) => {
    const extracted = await extract();
    const plain = parsed(asText());
    const got = parsed(extracted);
    expect(got.roles).toEqual(expectedRoles);
    expect(got).toEqual(plain);
    // The typography is gone: no ligature or private-use code points reach the parser.
    expect(extracted).not.toMatch(/[\uFB00-\uFB06\uE000-\uF8FF\u00AD]/);
  });
});

describe('readInputs reads PDF and DOCX files, by extension and by content', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'careergraph-formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function collect(paths: string[], options: Partial<Parameters<typeof readInputs>[1]> = {}) {
    const out: InputResult[] = [];
    for await (const r of readInputs(paths, { maxFileBytes: 10_000_000, cwd: dir, ...options })) out.push(r);
    return out.map((r) => (r.ok ? { key: r.file.key, format: r.file.format, text: r.file.text } : r.error));
  }

  it('walks folders for .pdf and .docx beside .txt and .md, and hands the parser their text', async () => {
    mkdirSync(path.join(dir, 'cvs'), { recursive: true });
    writeFileSync(path.join(dir, 'cvs/ana.pdf'), await files.onePdf);
    writeFileSync(path.join(dir, 'cvs/ana.docx'), await files.docx);
    writeFileSync(path.join(dir, 'cvs/ana.txt'), asText());
    writeFileSync(path.join(dir, 'cvs/photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(path.join(dir, 'cvs/resume.json'), '{"basics":{}}');
    const results = await collect([path.join(dir, 'cvs')]);
    expect(results.map((r) => ('key' in r ? [r.key, r.format] : r))).toEqual([
      ['cvs/ana.docx', 'docx'],
      ['cvs/ana.pdf', 'pdf'],
      ['cvs/ana.txt', 'text'],
      ['cvs/resume.json', 'json-resume'],
    ]);
    for (const r of results)
      if ('text' in r && r.format !== 'json-resume') expect(parsed(r.text).roles).toEqual(expectedRoles);
  });

  it('reads a PDF named .txt as a PDF, refuses an image named .txt, and reads JSON as JSON Resume', async () => {
    writeFileSync(path.join(dir, 'really-a-pdf.txt'), await files.twoPdf);
    writeFileSync(
      path.join(dir, 'image.txt'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    writeFileSync(path.join(dir, 'resume.json'), '{"basics":{"name":"Ana"}}');
    writeFileSync(
      path.join(dir, 'random.pdf'),
      new Uint8Array(2048).map((_, i) => (i * 131 + 7) % 256),
    );
    writeFileSync(path.join(dir, 'notes.odt'), Buffer.from('PK\x03\x04 not really a zip', 'latin1'));
    const results = await collect([
      path.join(dir, 'really-a-pdf.txt'),
      path.join(dir, 'image.txt'),
      path.join(dir, 'resume.json'),
      path.join(dir, 'random.pdf'),
      path.join(dir, 'notes.odt'),
    ]);
    expect(results).toEqual([
      { key: 'really-a-pdf.txt', format: 'pdf', text: expect.stringContaining('Ana Example') },
      { file: 'image.txt', reason: 'the file is binary, not text (it contains NUL bytes)' },
      { key: 'resume.json', format: 'json-resume', text: '{"basics":{"name":"Ana"}}' },
      { file: 'random.pdf', reason: 'the PDF cannot be read: invalid PDF structure' },
      { file: 'notes.odt', reason: expect.stringMatching(/^the format is not supported \(a zip archive/) },
    ]);
  });

  it('detects a PDF or a DOCX on stdin whatever its name, and applies the configured limits', async () => {
    const { Readable } = await import('node:stream');
    const [pdf] = await collect(['-'], {
      stdin: Readable.from([Buffer.from(await files.onePdf)]),
      stdinName: 'cv.txt',
    });
    expect(pdf).toMatchObject({ key: 'stdin:cv.txt', format: 'pdf' });
    const [docx] = await collect(['-'], {
      stdin: Readable.from([Buffer.from(await files.docx)]),
      stdinName: 'cv',
    });
    expect(docx).toMatchObject({ key: 'stdin:cv', format: 'docx' });
    const [limited] = await collect(['-'], {
      stdin: Readable.from([Buffer.from(await files.docx)]),
      stdinName: 'cv.docx',
      limits: { docx: { maxUncompressedBytes: 1000 } },
    });
    expect(limited).toEqual({ file: 'stdin:cv.docx', reason: expect.stringMatching(/expands to more than/) });
  });
});
