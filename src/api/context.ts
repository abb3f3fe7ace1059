import { timingSafeEqual } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { GraphReader } from '../graph/graphReader.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver gets: per-request loaders and reader, shared lexicon and driver. */
export interface ApiContext {
  graph: GraphReader;
  loaders: Loaders;
  lexicon: Lexicon;
  driver: Driver;
  database: string | undefined;
  /** The request carried the configured API key. */
  hasKey: boolean;
  /** Months since year 0 of the current month: "now" for current roles. */
  nowOrd: number;
}

/** Headers as Node and most frameworks give them. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** The key a request carries: `x-api-key`, or `Authorization: Bearer <key>`. */
export function requestKey(headers: RequestHeaders): string | undefined {
  const header = (name: string) => {
    const v = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  };
  const direct = header('x-api-key');
  if (direct) return direct;
  const auth = header('authorization');
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/** Compares keys in constant time (no early exit that would leak how much of a guess was right). */
export function keyMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Equal lengths for timingSafeEqual; a length mismatch still costs one comparison.
  return timingSafeEqual(a.length === b.length ? a : b, b) && a.length === b.length;
}

/** The current month on the month scale roles use. */
export function currentMonthOrdinal(now = new Date()): number {
  return now.getUTCFullYear() * 12 + now.getUTCMonth();
}
