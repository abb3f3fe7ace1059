import type { PartialDate } from './resume.ts';

/** `YYYY` or `YYYY-MM`: the serialised form used in the graph, the API and JSON output. */
export function formatPartialDate(date: PartialDate | null): string | null {
  if (!date) return null;
  return date.month ? `${date.year}-${String(date.month).padStart(2, '0')}` : String(date.year);
}

/**
 * Months since year 0 of the earliest month the date can mean (`edge: 'start'`) or the latest
 * (`edge: 'end'`), so year-only dates still order: a role "2016 – 2019" ends before one starting "2020".
 */
export function monthOrdinal(date: PartialDate, edge: 'start' | 'end'): number {
  const month = date.month ?? (edge === 'start' ? 1 : 12);
  return date.year * 12 + (month - 1);
}
