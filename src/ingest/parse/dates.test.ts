import { describe, expect, it } from 'vitest';
import { endsBeforeStart, findDateRanges, parseOneDate } from './dates.ts';

const range = (text: string) => {
  const [first] = findDateRanges(text);
  return first
    ? { start: first.start, end: first.end, current: first.current, problem: first.problem }
    : null;
};

describe('findDateRanges', () => {
  it.each([
    ['Oct 2021 - Present', { year: 2021, month: 10 }, null, true],
    ['April 2019 – September 2021', { year: 2019, month: 4 }, { year: 2021, month: 9 }, false],
    ['Sept 2015 – Jan 2016', { year: 2015, month: 9 }, { year: 2016, month: 1 }, false],
    ['2018 – 2023', { year: 2018 }, { year: 2023 }, false],
    ['2024 — Now', { year: 2024 }, null, true],
    ['2024 - present', { year: 2024 }, null, true],
    ['2012 to 2014', { year: 2012 }, { year: 2014 }, false],
    ['Jun 2019 - current', { year: 2019, month: 6 }, null, true],
    ['03/2016 – 11/2018', { year: 2016, month: 3 }, { year: 2018, month: 11 }, false],
    ['2019-04 – 2020-01', { year: 2019, month: 4 }, { year: 2020, month: 1 }, false],
    ['Jan. 2020 – Present', { year: 2020, month: 1 }, null, true],
    ['2015-2017', { year: 2015 }, { year: 2017 }, false],
    ['since 2021', { year: 2021 }, null, true],
    ['2020–', { year: 2020 }, null, true],
    ['(2020 – )', { year: 2020 }, null, true],
    ['2011', { year: 2011 }, { year: 2011 }, false],
    ['Summer 2014', { year: 2014 }, { year: 2014 }, false],
    ['Feb 2018 to Mar 2020', { year: 2018, month: 2 }, { year: 2020, month: 3 }, false],
  ])('reads %s', (text, start, end, current) => {
    expect(range(text)).toEqual({ start, end, current, problem: undefined });
  });

  it('finds the range inside a longer line and reports where it is', () => {
    const line = 'Payments Team - Go, Kafka, PostgreSQL 2017 – 2021';
    const [m] = findDateRanges(line);
    expect(m?.start).toEqual({ year: 2017 });
    expect(line.slice(m?.index, (m?.index ?? 0) + (m?.length ?? 0))).toBe('2017 – 2021');
  });

  it('reports a month that does not exist instead of guessing', () => {
    expect(findDateRanges('13/2020')).toEqual([
      expect.objectContaining({ start: null, problem: expect.stringMatching(/13\/2020/) }),
    ]);
  });

  it('does not read version numbers or counts as dates', () => {
    expect(findDateRanges('Python 3.10 and 200 services')).toEqual([]);
  });
});

describe('parseOneDate and endsBeforeStart', () => {
  it('keeps the precision written', () => {
    expect(parseOneDate('2019')).toEqual({ year: 2019 });
    expect(parseOneDate('March 2019')).toEqual({ year: 2019, month: 3 });
    expect(parseOneDate("Mar '19")).toEqual({ year: 2019, month: 3 });
    expect(parseOneDate('Blursday 2019')).toBeNull();
  });
  it('compares at the precision both dates have', () => {
    expect(endsBeforeStart({ year: 2020, month: 5 }, { year: 2020, month: 3 })).toBe(true);
    expect(endsBeforeStart({ year: 2020, month: 5 }, { year: 2020 })).toBe(false);
    expect(endsBeforeStart({ year: 2020 }, { year: 2019 })).toBe(true);
  });
});

describe('two months sharing one year', () => {
  it('reads "Jun – Sep 2015" and "June–August 2024" as ranges within that year', () => {
    expect(findDateRanges('Data Analyst Intern | Jun – Sep 2015')).toMatchObject([
      { start: { year: 2015, month: 6 }, end: { year: 2015, month: 9 }, current: false },
    ]);
    expect(findDateRanges('June–August 2024')).toMatchObject([
      { start: { year: 2024, month: 6 }, end: { year: 2024, month: 8 } },
    ]);
  });
});

describe('academic years', () => {
  it('reads "2015/16" as 2015 to 2016, and leaves "2015/03"-like forms alone', () => {
    expect(findDateRanges('Visiting Lecturer, Imperial College London — 2015/16')).toMatchObject([
      { start: { year: 2015 }, end: { year: 2016 } },
    ]);
    expect(findDateRanges('2015/03 – 2016/11')[0]).toMatchObject({ start: { year: 2015, month: 3 } });
  });
});

describe('months in other languages and day-precision dates', () => {
  it('reads Spanish, French, German, Italian, Portuguese and Dutch month names and "now" words', () => {
    expect(findDateRanges('Madrid · ene. 2022 – actualidad')).toMatchObject([
      { start: { year: 2022, month: 1 }, end: null, current: true },
    ]);
    expect(findDateRanges('mar. 2019 – dic. 2021')).toMatchObject([
      { start: { year: 2019, month: 3 }, end: { year: 2021, month: 12 } },
    ]);
    expect(parseOneDate('févr. 2019')).toEqual({ year: 2019, month: 2 });
    expect(parseOneDate('März 2020')).toEqual({ year: 2020, month: 3 });
    expect(parseOneDate('giugno 2018')).toEqual({ year: 2018, month: 6 });
    expect(parseOneDate('juillet 2017')).toEqual({ year: 2017, month: 7 });
    expect(parseOneDate('out. 2016')).toEqual({ year: 2016, month: 10 });
    expect(parseOneDate('mrt 2015')).toEqual({ year: 2015, month: 3 });
  });
  it('keeps "01/03/2021 – Attuale" (day, month, year) to the month', () => {
    expect(findDateRanges('[ 01/03/2021 – Attuale ]')).toMatchObject([
      { start: { year: 2021, month: 3 }, end: null, current: true },
    ]);
    expect(findDateRanges('15/09/2018 – 28/02/2021')).toMatchObject([
      { start: { year: 2018, month: 9 }, end: { year: 2021, month: 2 } },
    ]);
  });
});
