// The operation dashboard: headline figures, results by country, arrests by offence, activity by
// day, and the world map with participating countries, hotspots and victim routes.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, type Figures, type Hotspot, type Operation, type Page, type Results } from '../api.ts';
import { BarChart, ColumnChart } from '../components/BarChart.tsx';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { resultsQuery } from '../device/fieldData.ts';
import { useOnline } from '../device/network.ts';
import { useFormat } from '../format.ts';
import { chooseOperation, rememberOperation } from '../operation.ts';
import { TableScroll } from '../components/TableScroll.tsx';

// The map (Natural Earth geometry, d3-geo) loads after the figures: they must not wait for it.
const WorldMap = lazy(() => import('../components/WorldMap.tsx').then((m) => ({ default: m.WorldMap })));

const HEADLINE = [
  'inspections',
  'hotspots',
  'countries',
  'arrests',
  'rescues',
  'investigations',
  'interceptions',
  'smugglersApprehended',
  'migrantsIntercepted',
] as const;

const COUNTRY_FIGURES = [
  'inspections',
  'arrests',
  'rescues',
  'investigations',
  'interceptions',
  'smugglersApprehended',
  'migrantsIntercepted',
] as const satisfies readonly (keyof Figures)[];
type CountryFigure = (typeof COUNTRY_FIGURES)[number];

interface Route {
  path: string[];
  victims: number;
  cases: number;
}

export function Dashboard() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const operations = useQuery({
    queryKey: ['operations'],
    queryFn: () => api<Operation[]>('/api/operations'),
  });
  if (operations.isPending) return <Loading />;
  if (operations.isError) return <Failed error={operations.error} retry={() => void operations.refetch()} />;
  if (operations.data.length === 0) return <Empty>{t('dashboard.noOperations')}</Empty>;
  const chosen = chooseOperation(operations.data, params.get('operation'))!;
  return (
    <section className="page dashboard">
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        {operations.data.length > 1 ? (
          <label>
            {t('dashboard.operation')}
            <select value={chosen.id} onChange={(e) => setParams({ operation: e.target.value })}>
              {operations.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="operation-name">{chosen.name}</p>
        )}
      </div>
      <OperationResults operation={chosen} />
    </section>
  );
}

function OperationResults({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  useEffect(() => rememberOperation(operation.id), [operation.id]);
  const results = useQuery({ ...resultsQuery(operation.id), refetchInterval: 60_000 });
  if (results.isPending) return <Loading />;
  if (!results.data) return <Failed error={results.error} retry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <>
      {!online && (
        <p className="field-network off" role="status" data-read-at={new Date(results.dataUpdatedAt).toISOString()}>
          {t('dashboard.offlineFigures', { time: format.dateTime(new Date(results.dataUpdatedAt).toISOString()) })}
        </p>
      )}
      <h2 className="visually-hidden">{t('dashboard.figures')}</h2>
      <ul className="figures" aria-label={t('dashboard.figures')}>
        {HEADLINE.map((key) => (
          <li key={key} className={`figure figure-${key}`} data-figure={key}>
            <span className="figure-value">{format.number(r.totals[key])}</span>
            <span className="figure-label">{t(`figures.${key}`)}</span>
          </li>
        ))}
      </ul>
      <OperationMap operationId={operation.id} results={r} />
      <div className="panels">
        <section className="panel">
          <h2>{t('dashboard.byOffence')}</h2>
          {r.byOffence.length === 0 ? (
            <Empty />
          ) : (
            <BarChart
              label={t('dashboard.byOffence')}
              bars={r.byOffence.map((o) => ({
                key: o.offence,
                label: t(`offences.${o.offence}`, o.offence),
                value: o.count,
                display: format.number(o.count),
              }))}
            />
          )}
        </section>
        <DayPanel results={r} />
      </div>
      <CountryTable results={r} />
    </>
  );
}

function DayPanel({ results }: { results: Results }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [figure, setFigure] = useState<CountryFigure>('inspections');
  return (
    <section className="panel">
      <div className="panel-head">
        <h2>{t('dashboard.byDay')}</h2>
        <label>
          <span className="visually-hidden">{t('dashboard.dayMetric')}</span>
          <select
            value={figure}
            onChange={(e) => setFigure(e.target.value as CountryFigure)}
            aria-label={t('dashboard.dayMetric')}
          >
            {COUNTRY_FIGURES.map((f) => (
              <option key={f} value={f}>
                {t(`figures.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {results.byDay.length === 0 ? (
        <Empty />
      ) : (
        <ColumnChart
          label={t('dashboard.byDay')}
          bars={results.byDay.map((d) => ({
            key: d.day,
            label: format.shortDay(d.day),
            value: d[figure],
            display: format.number(d[figure]),
          }))}
        />
      )}
    </section>
  );
}

function OperationMap({ operationId, results }: { operationId: string; results: Results }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [figure, setFigure] = useState<CountryFigure>('arrests');
  const [showHotspots, setShowHotspots] = useState(true);
  const [showRoutes, setShowRoutes] = useState(true);
  const hotspots = useQuery({
    queryKey: ['hotspots', operationId, 'map'],
    queryFn: () => api<Page<Hotspot>>(`/api/operations/${operationId}/hotspots?limit=1000`),
  });
  const routes = useQuery({
    queryKey: ['routes', operationId],
    queryFn: () => api<Route[]>(`/api/operations/${operationId}/routes`),
  });
  const values = useMemo(
    () => new Map(results.byCountry.map((c) => [c.country, c[figure]])),
    [results, figure],
  );
  const figureName = t(`figures.${figure}`);
  return (
    <section className="panel map-panel">
      <div className="panel-head">
        <h2>{t('dashboard.map')}</h2>
        <div className="map-controls">
          <label>
            {t('dashboard.shadeBy')}
            <select value={figure} onChange={(e) => setFigure(e.target.value as CountryFigure)}>
              {COUNTRY_FIGURES.map((f) => (
                <option key={f} value={f}>
                  {t(`figures.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={showHotspots}
              onChange={(e) => setShowHotspots(e.target.checked)}
            />
            {t('dashboard.showHotspots')}
          </label>
          <label className="check">
            <input type="checkbox" checked={showRoutes} onChange={(e) => setShowRoutes(e.target.checked)} />
            {t('dashboard.showRoutes')}
          </label>
        </div>
      </div>
      <Suspense fallback={<Loading />}>
        <WorldMap
          title={t('map.title', { figure: figureName })}
          values={values}
          countryTitle={(code, value) =>
            `${format.country(code)}: ${format.number(value ?? 0)} ${figureName}`
          }
          legend={{ low: t('map.legendLow'), high: t('map.legendHigh') }}
          points={
            showHotspots
              ? (hotspots.data?.items ?? []).map((h) => ({
                  id: h.id,
                  lat: h.latitude,
                  lon: h.longitude,
                  title: t('map.hotspot', { name: h.name, country: format.country(h.country) }),
                }))
              : []
          }
          routes={
            showRoutes
              ? (routes.data ?? []).map((r) => ({
                  key: r.path.join('>'),
                  path: r.path,
                  weight: r.victims,
                  title: t('map.route', {
                    path: r.path.map((c) => format.country(c)).join(' → '),
                    victims: format.number(r.victims),
                  }),
                }))
              : []
          }
        />
      </Suspense>
    </section>
  );
}

function CountryTable({ results }: { results: Results }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sort, setSort] = useState<CountryFigure | 'country'>('arrests');
  const rows = [...results.byCountry].sort((a, b) =>
    sort === 'country'
      ? format.country(a.country).localeCompare(format.country(b.country), format.locale)
      : b[sort] - a[sort],
  );
  const columns = ['country', ...COUNTRY_FIGURES] as const;
  return (
    <section className="panel">
      <h2 id="by-country">{t('dashboard.byCountry')}</h2>
      <TableScroll labelledBy="by-country">
        <table aria-labelledby="by-country">
          <thead>
            <tr>
              {columns.map((c) => {
                const label = c === 'country' ? t('table.country') : t(`figures.${c}`);
                return (
                  <th
                    key={c}
                    scope="col"
                    aria-sort={sort === c ? (c === 'country' ? 'ascending' : 'descending') : 'none'}
                    className={c === 'country' ? '' : 'num'}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort(c)}
                      title={t('table.sortBy', { column: label })}
                    >
                      {label}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.country}>
                <th scope="row">{format.country(row.country)}</th>
                {COUNTRY_FIGURES.map((f) => (
                  <td key={f} className="num">
                    {format.number(row[f])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
