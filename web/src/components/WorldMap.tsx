// The world map, drawn from Natural Earth's 1:110m countries bundled with the app (world-atlas):
// no tiles, nothing fetched from elsewhere. Countries are shaded by a figure, hotspots are dots,
// and victim routes are arcs from origin through transit to destination.
import { geoCentroid, geoInterpolate, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { alpha2OfNumeric } from '../format.ts';

const WIDTH = 960;
const HEIGHT = 500;

interface Shape {
  code: string | undefined;
  d: string;
  centroid: [number, number];
}

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [WIDTH - 4, HEIGHT - 4],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);

function shapes(): Shape[] {
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    { name: string }
  >;
  return collection.features.map((f: Feature<Geometry, { name: string }>) => ({
    code: alpha2OfNumeric(String(f.id)),
    d: path(f) ?? '',
    centroid: geoCentroid(f),
  }));
}

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  title: string;
}

export interface MapRoute {
  key: string;
  path: string[];
  weight: number;
  title: string;
}

export interface WorldMapProps {
  title: string;
  /** Values per country (alpha-2) for the shading. */
  values: Map<string, number>;
  countryTitle: (code: string, value: number | undefined) => string;
  points?: MapPoint[];
  routes?: MapRoute[];
  /** The shading's scale; none when the shading only marks places. */
  legend?: { low: string; high: string };
  /** Zooms to these places (a hotspot, a country's hotspots); the whole world when empty. */
  focus?: { lat: number; lon: number }[];
  /** Zooms to the countries the routes pass through (a case's journeys). */
  focusRoutes?: boolean;
  /** Points drawn larger and labelled, e.g. the hotspot the page is about. */
  highlight?: string;
}

// Sequential blues, light to dark; every step keeps 3:1 contrast against the sea for the darker half.
const SHADES = ['#dbe9f6', '#bad6eb', '#89bedc', '#539ecd', '#2b7bba', '#0b559f', '#08306b'];

function shade(value: number | undefined, max: number): string {
  if (value === undefined || max <= 0) return '#eceff3';
  const i = Math.min(
    SHADES.length - 1,
    Math.floor((Math.sqrt(value) / Math.sqrt(max)) * (SHADES.length - 1)),
  );
  return SHADES[Math.max(0, i)]!;
}

/**
 * A great-circle arc through the stops, as an SVG path. Where the arc crosses the map's edge (the
 * antimeridian: Malaysia to Peru goes over the Pacific) the path lifts the pen instead of drawing
 * a line across the whole map.
 */
function arc(stops: [number, number][]): string {
  let d = '';
  let previous: [number, number] | null = null;
  for (let i = 1; i < stops.length; i++) {
    const interpolate = geoInterpolate(stops[i - 1]!, stops[i]!);
    for (let s = 0; s <= 32; s++) {
      const p = projection(interpolate(s / 32));
      if (!p) continue;
      const jump = previous !== null && Math.abs(p[0] - previous[0]) > WIDTH / 3;
      d += `${previous === null || jump ? 'M' : 'L'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
      previous = p;
    }
  }
  return d;
}

/**
 * The SVG window: the whole map, or the smallest box (at most 8× closer) around the places to
 * focus on, padded, in the map's proportions and kept inside it.
 */
function viewBox(places: readonly [number, number][]): { box: string; scale: number } {
  const xy = places.map((p) => projection(p)).filter((p): p is [number, number] => p !== null);
  if (xy.length === 0) return { box: `0 0 ${WIDTH} ${HEIGHT}`, scale: 1 };
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = Math.min(
    WIDTH,
    Math.max(WIDTH / 8, (right - left) * 1.4, ((bottom - top) * 1.4 * WIDTH) / HEIGHT),
  );
  const h = (w * HEIGHT) / WIDTH;
  const x = Math.min(Math.max((left + right) / 2 - w / 2, 0), WIDTH - w);
  const y = Math.min(Math.max((top + bottom) / 2 - h / 2, 0), HEIGHT - h);
  return { box: `${x.toFixed(1)} ${y.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`, scale: WIDTH / w };
}

export function WorldMap({
  title,
  values,
  countryTitle,
  points = [],
  routes = [],
  legend,
  focus,
  focusRoutes = false,
  highlight,
}: WorldMapProps) {
  const all = useMemo(shapes, []);
  const centroids = useMemo(
    () => new Map(all.filter((s) => s.code).map((s) => [s.code!, s.centroid])),
    [all],
  );
  const max = Math.max(0, ...values.values());
  const maxWeight = Math.max(1, ...routes.map((r) => r.weight));
  const places: [number, number][] = focusRoutes
    ? routes.flatMap((r) =>
        r.path.map((c) => centroids.get(c)).filter((c): c is [number, number] => c !== undefined),
      )
    : (focus ?? []).map((p) => [p.lon, p.lat]);
  const { box, scale } = viewBox(places);
  return (
    <figure className={scale > 1 ? 'world-map world-map-focus' : 'world-map'}>
      <svg viewBox={box} role="img" aria-label={title}>
        <title>{title}</title>
        <path className="sphere" d={path({ type: 'Sphere' }) ?? ''} />
        {all.map((s, i) => (
          <path
            key={s.code ?? `x${i}`}
            d={s.d}
            fill={shade(s.code ? values.get(s.code) : undefined, max)}
            className="country"
          >
            {s.code && values.has(s.code) && <title>{countryTitle(s.code, values.get(s.code))}</title>}
          </path>
        ))}
        <g className="routes">
          {routes.map((r) => {
            const stops = r.path
              .map((c) => centroids.get(c))
              .filter((c): c is [number, number] => c !== undefined);
            if (stops.length < 2) return null;
            return (
              <path
                key={r.key}
                d={arc(stops)}
                className="route"
                strokeWidth={1.5 + (3.5 * r.weight) / maxWeight}
                data-route={r.path.join('-')}
              >
                <title>{r.title}</title>
              </path>
            );
          })}
        </g>
        <g className="points">
          {points.map((p) => {
            const xy = projection([p.lon, p.lat]);
            if (!xy) return null;
            const marked = p.id === highlight;
            return (
              <circle
                key={p.id}
                cx={xy[0]}
                cy={xy[1]}
                r={(marked ? 5 : 2.2) / Math.sqrt(scale)}
                className={marked ? 'point point-marked' : 'point'}
                data-point={p.id}
              >
                <title>{p.title}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      {legend && (
        <figcaption className="legend">
          <span>{legend.low}</span>
          <span className="legend-scale" aria-hidden="true">
            {SHADES.map((c) => (
              <span key={c} style={{ background: c }} />
            ))}
          </span>
          <span>{legend.high}</span>
        </figcaption>
      )}
    </figure>
  );
}
