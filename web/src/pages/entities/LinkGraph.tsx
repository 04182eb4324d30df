// The link graph of a case or an identifier: drawn with Cytoscape.js (cases coloured by owner
// country, records the reader may not see dashed), and the same graph as lists a screen reader can
// read. Loaded lazily, so Cytoscape stays out of the first screen's script.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import cytoscape from 'cytoscape';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';
import { countryColour, type GraphNodeT, type GraphT, readGraph } from './graph.ts';
import './entities.css';

const DEPTHS = [1, 2, 3] as const;

/**
 * The link graph around a case or an identifier (an entity mention), with its depth chosen by the reader.
 * @example <LinkGraph scope="case" id={caseId} />
 */
export default function LinkGraph({ scope, id }: { scope: 'case' | 'entity'; id: string }) {
  const { t } = useTranslation();
  const [depth, setDepth] = useState(2);
  const depthId = useId();
  const path = `/api/${scope === 'case' ? 'cases' : 'entities'}/${encodeURIComponent(id)}/graph?depth=${depth}`;
  const graph = useQuery({ queryKey: ['graph', scope, id, depth], queryFn: () => api<GraphT>(path), placeholderData: keepPreviousData });
  return (
    <div className="link-graph" data-graph-depth={depth}>
      <div className="link-graph-controls">
        <label htmlFor={depthId}>{t('entities.graph.depth')}</label>
        <select id={depthId} name="depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
          {DEPTHS.map((d) => (
            <option key={d} value={d}>
              {t('entities.graph.depthOption', { count: d })}
            </option>
          ))}
        </select>
        {graph.isFetching && !graph.isPending && <span className="muted">{t('states.loading')}</span>}
      </div>
      {graph.isPending ? (
        <Loading />
      ) : graph.isError ? (
        <Failed error={graph.error} retry={() => void graph.refetch()} />
      ) : (
        <GraphView graph={graph.data} />
      )}
    </div>
  );
}

function GraphView({ graph }: { graph: GraphT }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reading = useMemo(() => readGraph(graph), [graph]);
  const cases = graph.nodes.filter((n) => n.type === 'case').length;
  return (
    <>
      {graph.truncated && <p className="link-graph-truncated">{t('entities.graph.truncated')}</p>}
      <GraphLegend graph={graph} />
      <GraphCanvas graph={graph} label={t('entities.graph.canvasLabel', { cases, countries: graph.countries.length })} />
      <p className="muted link-graph-hint">{t('entities.graph.hint')}</p>
      {graph.edges.length === 0 ? (
        <Empty>{t('entities.graph.noLinks')}</Empty>
      ) : (
        <section className="link-graph-list" aria-labelledby="link-graph-list">
          <h3 id="link-graph-list">{t('entities.graph.listTitle')}</h3>
          <ul className="graph-countries">
            {reading.byCountry.map(({ country, cases: inCountry }) => (
              <li key={country} data-graph-country={country}>
                <h4>
                  <span className="graph-swatch" style={{ background: countryColour(graph, country) }} aria-hidden="true" />
                  {country ? format.country(country) : t('entities.graph.unknownCountry')}
                </h4>
                <ul className="graph-cases">
                  {inCountry.map(({ node, entities }) => (
                    <li key={node.id} data-graph-case={node.caseId}>
                      {node.caseId ? <Link to={`/cases/${node.caseId}`}>{node.label}</Link> : <span>{node.label}</span>}
                      {node.id === graph.start && <span className="badge badge-quiet">{t('entities.graph.starting')}</span>}
                      {entities.length > 0 && (
                        <ul className="graph-entities" aria-label={t('entities.graph.identifiersOf', { title: node.label })}>
                          {entities.map((e) => (
                            <li key={e.id}>
                              <EntityName node={e} />
                              {(reading.casesOf.get(e.id) ?? 0) > 1 && (
                                <span className="muted"> — {t('entities.graph.inCases', { count: reading.casesOf.get(e.id) ?? 0 })}</span>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {reading.hiddenHeld.length > 0 && (
            <div className="graph-hidden">
              <h4>{t('entities.graph.hiddenTitle')}</h4>
              <ul className="graph-entities">
                {reading.hiddenHeld.map((e) => (
                  <li key={e.id} data-graph-hidden={e.id}>
                    <EntityName node={e} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </>
  );
}

function EntityName({ node }: { node: GraphNodeT }) {
  const { t } = useTranslation();
  const value = (
    <bdi translate="no" className="entity-value">
      {node.label}
    </bdi>
  );
  return (
    <>
      <span className="badge badge-quiet graph-kind">{t(`entities.kinds.${node.kind ?? ''}`, node.kind ?? '')}</span>{' '}
      {node.entityId ? <Link to={`/entities/${node.entityId}`}>{value}</Link> : value}
    </>
  );
}

function GraphLegend({ graph }: { graph: GraphT }) {
  const { t } = useTranslation();
  const format = useFormat();
  const types = new Set(graph.nodes.map((n) => n.type));
  return (
    <ul className="graph-legend" aria-label={t('entities.graph.legend')}>
      {graph.countries.map((c) => (
        <li key={c}>
          <span className="graph-swatch" style={{ background: countryColour(graph, c) }} aria-hidden="true" />
          {t('entities.graph.caseOf', { country: format.country(c) })}
        </li>
      ))}
      {(['entity', 'person', 'hidden'] as const)
        .filter((type) => types.has(type))
        .map((type) => (
          <li key={type}>
            <span className={`graph-swatch graph-swatch-${type}`} aria-hidden="true" />
            {t(`entities.graph.types.${type}`)}
          </li>
        ))}
    </ul>
  );
}

/** Cytoscape's style sheet: the shapes and colours the legend explains. */
function graphStyle(fontFamily: string, narrow: boolean): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': fontFamily,
        'font-size': 11,
        color: '#16202c',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node[type="case"]', style: { shape: 'round-rectangle', width: 44, height: 44, 'background-color': 'data(colour)', 'font-weight': 'bold', 'font-size': 12, 'z-index': 20 } },
    // Identifiers and persons name themselves once the drawing is zoomed enough to read them.
    { selector: 'node[type="entity"]', style: { shape: 'ellipse', width: 24, height: 24, 'background-color': '#e5e9ef', 'border-color': '#4a5666', 'min-zoomed-font-size': 7 } },
    { selector: 'node[type="person"]', style: { shape: 'diamond', width: 18, height: 18, 'background-color': '#ffffff', 'border-color': '#16202c', 'font-size': 10, 'min-zoomed-font-size': narrow ? 13 : 9 } },
    { selector: 'node:selected, node.hover', style: { 'min-zoomed-font-size': 0, 'z-index': 10 } },
    {
      selector: 'node[type="hidden"]',
      style: { shape: 'round-rectangle', width: 30, height: 30, 'background-color': '#fff7e6', 'border-color': '#b45309', 'border-style': 'dashed', 'border-width': 3, color: '#7a3a06' },
    },
    { selector: 'node.start', style: { 'border-color': '#f5a700', 'border-width': 5 } },
    { selector: 'edge', style: { width: 1.5, 'line-color': '#8793a3', 'curve-style': 'bezier' } },
    { selector: 'edge[type="in_case"]', style: { 'line-color': '#4a5666' } },
    { selector: 'edge[type="same_person"]', style: { width: 3, 'line-color': '#7c3aed' } },
    { selector: 'edge[type="same_person"][status="proposed"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[type="hidden_match"]', style: { width: 2, 'line-color': '#b45309', 'line-style': 'dashed' } },
  ];
}

/** A label short enough for the drawing; the lists below keep it whole. */
function shorten(label: string, max = 40): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

function GraphCanvas({ graph, label }: { graph: GraphT; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const drawing = useRef<cytoscape.Core | null>(null);
  const elements = useMemo<cytoscape.ElementDefinition[]>(() => {
    const nodeLabel = (n: GraphNodeT) => {
      if (n.type === 'hidden') return t('entities.graph.hiddenNode');
      if (n.type === 'entity') return `${t(`entities.kinds.${n.kind ?? ''}`, n.kind ?? '')}\n${shorten(n.label)}`;
      if (n.type === 'person' && n.role) return `${t(`cases.roles.${n.role}`, n.role)}\n${shorten(n.label)}`;
      return shorten(n.label);
    };
    return [
      ...graph.nodes.map((n) => ({
        group: 'nodes' as const,
        classes: n.id === graph.start ? 'start' : '',
        data: {
          id: n.id,
          type: n.type,
          label: nodeLabel(n),
          colour: countryColour(graph, n.country),
          ...(n.caseId ? { caseId: n.caseId } : {}),
          ...(n.entityId ? { entityId: n.entityId } : {}),
        },
      })),
      ...graph.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target, type: e.type, ...(e.status ? { status: e.status } : {}) },
      })),
    ];
  }, [graph, t]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const narrow = element.clientWidth < 600;
    const cy = cytoscape({
      container: element,
      elements,
      style: graphStyle(getComputedStyle(element).fontFamily || 'sans-serif', narrow),
      layout: {
        name: 'cose',
        animate: false,
        fit: true,
        padding: 24,
        // Spread over the frame as it is (wide on a desktop, tall on a phone), not in a circle.
        boundingBox: { x1: 0, y1: 0, w: element.clientWidth, h: element.clientHeight },
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => (narrow ? 60 : 90),
      },
      // The page scrolls under a wheel; the drawing zooms with its own buttons.
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: narrow,
      minZoom: 0.2,
      maxZoom: 2.5,
    });
    cy.on('tap', 'node', (event) => {
      const data = event.target.data() as { caseId?: string; entityId?: string; type: string };
      if (data.type === 'case' && data.caseId) navigate(`/cases/${data.caseId}`);
      else if (data.type === 'entity' && data.entityId) navigate(`/entities/${data.entityId}`);
    });
    cy.on('mouseover', 'node', (event) => {
      event.target.addClass('hover');
      const data = event.target.data() as { caseId?: string; entityId?: string };
      if (data.caseId || data.entityId) element.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', (event) => {
      event.target.removeClass('hover');
      element.style.cursor = '';
    });
    drawing.current = cy;
    const resize = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 24);
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      drawing.current = null;
      cy.destroy();
    };
  }, [elements, navigate]);

  const zoom = (factor: number) => {
    const cy = drawing.current;
    if (cy) cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  return (
    <div className="link-graph-drawing">
      {/* A drawing a screen reader cannot walk: it is named, and the lists below carry the same graph. */}
      <div ref={container} className="link-graph-canvas" role="img" aria-label={label} data-nodes={graph.nodes.length} />
      <div className="link-graph-zoom">
        <button type="button" className="entity-secondary" onClick={() => zoom(1.5)}>
          {t('entities.graph.zoomIn')}
        </button>
        <button type="button" className="entity-secondary" onClick={() => zoom(1 / 1.5)}>
          {t('entities.graph.zoomOut')}
        </button>
        <button type="button" className="entity-secondary" onClick={() => drawing.current?.fit(undefined, 24)}>
          {t('entities.graph.fit')}
        </button>
      </div>
    </div>
  );
}
