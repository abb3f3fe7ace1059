import type { PersonQuery } from '../../src/client/index.ts';
import { formatMonth, formatSpan, type Month, monthOfDate } from './dates.ts';
import { h, svg } from './dom.ts';
import { type Bar, layoutTimeline } from './timelineLayout.ts';

type Role = NonNullable<PersonQuery['person']>['roles'][number];

const WIDTH = 960;
const LABELS = 190;
const RIGHT = 24;
const ROW = 30;
const BAR = 20;
const AXIS = 26;

/** Words for one role: title, employer, team, dates, place, inference and where it was read. */
export function describeRole(role: Role): string[] {
  return [
    `${role.title ?? 'Untitled role'} at ${role.company?.name ?? 'an unknown employer'}`,
    role.team ? `Team: ${role.team}` : '',
    formatSpan(role.start, role.end, role.current),
    role.location ?? '',
    role.inferred
      ? `Employer inferred from the résumé's prose (confidence ${role.confidence.toFixed(2)})`
      : '',
    `Source: ${role.source.fileName}, line ${role.source.line}`,
  ].filter(Boolean);
}

/**
 * A person's career as SVG: one bar per dated role, a row group per employer, current roles running
 * to today with an arrow, inferred employers dashed and labelled; hover or focus shows the role's
 * details and source line. Undated roles are listed below it.
 */
export function timeline(roles: readonly Role[], now: Month = monthOfDate(new Date())): HTMLElement {
  const layout = layoutTimeline(roles, now);
  const height = AXIS + layout.rows * ROW + 8;
  const span = Math.max(1, layout.to + 1 - layout.from);
  const x = (m: Month) => LABELS + ((m - layout.from) / span) * (WIDTH - LABELS - RIGHT);
  const tip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true, 'data-testid': 'tooltip' });
  const roleOfBar = new WeakMap<Element, Role>();

  const chart = svg('svg', {
    class: 'timeline',
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'group',
    'aria-label': `Career timeline, ${roles.length - layout.undated.length} dated roles`,
    'data-testid': 'timeline',
  });
  // Year grid, a label every year or every few years when the career is long.
  const step = Math.ceil(layout.years.length / 14);
  layout.years.forEach((year, i) => {
    chart.append(svg('line', { x1: x(year), x2: x(year), y1: AXIS - 6, y2: height, class: 'grid' }));
    if (i % step === 0)
      chart.append(
        svg('text', { x: x(year) + 3, y: AXIS - 10, class: 'axis' }, String(Math.floor(year / 12))),
      );
  });

  for (const group of layout.groups) {
    const top = AXIS + group.row * ROW;
    chart.append(
      svg('rect', {
        x: 0,
        y: top,
        width: WIDTH,
        height: group.rows * ROW,
        class: group.row % 2 === 0 ? 'band' : 'band alt',
      }),
      svg(
        'text',
        { x: 8, y: top + ROW / 2 + 5, class: 'employer', 'data-testid': 'timeline-employer' },
        truncate(group.name, 26),
      ),
    );
    for (const bar of group.bars) {
      const el = barElement(bar, x);
      roleOfBar.set(el, bar.role);
      chart.append(el);
    }
  }

  // The tooltip sits outside the horizontally scrolling box, which would clip it.
  const wrap = h('div', { class: 'timeline-wrap' }, h('div', { class: 'timeline-scroll' }, chart), tip);
  const show = (target: Element) => {
    const role = roleOfBar.get(target);
    if (!role) return;
    tip.replaceChildren(...describeRole(role).map((line, i) => h(i === 0 ? 'strong' : 'div', {}, line)));
    tip.hidden = false;
    const box = target.getBoundingClientRect();
    const outer = wrap.getBoundingClientRect();
    tip.style.left = `${Math.max(0, Math.min(box.left - outer.left, outer.width - 300))}px`;
    tip.style.top = `${box.bottom - outer.top + 6}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };
  for (const bar of chart.querySelectorAll('.tl-bar')) {
    bar.addEventListener('mouseenter', () => show(bar));
    bar.addEventListener('focus', () => show(bar));
    bar.addEventListener('mouseleave', hide);
    bar.addEventListener('blur', hide);
    bar.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') hide();
    });
  }

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    h('li', {}, h('span', { class: 'swatch stated', 'aria-hidden': 'true' }), 'employer stated'),
    h('li', {}, h('span', { class: 'swatch inferred', 'aria-hidden': 'true' }), 'employer inferred (dashed)'),
    h(
      'li',
      {},
      h('span', { class: 'swatch current', 'aria-hidden': 'true' }, '→'),
      'current role, still going',
    ),
    h('li', {}, h('span', { class: 'swatch unknown', 'aria-hidden': 'true' }, '?'), 'end date unknown'),
  );
  const undated = layout.undated.length
    ? h(
        'div',
        { class: 'undated' },
        h('p', {}, 'Roles without dates, which the timeline cannot place:'),
        h(
          'ul',
          {},
          layout.undated.map((role) =>
            h('li', { 'data-testid': 'undated-role' }, describeRole(role).join(' · ')),
          ),
        ),
      )
    : null;
  return h(
    'div',
    {},
    h('p', { class: 'hint' }, `From ${formatMonth(layout.from)}; hover or tab to a bar for its details.`),
    wrap,
    legend,
    undated,
  );
}

function barElement(bar: Bar<Role>, x: (m: Month) => number): SVGGElement {
  const { role } = bar;
  const left = x(bar.start);
  const right = Math.max(left + 4, x(bar.end + 1));
  const y = AXIS + bar.row * ROW + (ROW - BAR) / 2;
  const classes = ['tl-bar', role.inferred ? 'inferred' : 'stated', bar.openEnded ? 'current' : ''];
  const label = `${role.title ?? 'Untitled role'}${role.inferred ? ' (inferred)' : ''}`;
  const g = svg('g', {
    class: classes.filter(Boolean).join(' '),
    tabindex: 0,
    role: 'img',
    'aria-label': describeRole(role).join('; '),
    'data-testid': 'timeline-bar',
    'data-role-id': role.id,
    'data-inferred': role.inferred,
    'data-current': bar.openEnded,
  });
  g.append(svg('rect', { x: left, y, width: right - left, height: BAR, rx: 3, class: 'bar-shape' }));
  if (bar.openEnded)
    g.append(
      svg('path', {
        d: `M${right} ${y - 2} L${right + 9} ${y + BAR / 2} L${right} ${y + BAR + 2} Z`,
        class: 'bar-arrow',
      }),
    );
  if (bar.endUnknown) g.append(svg('text', { x: right + 3, y: y + BAR - 5, class: 'bar-unknown' }, '?'));
  const room = Math.floor((right - left - 8) / 6.6);
  if (room >= 4)
    g.append(svg('text', { x: left + 5, y: y + BAR - 6, class: 'bar-text' }, truncate(label, room)));
  return g;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
