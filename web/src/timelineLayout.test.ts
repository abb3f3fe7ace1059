import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelineRole } from './timelineLayout.ts';

const now = 2026 * 12 + 10;
const aws = { id: 'company:aws', name: 'Amazon Web Services' };
const ig = { id: 'company:instagram', name: 'Instagram' };
const pw = { id: 'company:proseware', name: 'Proseware' };
const role = (
  id: string,
  company: TimelineRole['company'],
  start: string | null,
  end: string | null,
  current = false,
) => ({
  id,
  company,
  start,
  end,
  current,
});

describe('layoutTimeline', () => {
  const roles = [
    role('r-ig', ig, '2020-01', null, true),
    role('r-aws2', aws, '2018-01', '2019-08'),
    role('r-aws1', aws, '2016-03', '2017-12'),
    role('r-pw', pw, '2011-06', '2016-02'),
  ];
  const layout = layoutTimeline(roles, now);

  it('places one bar per dated role, grouped by employer in order of their first role', () => {
    expect(layout.groups.map((g) => g.name)).toEqual(['Proseware', 'Amazon Web Services', 'Instagram']);
    expect(layout.groups.flatMap((g) => g.bars.map((b) => b.role.id))).toEqual([
      'r-pw',
      'r-aws1',
      'r-aws2',
      'r-ig',
    ]);
    expect(layout.undated).toEqual([]);
  });

  it('puts successive roles at one employer on one row, and runs the current role to now', () => {
    expect(layout.groups.map((g) => g.rows)).toEqual([1, 1, 1]);
    expect(layout.rows).toBe(3);
    const current = layout.groups[2]?.bars[0];
    expect(current).toMatchObject({ row: 2, end: now, openEnded: true });
  });

  it('gives overlapping roles at one employer their own rows', () => {
    const overlapping = layoutTimeline(
      [role('a', aws, '2016', '2019'), role('b', aws, '2018', '2020'), role('c', aws, '2020-06', '2021')],
      now,
    );
    expect(overlapping.groups).toHaveLength(1);
    expect(overlapping.groups[0]?.bars.map((b) => b.row)).toEqual([0, 1, 0]);
    expect(overlapping.rows).toBe(2);
  });

  it('spans whole years from the first start to the last end', () => {
    expect(layout.from).toBe(2011 * 12);
    expect(layout.to).toBe(2027 * 12 - 1);
    expect(layout.years[0]).toBe(2011 * 12);
    expect(layout.years).toHaveLength(16);
  });

  it('lists roles without a start apart, and groups roles without an employer', () => {
    const odd = layoutTimeline([role('x', null, '2015', '2016'), role('y', aws, null, null)], now);
    expect(odd.undated.map((r) => r.id)).toEqual(['y']);
    expect(odd.groups.map((g) => g.name)).toEqual(['Employer unknown']);
  });
});
