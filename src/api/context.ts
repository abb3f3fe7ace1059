import { createHash, timingSafeEqual } from 'node:crypto';
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
  /** Most lines a résumé sent to `ingestResume` may have (CAREERGRAPH_MAX_LINES). */
  maxLines: number;
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

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * Compares keys in constant time: `timingSafeEqual` over their SHA-256 digests, which always have the
 * same length, so neither an early exit nor the length of a guess tells how close it came.
 */
export function keyMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The current month on the month scale roles use. */
export function currentMonthOrdinal(now = new Date()): number {
  return now.getUTCFullYear() * 12 + now.getUTCMonth();
}
