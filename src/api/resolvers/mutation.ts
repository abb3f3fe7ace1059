import { createHash } from 'node:crypto';
import { deleteSources } from '../../graph/deleteSources.ts';
import { writeResumes } from '../../graph/writeResumes.ts';
import { extractFile } from '../../ingest/ingestFiles.ts';
import { toWriteParams } from '../../ingest/load/writeParams.ts';
import type { ApiContext } from '../context.ts';
import { badInput, unauthenticated } from '../errors.ts';

/** Largest résumé accepted through the API, in characters. */
const MAX_CONTENT = 1_000_000;

function requireKey(ctx: ApiContext): void {
  if (!ctx.hasKey) throw unauthenticated();
}

async function ingestResume(
  _: unknown,
  args: { input: { fileName: string; content: string; format?: 'TEXT' | 'MARKDOWN' | null } },
  ctx: ApiContext,
) {
  requireKey(ctx);
  const { fileName, content } = args.input;
  if (!fileName.trim() || fileName.length > 300) throw badInput('"fileName" must be 1 to 300 characters');
  if (!content.trim()) throw badInput(`"${fileName}": the content is empty`);
  if (content.length > MAX_CONTENT)
    throw badInput(`"${fileName}": the content is over ${MAX_CONTENT} characters`);
  const lines = content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
  if (lines > ctx.maxLines) {
    throw badInput(
      `"${fileName}": the content has ${lines} lines, over the limit of ${ctx.maxLines} (CAREERGRAPH_MAX_LINES)`,
    );
  }
  const format =
    args.input.format === 'MARKDOWN' || (!args.input.format && /\.(?:md|markdown)$/i.test(fileName))
      ? 'markdown'
      : 'text';
  const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
  const resume = extractFile(
    { key: `api:${fileName}`, fileName, format, text: content, sha256 },
    ctx.lexicon,
  );
  if (!resume.person.name && !resume.person.email && resume.roles.length === 0) {
    throw badInput(`"${fileName}" does not look like a résumé: no name, email or role found`);
  }
  const ingestedAt = new Date().toISOString();
  const result = await writeResumes(ctx.driver, toWriteParams([resume], ingestedAt), {
    database: ctx.database,
  });
  // The résumé may describe someone already known (same email, or same name and career).
  const personId = result.people[resume.source.key] ?? resume.person.id;
  ctx.loaders.person.clear(personId);
  return {
    person: ctx.loaders.person.load(personId),
    source: { id: resume.source.id, fileName, sha256, format, ingestedAt },
    changed: result.written.length > 0,
    warnings: resume.warnings.map((w) => (w.line ? `line ${w.line}: ${w.message}` : w.message)),
  };
}

async function deleteSource(_: unknown, args: { sha256: string }, ctx: ApiContext) {
  requireKey(ctx);
  if (!/^[0-9a-f]{64}$/i.test(args.sha256)) throw badInput('"sha256" must be 64 hexadecimal characters');
  const ids = (
    await ctx.graph.read<{ id: string }>('api/sourceIdsBySha', { sha256: args.sha256.toLowerCase() })
  ).map((r) => r.id);
  if (ids.length) await deleteSources(ctx.driver, ids, ctx.database);
  return { deleted: ids.length > 0 };
}

async function deletePerson(_: unknown, args: { id: string }, ctx: ApiContext) {
  requireKey(ctx);
  const ids = (await ctx.graph.read<{ id: string }>('api/sourceIdsByPerson', { id: args.id })).map(
    (r) => r.id,
  );
  if (ids.length) await deleteSources(ctx.driver, ids, ctx.database);
  return { deleted: ids.length > 0 };
}

/** Mutations: refused with UNAUTHENTICATED unless the request carries the API key. */
export const Mutation = { ingestResume, deleteSource, deletePerson };
