import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from './decodeText.ts';

/** A résumé file read from disk or stdin, ready to parse. */
export interface InputFile {
  /** Identifies the file across versions: its path relative to the working directory, or `stdin:<name>`. */
  key: string;
  fileName: string;
  format: 'text' | 'markdown';
  text: string;
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
};

/** The résumé formats `ingest` reads, by extension. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

function toInput(key: string, fileName: string, bytes: Uint8Array, maxBytes: number): InputResult {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      error: {
        file: key,
        reason: `the file is ${bytes.length} bytes, over the limit of ${maxBytes} (CAREERGRAPH_MAX_FILE_BYTES)`,
      },
    };
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) return { ok: false, error: { file: key, reason: decoded.error } };
  const format =
    EXTENSIONS[path.extname(fileName).toLowerCase()] ??
    (/^\s*#{1,6}\s|\*\*\S/m.test(decoded.text) ? 'markdown' : 'text');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, file: { key, fileName, format, text: decoded.text, sha256 } };
}

// A folder's README or changelog is about the folder, not a résumé; named explicitly, it is still read.
const NOT_RESUMES = /^(?:readme|changelog|license|licence|contributing)(?:\.[a-z]+)?$/i;

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
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
 * Reads résumés from files, folders (recursively, `.txt`/`.md` files) and stdin (`-`), one at a time,
 * so memory stays flat however many there are. Unreadable inputs come back as errors, never thrown.
 */
export async function* readInputs(
  paths: string[],
  options: { maxFileBytes: number; cwd?: string; stdin?: NodeJS.ReadableStream; stdinName?: string },
): AsyncGenerator<InputResult> {
  const cwd = options.cwd ?? process.cwd();
  const keyOf = (file: string) => path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  for (const p of paths) {
    if (p === '-') {
      const bytes = await readStdin(options.stdin ?? process.stdin);
      const name = options.stdinName ?? 'stdin.txt';
      yield toInput(`stdin:${name}`, name, bytes, options.maxFileBytes);
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
    for await (const file of files) {
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
        yield toInput(keyOf(file), path.basename(file), await readFile(file), options.maxFileBytes);
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
