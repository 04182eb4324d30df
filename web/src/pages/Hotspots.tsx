// Hotspots: the operation's places of interest (crossings, airports, ports, compounds…) as a list
// and on the map, filtered by country and kind (kept in the address); and one hotspot's page with
// where it is and the inspections and outcomes recorded there.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, type Hotspot, type Page } from '../api.ts';
import { FilterSelect } from '../components/Choices.tsx';
import { type Sharing, SharingText } from '../components/Sharing.tsx';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { useOperations, WithOperation } from '../components/WithOperation.tsx';
import { pickFilters, useFilters } from '../filters.ts';
import { useCountryOptions, useFormat } from '../format.ts';
import { type Column, PagedTable, usePaged } from '../paging.tsx';
import { useSession } from '../session.tsx';
import { HOTSPOT_KINDS } from '../../../src/modules/hotspots/schema.ts';

const WorldMap = lazy(() => import('../components/WorldMap.tsx').then((m) => ({ default: m.WorldMap })));
const FILTERS = ['country', 'kind'] as const;
/** The map asks for this many hotspots at once (the API's largest page). */
const MAP_LIMIT = 1000;

type SharedHotspot = Hotspot & { ownerCountry: string; sharing: Sharing; sharedWith: string[] };

interface Inspection {
  id: string;
  at: string;
  kind: string;
  country: string;
  personsChecked: number;
  notes: string;
  ownerCountry: string;
}

interface Outcome {
  id: string;
  at: string;
  kind: string;
  country: string;
  persons: number;
  offences: string[];
  status: 'open' | 'closed' | null;
  notes: string;
  ownerCountry: string;
}

export function HotspotsList() {
  const { t } = useTranslation();
  return (
    <WithOperation>
      {(operation) => (
        <section className="page hotspots">
          <div className="page-head">
            <h1>{t('hotspots.title')}</h1>
            <p className="operation-name">{operation.name}</p>
          </div>
          <HotspotFilters />
          <HotspotsOf operationId={operation.id} />
        </section>
      )}
    </WithOperation>
  );
}

function HotspotFilters() {
  const { t } = useTranslation();
  const filters = useFilters();
  const [params, , clear] = filters;
  const countries = useCountryOptions();
  return (
    <form className="panel case-filters" aria-label={t('hotspots.filters')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect filters={filters} name="country" label={t('hotspots.country')} any={t('hotspots.anyCountry')} choices={countries} />
      <FilterSelect
        filters={filters}
        name="kind"
        label={t('hotspots.kind')}
        any={t('hotspots.anyKind')}
        choices={HOTSPOT_KINDS.map((k) => ({ value: k, label: t(`hotspots.kinds.${k}`) }))}
      />
      {FILTERS.some((f) => params.get(f)) && (
        <button type="button" className="link" onClick={clear}>
          {t('hotspots.clear')}
        </button>
      )}
    </form>
  );
}

function HotspotsOf({ operationId }: { operationId: string }) {
  const [params] = useSearchParams();
  const filter = pickFilters(params, FILTERS);
  return (
    <>
      <HotspotMap operationId={operationId} filter={filter} />
      <HotspotTable operationId={operationId} filter={filter} />
    </>
  );
}

function HotspotMap({ operationId, filter }: { operationId: string; filter: URLSearchParams }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = new URLSearchParams(filter);
  query.set('limit', String(MAP_LIMIT));
  const hotspots = useQuery({
    queryKey: ['hotspots', operationId, 'map', filter.toString()],
    queryFn: () => api<Page<Hotspot>>(`/api/operations/${operationId}/hotspots?${query}`),
  });
  const perCountry = useMemo(() => {
    const counts = new Map<string, number>();
    for (const h of hotspots.data?.items ?? []) counts.set(h.country, (counts.get(h.country) ?? 0) + 1);
    return counts;
  }, [hotspots.data]);
  return (
    <section className="panel" aria-labelledby="hotspot-map">
      <h2 id="hotspot-map">{t('hotspots.map')}</h2>
      {hotspots.isPending ? (
        <Loading />
      ) : hotspots.isError ? (
        <Failed error={hotspots.error} retry={() => void hotspots.refetch()} />
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <WorldMap
              title={t('hotspots.mapTitle', { count: hotspots.data.items.length })}
              values={perCountry}
              countryTitle={(code, value) => t('hotspots.countryCount', { country: format.country(code), count: value ?? 0 })}
              points={hotspots.data.items.map((h) => ({
                id: h.id,
                lat: h.latitude,
                lon: h.longitude,
                title: t('map.hotspot', { name: h.name, country: format.country(h.country) }),
              }))}
              legend={{ low: t('map.legendLow'), high: t('map.legendHigh') }}
              focus={filter.has('country') ? hotspots.data.items.map((h) => ({ lat: h.latitude, lon: h.longitude })) : undefined}
            />
          </Suspense>
          {hotspots.data.next && <p className="muted">{t('hotspots.mapCapped', { count: MAP_LIMIT })}</p>}
        </>
      )}
    </section>
  );
}

function HotspotTable({ operationId, filter }: { operationId: string; filter: URLSearchParams }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hotspots = usePaged<SharedHotspot>(['hotspots', operationId, 'list'], `/api/operations/${operationId}/hotspots`, filter);
  const columns: Column<SharedHotspot>[] = [
    { key: 'name', label: t('hotspots.column.name'), className: 'case-title', cell: (h) => <Link to={`/hotspots/${h.id}`}>{h.name}</Link> },
    { key: 'kind', label: t('hotspots.column.kind'), cell: (h) => t(`hotspots.kinds.${h.kind}`, h.kind) },
    { key: 'country', label: t('hotspots.column.country'), cell: (h) => format.country(h.country) },
    { key: 'position', label: t('hotspots.column.position'), cell: (h) => <Position lat={h.latitude} lon={h.longitude} /> },
    { key: 'owner', label: t('hotspots.column.owner'), cell: (h) => format.country(h.ownerCountry) },
  ];
  return (
    <PagedTable
      id="hotspot-list"
      title={t('hotspots.list')}
      query={hotspots}
      columns={columns}
      empty={t('hotspots.empty')}
      more={t('hotspots.more')}
      shown={(count) => t('hotspots.shown', { count })}
      rowProps={(h) => ({ 'data-hotspot': h.id })}
    />
  );
}

function Position({ lat, lon }: { lat: number; lon: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const coordinate = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const latitude = t(lat < 0 ? 'hotspots.south' : 'hotspots.north', { value: coordinate.format(Math.abs(lat)) });
  const longitude = t(lon < 0 ? 'hotspots.west' : 'hotspots.east', { value: coordinate.format(Math.abs(lon)) });
  return (
    <span className="position">
      {latitude}, {longitude}
    </span>
  );
}

export function HotspotPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const hotspot = useQuery({ queryKey: ['hotspot', id], queryFn: () => api<SharedHotspot & { operationId: string }>(`/api/hotspots/${encodeURIComponent(id)}`) });
  if (hotspot.isPending) return <Loading />;
  if (hotspot.isError) {
    const missing = hotspot.error instanceof ApiError && (hotspot.error.status === 404 || hotspot.error.status === 400);
    return (
      <section className="page">
        {missing ? <Empty>{t('hotspots.notFound')}</Empty> : <Failed error={hotspot.error} retry={() => void hotspot.refetch()} />}
        <p>
          <Link to="/hotspots">{t('hotspots.back')}</Link>
        </p>
      </section>
    );
  }
  return <HotspotView hotspot={hotspot.data} />;
}

function HotspotView({ hotspot }: { hotspot: SharedHotspot & { operationId: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const operation = useOperations().data?.find((o) => o.id === hotspot.operationId);
  // Field entry offers the hotspots of the bureau's own country.
  const mayLog = operation?.can.logEntries && me?.bureau.country === hotspot.country;
  return (
    <section className="page hotspot" data-hotspot={hotspot.id}>
      <p className="back">
        <Link to="/hotspots">{t('hotspots.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{hotspot.name}</h1>
        <p className="operation-name">
          {t(`hotspots.kinds.${hotspot.kind}`, hotspot.kind)} · {format.country(hotspot.country)}
        </p>
      </div>
      <div className="panels">
        <section className="panel" aria-labelledby="hotspot-where">
          <h2 id="hotspot-where">{t('hotspots.where')}</h2>
          <dl className="person-facts">
            <div>
              <dt>{t('hotspots.column.position')}</dt>
              <dd>
                <Position lat={hotspot.latitude} lon={hotspot.longitude} />
              </dd>
            </div>
            <div>
              <dt>{t('hotspots.column.owner')}</dt>
              <dd>{format.country(hotspot.ownerCountry)}</dd>
            </div>
            <div>
              <dt>{t('hotspots.sharing')}</dt>
              <dd>
                <SharingText sharing={hotspot.sharing} sharedWith={hotspot.sharedWith} />
              </dd>
            </div>
          </dl>
          {mayLog && (
            <p>
              <Link className="button primary" to={`/field?hotspot=${hotspot.id}`}>
                {t('hotspots.logHere')}
              </Link>
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="hotspot-place">
          <h2 id="hotspot-place">{t('hotspots.onTheMap')}</h2>
          <Suspense fallback={<Loading />}>
            <WorldMap
              title={t('hotspots.placeTitle', { name: hotspot.name, country: format.country(hotspot.country) })}
              values={new Map([[hotspot.country, 1]])}
              countryTitle={(code) => format.country(code)}
              points={[{ id: hotspot.id, lat: hotspot.latitude, lon: hotspot.longitude, title: hotspot.name }]}
              highlight={hotspot.id}
              focus={[{ lat: hotspot.latitude, lon: hotspot.longitude }]}
            />
          </Suspense>
        </section>
      </div>
      <HotspotInspections hotspot={hotspot} />
      <HotspotOutcomes hotspot={hotspot} />
    </section>
  );
}

function HotspotInspections({ hotspot }: { hotspot: { id: string; operationId: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = new URLSearchParams({ hotspot: hotspot.id });
  const inspections = usePaged<Inspection>(['inspections', hotspot.operationId, 'hotspot'], `/api/operations/${hotspot.operationId}/inspections`, search, 20);
  const columns: Column<Inspection>[] = [
    { key: 'at', label: t('hotspots.column.when'), cell: (i) => <time dateTime={i.at}>{format.dateTime(i.at)}</time> },
    { key: 'kind', label: t('hotspots.column.check'), cell: (i) => t(`field.inspectionKinds.${i.kind}`, i.kind) },
    { key: 'persons', label: t('figures.personsChecked'), numeric: true, cell: (i) => format.number(i.personsChecked) },
    { key: 'notes', label: t('hotspots.column.notes'), className: 'notes', cell: (i) => i.notes || '—' },
  ];
  return (
    <PagedTable
      id="hotspot-inspections"
      title={t('hotspots.inspections')}
      query={inspections}
      columns={columns}
      empty={t('hotspots.noInspections')}
      more={t('hotspots.moreInspections')}
      shown={(count) => t('hotspots.shown', { count })}
      rowProps={(i) => ({ 'data-inspection': i.id })}
    />
  );
}

function HotspotOutcomes({ hotspot }: { hotspot: { id: string; operationId: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = new URLSearchParams({ hotspot: hotspot.id });
  const outcomes = usePaged<Outcome>(['outcomes', hotspot.operationId, 'hotspot'], `/api/operations/${hotspot.operationId}/outcomes`, search, 20);
  const columns: Column<Outcome>[] = [
    { key: 'at', label: t('hotspots.column.when'), cell: (o) => <time dateTime={o.at}>{format.dateTime(o.at)}</time> },
    {
      key: 'kind',
      label: t('hotspots.column.outcome'),
      cell: (o) => (
        <>
          {t(`cases.outcomeKinds.${o.kind}`, o.kind)}
          {o.status && <span className={`badge status-${o.status}`}>{t(`cases.statuses.${o.status}`)}</span>}
        </>
      ),
    },
    { key: 'persons', label: t('hotspots.column.persons'), numeric: true, cell: (o) => format.number(o.persons) },
    { key: 'offences', label: t('hotspots.column.offences'), cell: (o) => (o.offences.length > 0 ? o.offences.map((x) => t(`offences.${x}`, x)).join(', ') : '—') },
    { key: 'notes', label: t('hotspots.column.notes'), className: 'notes', cell: (o) => o.notes || '—' },
  ];
  return (
    <PagedTable
      id="hotspot-outcomes"
      title={t('hotspots.outcomes')}
      query={outcomes}
      columns={columns}
      empty={t('hotspots.noOutcomes')}
      more={t('hotspots.moreOutcomes')}
      shown={(count) => t('hotspots.shown', { count })}
      rowProps={(o) => ({ 'data-outcome': o.id, 'data-kind': o.kind })}
    />
  );
}
