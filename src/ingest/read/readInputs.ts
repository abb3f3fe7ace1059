import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from './decodeText.ts';
import { detectFormat } from './detectFormat.ts';
import { type DocxTextOptions, docxToText, isZip } from './docxText.ts';
import { isLinkedInExportFolder } from './linkedinExport.ts';
import { type PdfTextOptions, pdfToText } from './pdfText.ts';

/** A résumé file read from disk or stdin, ready to parse. */
export interface InputFile {
  /** Identifies the file across versions: its path relative to the working directory, or `stdin:<name>`. */
  key: string;
  fileName: string;
  /**
   * The file's format; for PDF and DOCX, `text` is the text extracted from it; for JSON Resume, the JSON;
   * for a LinkedIn data export (a folder), `files` holds its CSV files by name.
   */
  format: 'text' | 'markdown' | 'pdf' | 'docx' | 'json-resume' | 'linkedin';
  text: string;
  files?: Record<string, string>;
  sha256: string;
}

/** A file that could not be read, with the reason. */
export interface InputError {
  file: string;
  reason: string;
}

export type InputResult = { ok: true; file: InputFile } | { ok: false; error: InputError };

const EXTENSIONS: Record<string, InputFile['format']> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.json': 'json-resume',
};

/** The résumé formats `ingest` reads, by extension (files named explicitly are also recognised by content). */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** Limits of the readers: PDF pages, DOCX expanded size, lines of text. */
export interface ReadLimits {
  pdf?: PdfTextOptions;
  docx?: DocxTextOptions;
  /** Files whose text has more lines are refused before parsing (a résumé has a few hundred). */
  maxLines?: number;
}

/** Default of `ReadLimits.maxLines`. */
export const DEFAULT_MAX_LINES = 20_000;

/** The number of lines of a text (a final newline does not start another). */
function lineCount(text: string): number {
  let lines = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

type Extracted = { format: InputFile['format']; text: string } | { error: string };

/** The text of a file in whatever format it is in (detected from its content, then its name). */
async function extract(fileName: string, bytes: Uint8Array, limits: ReadLimits): Promise<Extracted> {
  const format = detectFormat(fileName, bytes);
  switch (format) {
    case 'pdf': {
      const r = await pdfToText(bytes, limits.pdf);
      return 'error' in r ? r : { format, text: r.text };
    }
    case 'docx': {
      const r = await docxToText(bytes, limits.docx);
      return 'error' in r ? r : { format, text: r.text };
    }
    case 'json': {
      const decoded = decodeText(bytes);
      if ('error' in decoded) return decoded;
      try {
        JSON.parse(decoded.text);
      } catch (error) {
        return { error: `the file is not valid JSON: ${(error as Error).message.slice(0, 120)}` };
      }
      return { format: 'json-resume', text: decoded.text };
    }
    case 'unknown': {
      const decoded = decodeText(bytes);
      const what = isZip(bytes)
        ? 'a zip archive that is not a DOCX'
        : 'error' in decoded
          ? 'binary data, not text'
          : 'RTF';
      return {
        error: `the format is not supported (${what}); careergraph reads PDF, DOCX, Markdown and text`,
      };
    }
    default: {
      const decoded = decodeText(bytes);
      return 'error' in decoded ? decoded : { format, text: decoded.text };
    }
  }
}

async function toInput(
  key: string,
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
  limits: ReadLimits,
): Promise<InputResult> {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      error: {
        file: key,
        reason: `the file is ${bytes.length} bytes, over the limit of ${maxBytes} (CAREERGRAPH_MAX_FILE_BYTES)`,
      },
    };
  }
  if (bytes.length === 0) return { ok: false, error: { file: key, reason: 'the file is empty' } };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extracted = await extract(fileName, bytes, limits);
  if ('error' in extracted) return { ok: false, error: { file: key, reason: extracted.error } };
  const maxLines = limits.maxLines ?? DEFAULT_MAX_LINES;
  const lines = lineCount(extracted.text);
  if (lines > maxLines) {
    return {
      ok: false,
      error: {
        file: key,
        reason: `the file has ${lines} lines, over the limit of ${maxLines} (CAREERGRAPH_MAX_LINES)`,
      },
    };
  }
  return { ok: true, file: { key, fileName, format: extracted.format, text: extracted.text, sha256 } };
}

// A folder's README or changelog is about the folder, not a résumé; named explicitly, it is still read.
const NOT_RESUMES = /^(?:readme|changelog|license|licence|contributing)(?:\.[a-z]+)?$/i;

/** Reads a LinkedIn data export folder (its CSV files) as one input. */
async function linkedInInput(dir: string, key: string): Promise<InputResult> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv')).sort()) {
    const decoded = decodeText(await readFile(path.join(dir, name)));
    if (!('error' in decoded)) files[name] = decoded.text;
  }
  const sha256 = createHash('sha256')
    .update(
      Object.entries(files)
        .map(([n, t]) => `${n}\u0000${t}`)
        .join('\u0001'),
    )
    .digest('hex');
  return {
    ok: true,
    file: { key, fileName: path.basename(dir), format: 'linkedin', text: '', files, sha256 },
  };
}

const LINKEDIN = Symbol('linkedin export folder');

async function* walk(dir: string): AsyncGenerator<string | { [LINKEDIN]: string }> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  // A LinkedIn data export is one person's résumé spread over CSV files: read the folder as one input.
  if (isLinkedInExportFolder(entries.filter((e) => e.isFile()).map((e) => e.name))) {
    yield { [LINKEDIN]: dir };
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (
      entry.isFile() &&
      EXTENSIONS[path.extname(entry.name).toLowerCase()] &&
      !NOT_RESUMES.test(entry.name)
    ) {
      yield full;
    }
  }
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Reads résumés from files, folders (recursively: `.txt`, `.md`, `.pdf` and `.docx` files) and stdin
 * (`-`), one at a time, so memory stays flat however many there are. A file's format is detected from
 * its content first (a PDF named `.txt` is read as a PDF), then its name; PDF and DOCX files are turned
 * into text here. Unreadable inputs come back as errors, never thrown.
 */
export async function* readInputs(
  paths: string[],
  options: {
    maxFileBytes: number;
    cwd?: string;
    stdin?: NodeJS.ReadableStream;
    stdinName?: string;
    limits?: ReadLimits;
  },
): AsyncGenerator<InputResult> {
  const limits = options.limits ?? {};
  const cwd = options.cwd ?? process.cwd();
  const keyOf = (file: string) => path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  for (const p of paths) {
    if (p === '-') {
      const bytes = await readStdin(options.stdin ?? process.stdin);
      const name = options.stdinName ?? 'stdin.txt';
      yield await toInput(`stdin:${name}`, name, bytes, options.maxFileBytes, limits);
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield {
        ok: false,
        error: { file: p, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code})` },
      };
      continue;
    }
    const files = info.isDirectory()
      ? walk(p)
      : (async function* () {
          yield p;
        })();
    for await (const item of files) {
      if (typeof item !== 'string') {
        yield await linkedInInput(item[LINKEDIN], keyOf(item[LINKEDIN]));
        continue;
      }
      const file = item;
      try {
        const size = (await stat(file)).size;
        if (size > options.maxFileBytes) {
          yield {
            ok: false,
            error: {
              file: keyOf(file),
              reason: `the file is ${size} bytes, over the limit of ${options.maxFileBytes} (CAREERGRAPH_MAX_FILE_BYTES)`,
            },
          };
          continue;
        }
        const result = await toInput(
          keyOf(file),
          path.basename(file),
          await readFile(file),
          options.maxFileBytes,
          limits,
        );
        yield result;
      } catch (error) {
        yield {
          ok: false,
          error: {
            file: keyOf(file),
            reason: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          },
        };
      }
    }
  }
}
