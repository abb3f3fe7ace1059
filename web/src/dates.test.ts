import { describe, expect, it } from 'vitest';
import {
  formatMonths,
  formatPartialDate,
  formatSpan,
  intersectSpans,
  monthOf,
  monthsCovered,
  roleInterval,
} from './dates.ts';

const m = (year: number, month: number) => year * 12 + month - 1;

describe('partial dates', () => {
  it('reads a year as January at the start and December at the end', () => {
    expect(monthOf('2016', 'start')).toBe(m(2016, 1));
    expect(monthOf('2016', 'end')).toBe(m(2016, 12));
    expect(monthOf('2016-03', 'end')).toBe(m(2016, 3));
    expect(monthOf('2016-13', 'start')).toBeNull();
    expect(monthOf('Present', 'start')).toBeNull();
    expect(monthOf(null, 'start')).toBeNull();
  });

  it('writes dates and spans in words', () => {
    expect(formatPartialDate('2019-03')).toBe('Mar 2019');
    expect(formatPartialDate('2019')).toBe('2019');
    expect(formatSpan('2016-03', '2019-08', false)).toBe('Mar 2016 – Aug 2019');
    expect(formatSpan('2020', null, true)).toBe('2020 – present');
    expect(formatSpan('2020', null, false)).toBe('2020 – ?');
    expect(formatSpan(null, null, false)).toBe('undated');
  });

  it('writes durations in years and months', () => {
    expect(formatMonths(0)).toBe('under a month');
    expect(formatMonths(1)).toBe('1 month');
    expect(formatMonths(12)).toBe('1 year');
    expect(formatMonths(38)).toBe('3 years 2 months');
  });
});

describe('roleInterval', () => {
  const now = m(2026, 11);
  it('runs a current role to now and marks it open-ended', () => {
    expect(roleInterval({ start: '2020-01', end: null, current: true }, now)).toEqual({
      start: m(2020, 1),
      end: now,
      openEnded: true,
      endUnknown: false,
    });
  });
  it('ends a year-only end in December', () => {
    expect(roleInterval({ start: '2016', end: '2020', current: false }, now)).toMatchObject({
      start: m(2016, 1),
      end: m(2020, 12),
    });
  });
  it('marks a role without end that is not current, and places nothing without a start', () => {
    expect(roleInterval({ start: '2019', end: null, current: false }, now)).toMatchObject({
      end: m(2019, 12),
      endUnknown: true,
    });
    expect(roleInterval({ start: null, end: '2019', current: false }, now)).toBeNull();
  });
});

describe('spans', () => {
  it('counts overlapping months once, as the API does', () => {
    expect(monthsCovered([])).toBe(0);
    expect(monthsCovered([[m(2016, 1), m(2016, 12)]])).toBe(12);
    expect(
      monthsCovered([
        [m(2016, 1), m(2016, 12)],
        [m(2016, 7), m(2017, 6)],
        [m(2019, 1), m(2019, 1)],
      ]),
    ).toBe(19);
  });
  it('intersects two careers at one employer', () => {
    // Two titles in a row for one person, one long role for the other.
    const a: [number, number][] = [
      [m(2016, 3), m(2017, 12)],
      [m(2018, 1), m(2019, 8)],
    ];
    const b: [number, number][] = [[m(2017, 9), m(2021, 2)]];
    expect(intersectSpans(a, b)).toEqual([[m(2017, 9), m(2019, 8)]]);
    expect(intersectSpans(a, [[m(2020, 1), m(2020, 5)]])).toEqual([]);
  });
});
