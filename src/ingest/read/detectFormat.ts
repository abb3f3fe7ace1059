import path from 'node:path';
import { decodeText } from './decodeText.ts';
import { isDocxDirectory, isZip, readZipDirectory } from './docxText.ts';

export type DetectedFormat = 'pdf' | 'docx' | 'markdown' | 'text' | 'json' | 'unknown';

const BY_EXTENSION: Record<string, DetectedFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.json': 'json',
};

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** True when `%PDF-` starts within the first KiB (readers allow a little junk before the header). */
export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= end; i++) {
    if (PDF_MAGIC.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/**
 * What a file is: its magic bytes first (`%PDF-`; a zip holding `word/document.xml`), then its
 * extension, then its content (`{` → JSON, Markdown headings or emphasis → Markdown, else text if it
 * decodes as text). A `.txt` that is really a PDF is a PDF; a zip that is not a Word document, an RTF,
 * or binary without a known extension is `unknown`.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): DetectedFormat {
  if (isPdf(bytes)) return 'pdf';
  const ext = path.extname(fileName).toLowerCase();
  if (isZip(bytes)) {
    const directory = readZipDirectory(bytes);
    if ('entries' in directory && isDocxDirectory(directory.entries)) return 'docx';
    // A damaged or foreign zip named .docx goes to the DOCX reader, which says what is wrong with it.
    return ext === '.docx' ? 'docx' : 'unknown';
  }
  const byExtension = BY_EXTENSION[ext];
  if (byExtension) return byExtension;
  const decoded = decodeText(bytes);
  if ('error' in decoded) return 'unknown';
  const text = decoded.text.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{\\rtf')) return 'unknown';
  if (text.startsWith('{')) return 'json';
  if (/^\s*#{1,6}\s|\*\*\S/m.test(text)) return 'markdown';
  return 'text';
}
