import type { Core, ElementDefinition, LayoutOptions, NodeSingular, StylesheetJson } from 'cytoscape';
import { CompanyDocument, PersonDocument, TechnologyDocument } from '../../src/client/index.ts';
import { request } from './api.ts';
import { h } from './dom.ts';
import {
  companyElements,
  type Elements,
  type NodeData,
  type NodeKind,
  personElements,
  technologyElements,
} from './graphModel.ts';
import { type Route, routeHref } from './routes.ts';
import { basePath, problemBox } from './ui.ts';

/** Neighbours added per expansion: the graph grows by pages, never the whole graph. */
const PAGE = 10;

const KIND_WORDS: Record<NodeKind, string> = {
  person: 'person',
  role: 'role',
  company: 'company',
  technology: 'technology',
};

// Colours from the palette in styles.css; shapes differ too, so colour is never the only cue.
const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 12,
      'font-family': 'system-ui, sans-serif',
      color: '#1b1f24',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      width: 22,
      height: 22,
      'border-width': 2,
      'border-color': '#1b1f24',
    },
  },
  {
    selector: 'node[kind = "person"]',
    style: { shape: 'ellipse', 'background-color': '#0b5cad', width: 30, height: 30 },
  },
  {
    selector: 'node[kind = "role"]',
    style: { shape: 'round-rectangle', 'background-color': '#c9d3df', width: 26, height: 16 },
  },
  { selector: 'node[?inferred]', style: { 'border-style': 'dashed', 'background-color': '#ffffff' } },
  {
    selector: 'node[kind = "company"]',
    style: { shape: 'hexagon', 'background-color': '#1e7a4c', width: 28, height: 26 },
  },
  { selector: 'node[kind = "technology"]', style: { shape: 'diamond', 'background-color': '#b3541e' } },
  { selector: 'node.root', style: { 'border-width': 4, 'font-weight': 'bold' } },
  { selector: 'node.expanded', style: { 'border-color': '#0b5cad', 'border-width': 3 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#7a8594',
      'target-arrow-color': '#7a8594',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
    },
  },
];

/** Where each kind of node leads in the explorer. */
function routeOfNode(node: NodeData): Route | null {
  if (node.kind === 'person') return { view: 'person', id: node.id };
  if (node.kind === 'company' && node.name) return { view: 'company', name: node.name };
  if (node.kind === 'technology' && node.name) return { view: 'technology', name: node.name };
  return null;
}

/** The neighbourhood graph of a view: the element to place, and `start` once it is in the document. */
export interface NeighbourhoodGraph {
  element: HTMLElement;
  start(): Promise<void>;
  /** Adds a node's neighbours (a page of them), as a click on it does. */
  expand(id: string): Promise<void>;
}

/**
 * A person's neighbourhood drawn with cytoscape (person → roles → companies → technologies). Clicking
 * a company, technology or person node adds its neighbours through GraphQL, ten at a time. The same
 * nodes are listed as text below, with buttons, for keyboards and screen readers.
 */
export function neighbourhoodGraph(
  person: Parameters<typeof personElements>[0],
  signal: AbortSignal,
): NeighbourhoodGraph {
  const canvas = h('div', {
    class: 'graph-canvas',
    'data-testid': 'graph',
    role: 'img',
    'aria-label': `Graph of ${person.name ?? 'this person'}'s roles, companies and technologies; the list below names the same nodes.`,
  });
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'graph-list', 'data-testid': 'graph-nodes' });
  const count = h('span', {});
  const details = h(
    'details',
    {},
    h('summary', {}, 'Nodes as a list (', count, '), expandable by keyboard'),
    list,
  );
  const element = h(
    'div',
    {},
    h('p', { class: 'hint' }, 'Click a company, technology or person to add its neighbours.'),
    canvas,
    status,
    details,
  );

  let cy: Core | undefined;
  const expanded = new Set<string>([person.id]);
  const busy = new Set<string>();

  const renderList = () => {
    if (!cy) return;
    const nodes = cy.nodes().map((n: NodeSingular) => n.data() as NodeData);
    count.textContent = `${nodes.length} nodes`;
    canvas.dataset.nodes = String(nodes.length);
    list.replaceChildren(
      ...nodes.map((node) => {
        const route = routeOfNode(node);
        const canExpand = node.kind !== 'role' && !expanded.has(node.id);
        const button = canExpand
          ? h('button', { type: 'button', class: 'small' }, `Expand ${node.label}`)
          : null;
        button?.addEventListener('click', () => void expand(node.id));
        return h(
          'li',
          { 'data-kind': node.kind, 'data-node-id': node.id },
          h('span', { class: `kind kind-${node.kind}` }, KIND_WORDS[node.kind]),
          ' ',
          route ? h('a', { href: routeHref(route, basePath()) }, node.label) : node.label,
          node.inferred ? ' (employer inferred)' : '',
          button ? ' ' : '',
          button,
        );
      }),
    );
  };

  const add = (elements: Elements) => {
    if (!cy) return 0;
    const fresh: ElementDefinition[] = [
      ...elements.nodes
        .filter((n) => cy?.getElementById(n.id).empty())
        .map((data) => ({ group: 'nodes' as const, data: { ...data } })),
      ...elements.edges
        .filter((e) => cy?.getElementById(e.id).empty())
        .map((data) => ({ group: 'edges' as const, data: { ...data } })),
    ];
    cy.add(fresh);
    return fresh.filter((e) => e.group === 'nodes').length;
  };

  const layout = () => {
    if (!cy) return;
    const depth = new Map<string, number>();
    cy.elements().bfs({
      roots: cy.getElementById(person.id),
      directed: false,
      visit: (v: NodeSingular, _e: unknown, _u: unknown, _i: number, d: number) => {
        depth.set(v.id(), d);
      },
    });
    // Rings by distance from the person first, then a force-directed pass from there: a readable,
    // repeatable drawing (cose alone starts from random positions).
    cy.layout({
      name: 'concentric',
      animate: false,
      minNodeSpacing: 30,
      concentric: (n: NodeSingular) => 10 - (depth.get(n.id()) ?? 9),
      levelWidth: () => 1,
    }).run();
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => 45,
      gravity: 0.6,
      nodeDimensionsIncludeLabels: true,
    } as LayoutOptions).run();
    cy.fit(undefined, 24);
  };

  const expand = async (id: string) => {
    if (!cy || expanded.has(id) || busy.has(id)) return;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    const data = node.data() as NodeData;
    if (data.kind === 'role') return;
    busy.add(id);
    status.textContent = `Adding the neighbours of ${data.label}…`;
    try {
      let elements: Elements;
      if (data.kind === 'company') {
        const r = await request(
          CompanyDocument,
          { name: data.name ?? data.label, first: PAGE, technologies: 0 },
          signal,
        );
        if (!r.company) throw new Error(`the company ${data.label} is gone`);
        elements = companyElements(r.company);
      } else if (data.kind === 'technology') {
        const r = await request(
          TechnologyDocument,
          { name: data.name ?? data.label, first: PAGE, companies: PAGE },
          signal,
        );
        if (!r.technology) throw new Error(`the technology ${data.label} is gone`);
        elements = technologyElements(r.technology);
      } else {
        const r = await request(PersonDocument, { id }, signal);
        if (!r.person) throw new Error(`the person ${data.label} is gone`);
        elements = personElements(r.person);
      }
      if (signal.aborted) return;
      const added = add(elements);
      expanded.add(id);
      node.addClass('expanded');
      layout();
      renderList();
      const more =
        elements.more && elements.more.total > elements.more.shown
          ? ` (${elements.more.shown} of ${elements.more.total} ${elements.more.noun}; the ${KIND_WORDS[data.kind]} page lists them all)`
          : '';
      status.textContent = `${data.label}: ${added} node${added === 1 ? '' : 's'} added${more}.`;
    } catch (error) {
      if (signal.aborted) return;
      status.replaceChildren(problemBox(error));
    } finally {
      busy.delete(id);
    }
  };

  return {
    element,
    expand,
    async start() {
      const { default: cytoscape } = await import('cytoscape');
      if (signal.aborted) return;
      cy = cytoscape({
        container: canvas,
        style: STYLE,
        minZoom: 0.2,
        maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: false,
      });
      add(personElements(person));
      cy.getElementById(person.id).addClass('root');
      layout();
      renderList();
      cy.on('tap', 'node', (event) => void expand((event.target as NodeSingular).id()));
      signal.addEventListener('abort', () => cy?.destroy(), { once: true });
    },
  };
}
