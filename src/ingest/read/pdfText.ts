/**
 * PDF → plain text for the résumé parser: the text layer's items (pdf.js, through unpdf) are put back
 * into lines by their positions, two-column pages are read one column after the other, and the
 * typography PDFs carry (ligatures, soft hyphens, odd spaces, bullet glyphs) is normalised.
 */

export interface PdfTextOptions {
  /** PDFs with more pages are refused (a résumé has a few). Default 20. */
  maxPages?: number;
}

export const DEFAULT_MAX_PDF_PAGES = 20;

/** One piece of text on a page, in PDF units (origin bottom-left, y is the baseline). */
export interface PdfTextItem {
  str: string;
  x0: number;
  x1: number;
  y: number;
  /** Font size (the height of the text's transform). */
  size: number;
  /** pdf.js's name for the font (bold and regular faces differ), when known. */
  font?: string;
}

interface PdfLine {
  y: number;
  size: number;
  items: PdfTextItem[];
}

/**
 * Reads the text layer of a PDF. Errors come back as values: an encrypted PDF, a corrupt one, one with
 * no text at all (a scan), one with more pages than `maxPages`.
 */
export async function pdfToText(
  bytes: Uint8Array,
  options: PdfTextOptions = {},
): Promise<{ text: string } | { error: string }> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PDF_PAGES;
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (and may detach) the buffer it is given, and refuses Node Buffers: a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    return { error: describePdfError(error) };
  }
  try {
    if (pdf.numPages > maxPages) {
      return {
        error: `the PDF has ${pdf.numPages} pages, over the limit of ${maxPages} (CAREERGRAPH_MAX_PDF_PAGES)`,
      };
    }
    const pages: string[] = [];
    let anyText = false;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str.trim()) continue;
        const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = raw.transform as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 10;
        items.push({ str: raw.str, x0: x, x1: x + (raw.width || 0), y, size, font: raw.fontName });
      }
      page.cleanup();
      if (items.length > 0) anyText = true;
      pages.push(pageText(items));
    }
    if (!anyText) return { error: 'the PDF has no text layer (a scan?); run it through OCR first' };
    return {
      text: normalisePdfText(
        withoutRunningLines(pages)
          .filter((p) => p.trim())
          .join('\n\n'),
      ),
    };
  } catch (error) {
    return { error: describePdfError(error) };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function describePdfError(error: unknown): string {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'PasswordException' || /password|encrypt/i.test(e?.message ?? '')) {
    return 'the PDF is encrypted (it needs a password); save a copy without one first';
  }
  const reason = (e?.message ?? String(error)).replace(/\.$/, '').replace(/\s+/g, ' ').trim();
  const short = reason.length > 120 ? `${reason.slice(0, 117)}…` : reason;
  return `the PDF cannot be read: ${short.charAt(0).toLowerCase()}${short.slice(1) || 'unknown error'}`;
}

/** One page's items → text: header band, then one or two columns, then footer. */
export function pageText(items: PdfTextItem[]): string {
  const unique = dropDuplicates(items);
  const split = splitColumns(unique);
  if (!split) return linesText(buildLines(unique));
  return [split.header, split.left, split.right, split.footer]
    .filter((part) => part.length > 0)
    .map((part) => linesText(buildLines(part)))
    .join('\n\n');
}

// Fake bold draws the same text twice, a fraction of a point apart: keep one copy.
function dropDuplicates(items: PdfTextItem[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  const seen = new Map<string, PdfTextItem[]>();
  for (const item of items) {
    const same = seen.get(item.str) ?? [];
    if (same.some((o) => Math.abs(o.x0 - item.x0) < 1.5 && Math.abs(o.y - item.y) < 1.5)) continue;
    same.push(item);
    seen.set(item.str, same);
    out.push(item);
  }
  return out;
}

/** Groups items into lines by baseline (within a tolerance of the font size), top to bottom, left to right. */
export function buildLines(items: PdfTextItem[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) <= 0.5 * Math.min(line.size, item.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  for (const line of lines) line.items.sort((p, q) => p.x0 - q.x0);
  return lines;
}

function lineString(line: PdfLine): string {
  let out = '';
  let prev: PdfTextItem | undefined;
  for (const item of line.items) {
    if (prev) {
      const gap = item.x0 - prev.x1;
      const size = Math.max(prev.size, item.size);
      if (gap > 1.2 * size) out = `${out.trimEnd()}   ${item.str.trimStart()}`;
      else if (gap > 0.12 * size && !/\s$/.test(out) && !/^\s/.test(item.str)) out += ` ${item.str}`;
      else out += item.str;
    } else {
      out = item.str;
    }
    prev = item;
  }
  return out.trim();
}

/** Lines → text, with a blank line where the vertical gap is much wider than the usual line spacing. */
function linesText(lines: PdfLine[]): string {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const step = (lines[i - 1] as PdfLine).y - (lines[i] as PdfLine).y;
    if (step > 0) steps.push(step);
  }
  steps.sort((p, q) => p - q);
  // The usual spacing is that of body lines, the commonest and the tightest: a low quantile, not the median.
  const usual = steps[Math.floor(steps.length / 4)] ?? 0;
  const right = Math.max(...lines.map(lineRight));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev) {
      const step = prev.y - line.y;
      if (step > 1.6 * usual && step > 1.8 * Math.min(prev.size, line.size)) out.push('');
      else if (wrapped(prev, line, right, usual)) {
        out[out.length - 1] = `${out[out.length - 1]} ${lineString(line)}`;
        return;
      }
    }
    out.push(lineString(line));
  });
  return out.join('\n');
}

/**
 * Drops running headers and footers: a first or last line that every page repeats, page numbers aside
 * ("Kateřina Dvořáková — CV — 1/2"). Left in, a name at the top of page 2 reads as an employer.
 */
export function withoutRunningLines(pages: string[]): string[] {
  if (pages.length < 2) return pages;
  const shape = (line: string | undefined) => (line ?? '').trim().replace(/\d+/g, '#');
  const lines = pages.map((p) => p.split('\n').filter((l) => l.trim()));
  const firsts = new Set(lines.map((l) => shape(l[0])));
  const lasts = new Set(lines.map((l) => shape(l[l.length - 1])));
  const dropFirst = firsts.size === 1 && lines.every((l) => l.length > 1);
  const dropLast = lasts.size === 1 && lines.every((l) => l.length > 1);
  if (!dropFirst && !dropLast) return pages;
  return pages.map((page) => {
    const all = page.split('\n');
    const first = all.findIndex((l) => l.trim());
    const last = all.length - 1 - [...all].reverse().findIndex((l) => l.trim());
    return all.filter((_, i) => !(dropFirst && i === first) && !(dropLast && i === last)).join('\n');
  });
}

const lineRight = (line: PdfLine) => Math.max(...line.items.map((i) => i.x1));
const lineLeft = (line: PdfLine) => Math.min(...line.items.map((i) => i.x0));
const BULLET_START = /^\s*(?:[•●▪■◦‣∙⁃►▸➢➤◆♦✓✔·\-–—*]|[\uE000-\uF8FF])/u;

/**
 * True when `next` is the rest of a sentence the column's width broke off `line`: the same paragraph
 * (usual spacing, same size, not to the left of it, no bullet of its own), and `line` runs so close to
 * the column's right edge that the next word could not have fitted. Narrow columns wrap headings too
 * ("Senior Engineer, Woodgrove Bank (retail and" / "business banking)"), which read as two lines otherwise.
 */
function wrapped(line: PdfLine, next: PdfLine, right: number, usual: number): boolean {
  const step = line.y - next.y;
  if (step <= 0 || step > 1.25 * usual || Math.abs(line.size - next.size) > 0.5) return false;
  const text = lineString(line);
  const rest = lineString(next);
  // Lines with wide gaps are set in columns (title left, dates right): headings, not wrapped prose.
  if (/\s{3}/.test(text) || /\s{3}/.test(rest) || text.split(/\s+/).length < 4) return false;
  if (BULLET_START.test(rest) || lineLeft(next) < lineLeft(line) - 1) return false;
  // A bold heading followed by regular text is two lines, however wide the heading.
  const lastFont = line.items[line.items.length - 1]?.font;
  if (lastFont && next.items[0]?.font && lastFont !== next.items[0].font) return false;
  const first = next.items[0] as PdfTextItem;
  const word = /^\S+/.exec(first.str.trimStart())?.[0] ?? '';
  const wordWidth = first.str.length > 0 ? ((first.x1 - first.x0) * word.length) / first.str.length : 0;
  return lineRight(line) + 0.3 * line.size + wordWidth > right - 1;
}

interface ColumnSplit {
  header: PdfTextItem[];
  left: PdfTextItem[];
  right: PdfTextItem[];
  footer: PdfTextItem[];
  gutter: number;
}

const MONTHS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:present|now|current|today|since|to)\b/gi;

/** A line that holds little but a date ("2019 – Present", "Mar 2018"): a date column, not a text column. */
function dateLike(text: string): boolean {
  if (!/\b(?:19|20)\d{2}\b/.test(text)) return false;
  return text.replace(MONTHS, '').replace(/[\d\W_]/g, '').length <= 3;
}

/**
 * Finds a gutter: an x no item crosses between the top and the bottom of where both sides have text,
 * with real text (not only dates) on each side. Returns the header band (a few lines above the
 * columns, and anything spanning the gutter above them), the two columns and the footer; null for
 * one column.
 */
export function splitColumns(items: PdfTextItem[]): ColumnSplit | null {
  if (items.length < 6) return null;
  const minX = Math.min(...items.map((i) => i.x0));
  const maxX = Math.max(...items.map((i) => i.x1));
  const span = maxX - minX;
  if (span < 100) return null;
  // One-point steps; coarser on pages with very many items (text set glyph by glyph) to bound the work.
  const step = Math.max(1, Math.ceil(items.length / 1500));
  const valid: boolean[] = [];
  const xs: number[] = [];
  for (let x = minX + 0.1 * span; x <= minX + 0.9 * span; x += step) {
    xs.push(x);
    valid.push(crossersOutside(items, x));
  }
  // Contiguous runs of valid x are candidate gutters; try the widest first.
  const bands: { from: number; to: number }[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (!valid[i]) continue;
    const from = xs[i] as number;
    while (i + 1 < xs.length && valid[i + 1]) i++;
    bands.push({ from, to: xs[i] as number });
  }
  bands.sort((p, q) => q.to - q.from - (p.to - p.from));
  for (const band of bands) {
    // Narrow gutters count too: a sidebar URL can run to within two points of the main column.
    if (band.to - band.from < 0) break;
    // The middle of the band, else its edges: a page number far right widens the band past the column.
    for (const x of [(band.from + band.to) / 2, band.from, band.to]) {
      const split = trySplit(items, x);
      if (split) return split;
    }
  }
  return null;
}

function extent(items: PdfTextItem[]): { top: number; bottom: number } {
  let top = -Infinity;
  let bottom = Infinity;
  for (const i of items) {
    top = Math.max(top, i.y);
    bottom = Math.min(bottom, i.y);
  }
  return { top, bottom };
}

/** True when x splits items into two non-empty sides and whatever crosses x lies above or below both. */
function crossersOutside(items: PdfTextItem[], x: number): boolean {
  const left = items.filter((i) => i.x1 <= x);
  const right = items.filter((i) => i.x0 >= x);
  if (left.length === 0 || right.length === 0) return false;
  const l = extent(left);
  const r = extent(right);
  const top = Math.min(l.top, r.top);
  const bottom = Math.max(l.bottom, r.bottom);
  return items.every((i) => i.x1 <= x || i.x0 >= x || i.y > top + 2 || i.y < bottom - 2);
}

function trySplit(items: PdfTextItem[], gutter: number): ColumnSplit | null {
  const leftAll = items.filter((i) => i.x1 <= gutter);
  const rightAll = items.filter((i) => i.x0 >= gutter);
  const crossing = items.filter((i) => i.x1 > gutter && i.x0 < gutter);
  const l = extent(leftAll);
  const r = extent(rightAll);
  const top = Math.min(l.top, r.top);
  const bottom = Math.max(l.bottom, r.bottom);

  const header = crossing.filter((i) => i.y > top);
  const footer = crossing.filter((i) => i.y <= top);
  const inHeader = new Set<PdfTextItem>(header);
  // Whatever sits beside or between the lines that span the gutter above the columns is header too
  // (a name beside a photo, a headline between the name and the contact line).
  const floor = Math.min(...header.map((i) => i.y));
  const above = [...leftAll, ...rightAll].filter((i) => i.y > top + 2);
  for (const i of above) if (i.y >= floor - 2) inHeader.add(i);
  // Below that, a few lines above where both columns start (a name, a contact line) are a header
  // band; more than that belong to the column that starts higher.
  const rest = above.filter((i) => !inHeader.has(i));
  if (buildLines(rest).length <= 3) for (const i of rest) inHeader.add(i);
  const left = leftAll.filter((i) => !inHeader.has(i));
  const right = rightAll.filter((i) => !inHeader.has(i));
  const footerItems = footer.filter((i) => !inHeader.has(i));
  // The header sits above both columns and the footer below them, and the columns hold most of the
  // page: lines across the gutter among one side's lines, or a header that is most of the page (a
  // one-column page with a small table near its end), mean there are no columns.
  const columns = extent([...left, ...right]);
  if ([...inHeader].some((i) => i.y <= columns.top) || footerItems.some((i) => i.y >= columns.bottom))
    return null;
  const length = (list: PdfTextItem[]) => list.reduce((n, i) => n + i.str.length, 0);
  if (length(left) + length(right) < 0.5 * length(items)) return null;

  const leftLines = buildLines(left).map(lineString);
  const rightLines = buildLines(right).map(lineString);
  if (leftLines.length < 3 || rightLines.length < 3) return null;
  const chars = (lines: string[]) => lines.reduce((n, s) => n + s.length, 0);
  const total = chars(leftLines) + chars(rightLines);
  if (chars(leftLines) < 0.08 * total || chars(rightLines) < 0.08 * total) return null;
  // Dates set apart from their roles (a date column on the left, dates pushed to the right margin) are
  // one layout read across, not two columns.
  const dates = (lines: string[]) => lines.filter(dateLike).length / lines.length;
  if (dates(leftLines) > 0.4 || dates(rightLines) > 0.4) return null;
  return {
    header: items.filter((i) => inHeader.has(i)),
    left,
    right,
    footer: footerItems,
    gutter,
  };
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

// Bullet glyphs, and the private-use code points symbol fonts (Wingdings, Symbol, icon fonts) map theirs to.
const BULLET_AT_START = /^([ \t]*)(?:[•●▪■◦‣∙⁃►▸➢➤◆♦✓✔·]|[\uE000-\uF8FF])[ \t]*(?=\S)/gmu;
const PRIVATE_USE = /[ \t]*[\uE000-\uF8FF]+[ \t]*/gu;

/**
 * Normalises what PDFs carry into plain text: ligatures (ﬁ → fi), soft hyphens (a word broken across
 * lines is joined), non-breaking and other odd spaces, zero-width characters, and bullets (•, ●, ▪,
 * private-use glyphs) → "• ".
 */
export function normalisePdfText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
      // A soft hyphen at the end of a line broke a word: join it; elsewhere it is invisible.
      .replace(/\u00AD[ \t]*\n[ \t]*/g, '')
      .replace(/\u00AD/g, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(BULLET_AT_START, '$1• ')
      .replace(PRIVATE_USE, ' • ')
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
