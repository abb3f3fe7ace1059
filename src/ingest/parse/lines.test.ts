import { describe, expect, it } from 'vitest';
import { stripInlineMarkdown, toLines } from './lines.ts';

describe('toLines', () => {
  it('numbers lines of CRLF text with a BOM from 1, and removes both', () => {
    const lines = toLines('\uFEFFAna Silva\r\nLisbon\r\n');
    expect(lines.map((l) => [l.n, l.text])).toEqual([
      [1, 'Ana Silva'],
      [2, 'Lisbon'],
      [3, ''],
    ]);
  });

  it('reads Markdown headings, emphasis, links and bullets as plain text', () => {
    const [h, b, e] = toLines(
      '#### **Engineering Manager**, *Tailspin*\n- Built [the site](https://example.com)\n*April* 2013 – **2015**',
    );
    expect(h).toMatchObject({ heading: 4, text: 'Engineering Manager, Tailspin', bullet: false });
    expect(b).toMatchObject({ bullet: true, text: 'Built the site', urls: ['https://example.com'] });
    expect(e).toMatchObject({ bullet: false, text: 'April 2013 – 2015' });
  });

  it('keeps a wide gap between columns as a separator', () => {
    expect(toLines('VANARSDEL LTD            Milan, Italy')[0]?.text).toBe('VANARSDEL LTD | Milan, Italy');
  });

  it('marks underlines, table rules and page footers as layout', () => {
    const lines = toLines('Experience\n==========\n| a | b |\n|---|---|\nPage 1 of 2');
    expect(lines.map((l) => l.rule)).toEqual([false, true, false, true, true]);
    expect(lines[2]?.tableRow).toBe(true);
  });

  it('knows bullets of many kinds, but not emphasis at the start of a line', () => {
    const texts = ['• a', '▪ b', '– c', '* d', '1. e', 'o f', '*Oct 2021* – Present'];
    expect(toLines(texts.join('\n')).map((l) => l.bullet)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('stripInlineMarkdown', () => {
  it('leaves snake_case and arithmetic alone', () => {
    expect(stripInlineMarkdown('user_id and 2 * 3 * 4')).toBe('user_id and 2 * 3 * 4');
  });
});

describe('parentheses wrapped onto the next line', () => {
  it('joins the rest back, keeping the first line number', () => {
    const lines = toLines('Engineer, Woodgrove Bank (retail and business\nbanking)\n2024 - present');
    expect(lines.map((l) => l.text)).toEqual([
      'Engineer, Woodgrove Bank (retail and business banking)',
      '',
      '2024 - present',
    ]);
  });

  it('leaves a line that starts a new sentence or bullet alone', () => {
    const lines = toLines('Engineer (Platform\nTeam) at Contoso\n(note\n- item)');
    expect(lines.map((l) => l.text)).toEqual(['Engineer (Platform', 'Team) at Contoso', '(note', 'item)']);
  });
});
