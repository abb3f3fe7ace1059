import neo4j from 'neo4j-driver';

/** Converts driver values to plain JSON-able ones: Integers to numbers, temporal values to ISO strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value)) {
    return new Date((value as { toString(): string }).toString()).toISOString();
  }
  if (typeof value === 'object') {
    const props = (value as { properties?: unknown }).properties;
    if (props && typeof props === 'object' && 'labels' in (value as object)) return toPlain(props);
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]),
    );
  }
  return value;
}

/**
 * Converts JavaScript numbers that are whole to Cypher integers, deeply, so stored properties (line,
 * startOrd) and LIMIT/SKIP arguments are INTEGER, not FLOAT (the driver sends every JS number as a float).
 */
export function toCypherParams<T>(value: T): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) return value.map(toCypherParams) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCypherParams(v)]),
    ) as T;
  }
  return value;
}
