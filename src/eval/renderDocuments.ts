import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { stripInlineMarkdown } from '../ingest/parse/lines.ts';

// Development-only (npm run eval): renders labelled résumés into PDF and DOCX to measure extraction from
// those formats. A Unicode TrueType font is needed for accents and dashes; Debian's fonts-dejavu-core has it.
const FONT = process.env.CAREERGRAPH_EVAL_FONT ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const BOLD_FONT =
  process.env.CAREERGRAPH_EVAL_BOLD_FONT ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

type Kind =
  | { kind: 'blank' }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'bullet'; depth: number; text: string }
  | { kind: 'row'; cells: string[] }
  | { kind: 'rule' }
  | { kind: 'line'; segs: string[]; bold: boolean };
function classify(raw: string): Kind {
  const t = raw.replace(/\t/g, '    ');
  const body = t.trim();
  if (!body) return { kind: 'blank' };
  if (/^\s*(?:[=\-_*~#]\s*){3,}$/.test(body)) return { kind: 'rule' };
  if (/^\|.*\|$/.test(body)) {
    if (/^\|?\s*:?-{2,}/.test(body)) return { kind: 'rule' };
    return {
      kind: 'row',
      cells: body
        .slice(1, -1)
        .split('|')
        .map((c) => stripInlineMarkdown(c.trim())),
    };
  }
  const h = /^(#{1,6})\s+(.*)$/.exec(body);
  if (h) return { kind: 'heading', level: h[1]!.length, text: stripInlineMarkdown(h[2]!) };
  const b = /^(?:[•●◦▪▫■►▶➢➤✓✔∙·‣⁃]|[*+\-–—](?=\s))\s*(.*)$/u.exec(body);
  if (b)
    return {
      kind: 'bullet',
      depth: Math.min(2, Math.floor((t.length - t.trimStart().length) / 2)),
      text: stripInlineMarkdown(b[1]!),
    };
  const bold = /^\*\*[^*]+\*\*/.test(body);
  return { kind: 'line', segs: stripInlineMarkdown(body).split(/\s{3,}/), bold };
}

class Flow {
  log: string[] = [];
  page!: PDFPage;
  y = 0;
  pageIndex = -1;
  constructor(
    private doc: PDFDocument,
    private pages: PDFPage[],
    public x: number,
    public width: number,
    public top: number,
    private reg: PDFFont,
    private bold: PDFFont,
  ) {}
  private ensure() {
    if (this.pageIndex < 0 || this.y < 60) {
      this.pageIndex++;
      while (this.pages.length <= this.pageIndex) this.pages.push(this.doc.addPage([612, 792]));
      this.page = this.pages[this.pageIndex]!;
      this.y = this.pageIndex === 0 ? this.top : 740;
    }
  }
  text(s: string, x: number, size: number, bold: boolean) {
    this.log.push(s);
    this.page.drawText(s, { x, y: this.y, size, font: bold ? this.bold : this.reg });
  }
  wrap(s: string, indent: number, size = 10, bold = false, hang = 0) {
    const font = bold ? this.bold : this.reg;
    let line = '';
    let first = true;
    const emit = () => {
      this.ensure();
      this.text(line, this.x + indent + (first ? 0 : hang), size, bold);
      this.y -= size * 1.3;
      first = false;
    };
    for (const w of s.split(/\s+/)) {
      const next = line ? `${line} ${w}` : w;
      if (line && font.widthOfTextAtSize(next, size) > this.width - indent - (first ? 0 : hang)) {
        emit();
        line = w;
      } else line = next;
    }
    if (line) emit();
  }
  segs(segs: string[], size = 10, bold = false) {
    if (segs.length === 1 || this.width < 200) return this.wrap(segs.join(' · '), 0, size, bold);
    this.ensure();
    const font = bold ? this.bold : this.reg;
    // first segments left, the last one right-aligned
    let x = this.x;
    segs.forEach((s, i) => {
      const w = font.widthOfTextAtSize(s, size);
      const at = i === segs.length - 1 ? Math.max(x + 24, this.x + this.width - w) : x;
      this.text(s, at, size, bold);
      x = at + w + 24;
    });
    this.y -= size * 1.3;
  }
  render(k: Kind) {
    switch (k.kind) {
      case 'blank':
        this.y -= 7;
        return;
      case 'rule':
        return;
      case 'heading':
        this.y -= 4;
        this.wrap(k.text, 0, k.level === 1 ? 16 : 12, true);
        return;
      case 'bullet':
        this.ensure();
        this.text('•', this.x + 4 + k.depth * 12, 10, false);
        this.wrap(k.text, 16 + k.depth * 12);
        return;
      case 'row':
        this.segs(k.cells.filter(Boolean));
        return;
      case 'line':
        this.segs(k.segs.map((s) => s.trim()).filter(Boolean), 10, k.bold);
        return;
    }
  }
}

const SIDE =
  /^(?:#+\s*)?\**(?:technical skills|skills|core skills|key skills|education|languages|spoken languages|certifications?|interests|tools|technologies|contact|awards|hobbies)\b[^a-z]*$/i;
const MAIN =
  /^(?:#+\s*)?\**(?:experience|work experience|professional experience|employment|work history|summary|profile|about|projects|publications|career|open source|volunteering)\b/i;

/** Renders résumé text (Markdown or plain) as a real PDF with a text layer: one column, or a side column. */
export async function renderPdf(text: string, columns: 1 | 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const reg = await doc.embedFont(readFileSync(FONT), { subset: true });
  const bold = await doc.embedFont(readFileSync(BOLD_FONT), { subset: true });
  const pages: PDFPage[] = [];
  const lines = text.replace(/\r/g, '').split('\n');
  if (columns === 1) {
    const f = new Flow(doc, pages, 54, 504, 740, reg, bold);
    for (const l of lines) f.render(classify(l));
  } else {
    // header (before the first section heading) across the top; side sections left, the rest right
    let i = 0;
    const header = new Flow(doc, pages, 36, 540, 740, reg, bold);
    for (; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (i > 0 && (SIDE.test(l) || MAIN.test(l))) break;
      header.render(classify(lines[i]!));
    }
    const top = header.y - 16;
    const side = new Flow(doc, pages, 36, 150, top, reg, bold);
    const main = new Flow(doc, pages, 216, 360, top, reg, bold);
    let cur = main;
    for (; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (SIDE.test(l)) cur = side;
      else if (MAIN.test(l)) cur = main;
      cur.render(classify(lines[i]!));
    }
  }
  if (pages.length === 0) pages.push(doc.addPage());
  return doc.save();
}

/** Renders résumé text as a real DOCX: headings, bullet lists, tables and paragraphs. */
export async function renderDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flushRows = () => {
    if (rows.length) {
      children.push(
        new Table({
          rows: rows.map(
            (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
          ),
        }),
      );
      rows = [];
    }
  };
  const levels = [
    HeadingLevel.HEADING_1,
    HeadingLevel.HEADING_2,
    HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4,
    HeadingLevel.HEADING_5,
    HeadingLevel.HEADING_6,
  ];
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    const k = classify(raw);
    if (k.kind !== 'row') flushRows();
    if (k.kind === 'row') {
      const n = Math.max(...rows.map((r) => r.length), k.cells.length);
      rows.push(k.cells);
      rows = rows.map((r) => [...r, ...Array(n - r.length).fill('')]);
    } else if (k.kind === 'heading')
      children.push(new Paragraph({ text: k.text, heading: levels[k.level - 1] }));
    else if (k.kind === 'bullet') children.push(new Paragraph({ text: k.text, bullet: { level: k.depth } }));
    else if (k.kind === 'line')
      children.push(new Paragraph({ children: [new TextRun({ text: k.segs.join('\t'), bold: k.bold })] }));
  }
  flushRows();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
