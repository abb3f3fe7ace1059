import { badInput } from './errors.ts';

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

/** Opaque cursor for the item at `offset` of a list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The offset to start at after `after`; BAD_USER_INPUT for a cursor this API did not make. */
export function decodeAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const m = /^o:(\d{1,9})$/.exec(text);
  if (!m?.[1]) throw badInput(`"after" is not a cursor from this API: ${JSON.stringify(after.slice(0, 40))}`);
  return Number(m[1]) + 1;
}

/** Validates `first`: 0–100. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE)
    throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${n}`);
  return n;
}

/** Builds a Relay connection from one page of rows and the total. */
export function connection<T>(rows: T[], offset: number, totalCount: number) {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: offset + rows.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
