import { inflateRawSync } from 'node:zlib';

/**
 * DOCX → Markdown-ish text for the résumé parser, with mammoth: headings become `#` lines, list items
 * `- ` lines, table rows `cell | cell` lines. The zip is checked first (a DOCX at all, and no
 * decompression bomb), before mammoth unpacks anything.
 */

export interface DocxTextOptions {
  /** The most the archive may expand to, all entries together. Default 50 MB. */
  maxUncompressedBytes?: number;
}

export const DEFAULT_MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** One entry of a zip archive's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const MAX_ENTRIES = 10_000;

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/**
 * Reads a zip archive's central directory (zip64 included) without unpacking anything: names, methods
 * and the sizes the archive declares.
 */
export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntry[] } | { error: string } {
  if (!isZip(bytes)) return { error: 'not a zip archive' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = { error: 'the zip archive is damaged' };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return damaged;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return damaged;
    const z64 = Number(view.getBigUint64(locator + 8, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== 0x06064b50) return damaged;
    count = Number(view.getBigUint64(z64 + 32, true));
    offset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > MAX_ENTRIES) return { error: `the zip archive has more than ${MAX_ENTRIES} entries` };
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return damaged;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) return damaged;
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    // Sizes that do not fit 32 bits are in the zip64 extra field, in this order, only those that overflowed.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          if (field + 8 > extra + 4 + size) return null;
          const v = Number(view.getBigUint64(field, true));
          field += 8;
          return v;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? Infinity;
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? Infinity;
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? Infinity;
      }
      extra += 4 + size;
    }
    entries.push(entry);
    offset = end;
  }
  return { entries };
}

/** A zip holding a Word document's main part. */
export function isDocxDirectory(entries: ZipEntry[]): boolean {
  return entries.some((e) => e.name === 'word/document.xml');
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  return `${Number((bytes / (1024 * 1024)).toFixed(2))} MB`;
}

/**
 * Checks that the archive expands to at most `limit` bytes: first the sizes it declares, then the real
 * ones (each entry is inflated with a cap, so an archive that lies about its sizes stops at the limit).
 */
function checkExpansion(bytes: Uint8Array, entries: ZipEntry[], limit: number): string | null {
  const tooBig = `the DOCX expands to more than ${megabytes(limit)} (CAREERGRAPH_MAX_DOCX_BYTES)`;
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > limit) return tooBig;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return 'the DOCX is damaged';
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) return 'the DOCX is damaged';
    const remaining = limit - total;
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, remaining + 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooBig;
        return `the DOCX is damaged (${entry.name}: ${(error as Error).message})`;
      }
    } else {
      return `the DOCX uses a zip compression method careergraph cannot read (${entry.method})`;
    }
    if (total > limit) return tooBig;
  }
  return null;
}

/**
 * Reads a DOCX's text, headings, lists and tables. Errors come back as values: not a zip, a zip that is
 * not a DOCX, an archive that expands past `maxUncompressedBytes`, a document mammoth cannot read.
 */
export async function docxToText(
  bytes: Uint8Array,
  options: DocxTextOptions = {},
): Promise<{ text: string } | { error: string }> {
  const limit = options.maxUncompressedBytes ?? DEFAULT_MAX_DOCX_UNCOMPRESSED_BYTES;
  if (!isZip(bytes)) return { error: 'the file is not a DOCX (not a zip archive)' };
  const directory = readZipDirectory(bytes);
  if ('error' in directory) return { error: `the file is not a readable DOCX (${directory.error})` };
  if (!isDocxDirectory(directory.entries)) {
    return { error: 'the file is a zip archive but not a DOCX (it has no word/document.xml)' };
  }
  const tooBig = checkExpansion(bytes, directory.entries, limit);
  if (tooBig) return { error: tooBig };

  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Résumé templates set the name in the Title style.
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
        // Images are not read at all (no data URIs in memory); linked files are never fetched.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n')[0]?.slice(0, 120);
    return { error: `the DOCX cannot be read: ${reason}` };
  }
  const body = htmlToText(html);
  // mammoth reads the body only; résumé templates often set the name and contact line in the page header.
  const header = pageHeaderLines(bytes, directory.entries).filter((l) => !body.includes(l));
  const text = header.length ? `${header.join('\n')}\n\n${body}` : body;
  if (!text.trim()) return { error: 'the DOCX has no text' };
  return { text };
}

/** The paragraphs of the document's page headers (word/header*.xml), each once, in order. */
function pageHeaderLines(bytes: Uint8Array, entries: ZipEntry[]): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lines: string[] = [];
  for (const entry of entries
    .filter((e) => /^word\/header\d*\.xml$/.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const at = entry.localHeaderOffset;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    let xml: string;
    try {
      xml = (entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8');
    } catch {
      continue;
    }
    for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = decodeEntities(
        (p.match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>|<w:tab\/>/g) ?? [])
          .map((t) => (t === '<w:tab/>' ? '   ' : t.replace(/<[^>]+>/g, '')))
          .join(''),
      ).trim();
      if (text && !lines.includes(text)) lines.push(text);
    }
  }
  return lines;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface TableState {
  /** Lines of each cell of the current row. */
  cells: string[][];
  /** Lines of the cell being read. */
  cell: string[] | null;
}

/**
 * mammoth's HTML → lines: `# heading`, `- list item` (nested items indented), paragraphs as lines, and
 * table rows as `cell | cell`. A table used for layout (cells holding several paragraphs, a sidebar
 * beside the main text) is read cell after cell instead, so its paragraphs stay lines.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const tables: TableState[] = [];
  let listDepth = 0;
  let line = '';
  let prefix = '';
  let link: { href: string; start: number } | null = null;

  const sink = (): string[] => tables.at(-1)?.cell ?? out;
  const flush = () => {
    // A tab separates columns (title ⇥ dates): a wide gap, as the parser reads it.
    const text = line.replace(/[ \t]*\t[ \t]*/g, '   ').trim();
    if (text) sink().push(prefix + text);
    line = '';
  };
  const startBlock = (p: string) => {
    flush();
    prefix = p;
  };
  const endBlock = () => {
    flush();
    prefix = '';
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawTag, attrs, text] = m;
    if (text !== undefined) {
      line += decodeEntities(text).replace(/[\r\n]+/g, ' ');
      continue;
    }
    const tag = (rawTag as string).toLowerCase();
    const open = !closing;
    if (/^h[1-6]$/.test(tag)) {
      if (open) startBlock(`${'#'.repeat(Number(tag[1]))} `);
      else endBlock();
    } else if (tag === 'p') {
      if (open) startBlock('');
      else endBlock();
    } else if (tag === 'ul' || tag === 'ol') {
      if (open) {
        flush();
        listDepth++;
      } else {
        listDepth = Math.max(0, listDepth - 1);
      }
    } else if (tag === 'li') {
      if (open) startBlock(`${'  '.repeat(Math.max(0, listDepth - 1))}- `);
      else endBlock();
    } else if (tag === 'br') {
      // A line break inside a paragraph starts a new line; its continuation keeps the indent, not the marker.
      const keep = prefix;
      flush();
      prefix = keep.startsWith('#') ? '' : keep.replace(/[-#] $/, '  ');
    } else if (tag === 'table') {
      if (open) {
        endBlock();
        tables.push({ cells: [], cell: null });
      } else {
        endBlock();
        const done = tables.pop();
        // A table nested in a cell: its lines become the outer cell's lines.
        if (done?.cell) done.cells.push(done.cell);
      }
    } else if (tag === 'tr') {
      const table = tables.at(-1);
      if (!table) continue;
      if (open) {
        table.cells = [];
      } else {
        endBlock();
        if (table.cell) table.cells.push(table.cell);
        table.cell = null;
        const cells = table.cells.filter((c) => c.length > 0);
        table.cells = [];
        const target = tables.at(-2)?.cell ?? out;
        if (cells.every((c) => c.length === 1)) {
          if (cells.length > 0)
            target.push(cells.map((c) => (c[0] as string).replace(/^- /, '')).join(' | '));
        } else {
          for (const [i, c] of cells.entries()) {
            if (i > 0 && target === out) target.push('');
            target.push(...c);
          }
        }
      }
    } else if (tag === 'td' || tag === 'th') {
      const table = tables.at(-1);
      if (!table) continue;
      endBlock();
      if (open) {
        table.cell = [];
      } else {
        if (table.cell) table.cells.push(table.cell);
        table.cell = null;
      }
    } else if (tag === 'a') {
      if (open) {
        const href = /\bhref="([^"]*)"/i.exec(attrs ?? '')?.[1];
        link = href ? { href: decodeEntities(href), start: line.length } : null;
      } else if (link) {
        const before = line.slice(0, link.start);
        const label = line.slice(link.start).trim();
        const { href } = link;
        link = null;
        // A web link whose label hides its address ("LinkedIn") keeps the address, Markdown-style.
        const labelIsAddress =
          /^\S+\.\S+$/.test(label) &&
          href.toLowerCase().includes(label.toLowerCase().replace(/^https?:\/\//, ''));
        if (/^https?:/i.test(href) && label && !labelIsAddress) line = `${before}[${label}](${href})`;
      }
    }
    // strong, em, u, s, sup, sub, span, img: formatting only; the text stays plain.
  }
  endBlock();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
