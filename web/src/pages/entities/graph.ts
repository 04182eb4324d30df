// The link graph as the API gives it, read as people read it: the cases in it by owner country,
// each with the identifiers that tie it to the others, and the records the reader may not see.
import type { GraphEdgeT, GraphNodeT, GraphT } from '../../../../src/modules/entities/schema.ts';

export type { GraphEdgeT, GraphNodeT, GraphT };

/** Fill colours for owner countries, in the order the graph lists them; dark enough for white text. */
export const COUNTRY_COLOURS = ['#0b559f', '#b45309', '#13632f', '#7c3aed', '#a4161a', '#0f766e', '#9d174d', '#4d5b00', '#1e3a8a', '#6b4226'];

/** The colour of an owner country in this graph (the palette repeats past ten countries). */
export function countryColour(graph: GraphT, country: string | undefined): string {
  const index = country ? graph.countries.indexOf(country) : -1;
  return index < 0 ? '#4a5666' : (COUNTRY_COLOURS[index % COUNTRY_COLOURS.length] ?? '#4a5666');
}

export interface CaseInGraph {
  node: GraphNodeT;
  /** The identifiers the case holds, directly or through one of its persons. */
  entities: GraphNodeT[];
}

export interface CountryInGraph {
  country: string;
  cases: CaseInGraph[];
}

export interface GraphReading {
  byCountry: CountryInGraph[];
  /** Identifiers also held in records the reader may not see. */
  hiddenHeld: GraphNodeT[];
  /** How many cases each identifier appears in. */
  casesOf: Map<string, number>;
}

function neighbours(edges: GraphEdgeT[]): Map<string, { node: string; type: GraphEdgeT['type'] }[]> {
  const out = new Map<string, { node: string; type: GraphEdgeT['type'] }[]>();
  const add = (from: string, to: string, type: GraphEdgeT['type']) => {
    const list = out.get(from) ?? [];
    list.push({ node: to, type });
    out.set(from, list);
  };
  for (const e of edges) {
    add(e.source, e.target, e.type);
    add(e.target, e.source, e.type);
  }
  return out;
}

/**
 * The graph as lists: cases grouped by owner country, each with its identifiers.
 * @example readGraph(graph).byCountry[0].cases[0].entities
 */
export function readGraph(graph: GraphT): GraphReading {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const next = neighbours(graph.edges);
  const casesOf = new Map<string, number>();
  const countries = new Map<string, CaseInGraph[]>();
  for (const node of graph.nodes) {
    if (node.type !== 'case') continue;
    const held = new Map<string, GraphNodeT>();
    for (const near of next.get(node.id) ?? []) {
      const other = nodes.get(near.node);
      if (other?.type === 'entity') held.set(other.id, other);
      // A person of the case: the identifiers they use belong to the case too.
      if (other?.type === 'person' && near.type === 'in_case') {
        for (const far of next.get(other.id) ?? []) {
          const used = nodes.get(far.node);
          if (used?.type === 'entity' && far.type === 'uses') held.set(used.id, used);
        }
      }
    }
    for (const id of held.keys()) casesOf.set(id, (casesOf.get(id) ?? 0) + 1);
    const country = node.country ?? '';
    const list = countries.get(country) ?? [];
    list.push({ node, entities: [...held.values()] });
    countries.set(country, list);
  }
  const hiddenHeld = graph.nodes.filter(
    (n) => n.type === 'entity' && (next.get(n.id) ?? []).some((near) => near.type === 'hidden_match' || nodes.get(near.node)?.type === 'hidden'),
  );
  const order = (c: string) => (graph.countries.includes(c) ? graph.countries.indexOf(c) : graph.countries.length);
  return {
    byCountry: [...countries.entries()].sort(([a], [b]) => order(a) - order(b)).map(([country, cases]) => ({ country, cases })),
    hiddenHeld,
    casesOf,
  };
}
