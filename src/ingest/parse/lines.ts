/** One line of a résumé after normalisation, with its 1-based number in the original file. */
export interface Line {
  n: number;
  /** The line as written (BOM and CR removed). */
  raw: string;
  /** Plain text: Markdown emphasis, heading marks, link syntax and bullets removed, whitespace collapsed. */
  text: string;
  /** Markdown heading level (1–6) or 0. */
  heading: number;
  /** True when the line starts with a bullet marker. */
  bullet: boolean;
  /** Leading whitespace width (tabs count 4). */
  indent: number;
  /** True for `====`/`----` underlines and Markdown table separators: layout, not content. */
  rule: boolean;
  /** True for Markdown table rows (`| a | b |`). */
  tableRow: boolean;
  /** URLs found on the line (Markdown link targets and bare URLs). */
  urls: string[];
}

// `*` and `+` need a space after them: `*April* 2013` is emphasis, not a bullet.
const BULLET = /^\s*(?:[•●◦▪▫■□►▶➢➤✓✔∙·‣⁃]|[*+\-–—o](?=\s)|\d{1,2}[.)](?=\s))\s*/u;
const RULE = /^\s*(?:[=\-_*~#]\s*){3,}$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s)<>\]|,]+|\b(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com)\/[^\s)<>\]|,]+/gi;

/** Removes Markdown inline syntax so `**Senior Engineer**, *Contoso*` reads as plain text. */
export function stripInlineMarkdown(text: string): string {
  return (
    text
      // images and links: keep the label
      .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, '$1')
      .replace(/<(https?:[^>]+)>/g, '$1')
      // inline code
      .replace(/`([^`]*)`/g, '$1')
      // emphasis: **x**, __x__, *x*, _x_ (not inside words for underscores)
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
      .replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, '$1')
      .replace(/~~(.+?)~~/g, '$1')
      // stray emphasis markers left by unbalanced pairs
      .replace(/\*{2,}/g, '')
      // HTML tags some exporters leave behind
      .replace(/<\/?(?:b|i|u|strong|em|br|span)[^>]*>/gi, ' ')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
  );
}

const opens = (s: string) => (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;

/**
 * Mends a parenthesis that a narrow page wrapped onto the next line ("Woodgrove Bank (retail and
 * business" / "banking)"): the rest is joined back and its own line left empty.
 */
function joinWrappedParentheses(lines: Line[]): Line[] {
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1] as Line;
    if (!line.text || opens(line.text) <= 0 || !next.text || next.bullet || next.heading) continue;
    const close = next.text.indexOf(')');
    if (close < 0 || close > 60 || opens(next.text.slice(0, close)) !== 0 || !/^\p{Ll}/u.test(next.text))
      continue;
    line.text = `${line.text} ${next.text}`;
    next.text = '';
  }
  return lines;
}

/** Splits a résumé's text into numbered, normalised lines (UTF-8 BOM, CRLF and Markdown handled). */
export function toLines(source: string): Line[] {
  return joinWrappedParentheses(splitLines(source));
}

function splitLines(source: string): Line[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return text.split('\n').map((raw, i) => {
    const untabbed = raw.replace(/\t/g, '    ');
    const indent = untabbed.length - untabbed.trimStart().length;
    let body = untabbed.trim();
    const tableRow = /^\|.*\|$/.test(body);
    // Page footers of PDF exports ("Page 1 of 2") are layout, not content.
    const rule =
      RULE.test(body) || (tableRow && TABLE_SEPARATOR.test(body)) || /^page \d+ (?:of|\/) \d+$/i.test(body);
    let heading = 0;
    const h = /^(#{1,6})\s+/.exec(body);
    if (h?.[1]) {
      heading = h[1].length;
      body = body.slice(h[0].length).replace(/\s+#+\s*$/, '');
    }
    const urls = [...raw.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    for (const m of raw.matchAll(URL)) if (!urls.some((u) => u.includes(m[0]))) urls.push(m[0]);
    let bullet = false;
    if (!rule) {
      // Emphasis can wrap the bullet ("**•** text") or follow it; strip markdown first, then the bullet.
      const first = BULLET.exec(body);
      if (first && body.length > first[0].length) {
        bullet = true;
        body = body.slice(first[0].length);
      }
      let plain = stripInlineMarkdown(body);
      const second = bullet ? null : BULLET.exec(plain);
      if (second && plain.length > second[0].length) {
        bullet = true;
        plain = plain.slice(second[0].length);
      }
      body = plain;
    }
    // A wide gap inside a line separates columns ("VANARSDEL LTD        Milan, Italy"): keep it as a separator.
    const clean = rule
      ? ''
      : body
          .trim()
          .replace(/\s{3,}|\t+/g, ' | ')
          .replace(/\s+/g, ' ');
    return { n: i + 1, raw, text: clean, heading, bullet, indent, rule, tableRow, urls };
  });
}
