// The neighbourhood graph's nodes and edges, built from API results (pure; graph.ts draws them).
import type { CompanyQuery, PersonQuery, TechnologyQuery } from '../../src/client/index.ts';

/** What a node stands for. */
export type NodeKind = 'person' | 'role' | 'company' | 'technology';

export interface NodeData {
  id: string;
  kind: NodeKind;
  label: string;
  /** The name the API looks companies and technologies up by. */
  name?: string;
  /** A role whose employer was inferred. */
  inferred?: boolean;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
}

/** Nodes and edges to add; ids are the API's stable ids, so adding twice changes nothing. */
export interface Elements {
  nodes: NodeData[];
  edges: EdgeData[];
  /** How many neighbours exist beyond those added (a page of 10 out of many). */
  more?: { total: number; shown: number; noun: string };
}

type Person = NonNullable<PersonQuery['person']>;
type Company = NonNullable<CompanyQuery['company']>;
type Technology = NonNullable<TechnologyQuery['technology']>;

const edge = (source: string, target: string, label: string): EdgeData => ({
  id: `${source}|${label}|${target}`,
  source,
  target,
  label,
});

function collect(): Elements & { add(node: NodeData): void; link(e: EdgeData): void } {
  const nodes = new Map<string, NodeData>();
  const edges = new Map<string, EdgeData>();
  return {
    get nodes() {
      return [...nodes.values()];
    },
    get edges() {
      return [...edges.values()];
    },
    add: (node) => {
      if (!nodes.has(node.id)) nodes.set(node.id, node);
    },
    link: (e) => {
      edges.set(e.id, e);
    },
  };
}

const personNode = (p: { id: string; name?: string | null }): NodeData => ({
  id: p.id,
  kind: 'person',
  label: p.name?.trim() || 'Unnamed person',
});
const companyNode = (c: { id: string; name: string }): NodeData => ({
  id: c.id,
  kind: 'company',
  label: c.name,
  name: c.name,
});
const technologyNode = (t: { id: string; name: string }): NodeData => ({
  id: t.id,
  kind: 'technology',
  label: t.name,
  name: t.name,
});

/** A person's neighbourhood: person → roles → companies, and each role → the technologies it used. */
export function personElements(person: Person): Elements {
  const out = collect();
  out.add(personNode(person));
  for (const role of person.roles) {
    out.add({
      id: role.id,
      kind: 'role',
      label: role.title ?? 'Untitled role',
      inferred: role.inferred,
    });
    out.link(edge(person.id, role.id, 'held'));
    if (role.company) {
      out.add(companyNode(role.company));
      out.link(edge(role.id, role.company.id, role.inferred ? 'at (inferred)' : 'at'));
    }
    for (const t of role.technologies) {
      out.add(technologyNode(t));
      out.link(edge(role.id, t.id, 'used'));
    }
  }
  return { nodes: out.nodes, edges: out.edges };
}

/** A company's neighbours: a page of its people, its parent and its subsidiaries. */
export function companyElements(company: Company): Elements {
  const out = collect();
  out.add(companyNode(company));
  for (const { node } of company.people.edges) {
    out.add(personNode(node));
    out.link(edge(node.id, company.id, 'worked at'));
  }
  if (company.parent) {
    out.add(companyNode(company.parent));
    out.link(edge(company.id, company.parent.id, 'part of'));
  }
  for (const s of company.subsidiaries) {
    out.add(companyNode(s));
    out.link(edge(s.id, company.id, 'part of'));
  }
  return {
    nodes: out.nodes,
    edges: out.edges,
    more: { total: company.people.totalCount, shown: company.people.edges.length, noun: 'people' },
  };
}

/** A technology's neighbours: a page of the people who used it and the companies where it was used. */
export function technologyElements(technology: Technology): Elements {
  const out = collect();
  out.add(technologyNode(technology));
  for (const { node } of technology.people.edges) {
    out.add(personNode(node));
    out.link(edge(node.id, technology.id, 'uses'));
  }
  for (const { company } of technology.companies) {
    out.add(companyNode(company));
    out.link(edge(company.id, technology.id, 'uses'));
  }
  return {
    nodes: out.nodes,
    edges: out.edges,
    more: { total: technology.people.totalCount, shown: technology.people.edges.length, noun: 'people' },
  };
}
