// A few lines instead of a framework: elements from tag, attributes and children. Text is always set
// as text (never HTML), so names from résumés cannot inject markup.

/** Something that can be put inside an element; null, undefined and false are skipped. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
/** Attributes by name; `true` sets an empty attribute, null/undefined/false leave it out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

function fill(el: Element, attrs: Attrs, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
}

/** Appends children (flattening arrays, skipping empty ones) to an element. */
export function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** An HTML element. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  fill(el, attrs, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  fill(el, attrs, children);
  return el;
}

let ids = 0;
/** A document-unique id, for label/aria references. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}
