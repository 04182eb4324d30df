// Cases: the list of an operation's cases with filters kept in the address (so a filtered list
// can be bookmarked or sent), and one case in full: its persons (child victims masked for those
// who may not see them), the victims' journeys as timelines and on the map, and linked outcomes.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api.ts';
import { CaseJourney, type Journey, journeyPath } from '../components/CaseJourney.tsx';
import { CaseEntities } from './CaseEntities.tsx';
import { FilterSelect } from '../components/Choices.tsx';
import { type Sharing, SharingText } from '../components/Sharing.tsx';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { WithOperation } from '../components/WithOperation.tsx';
import { OFFENCES } from '../../../src/shared/vocabulary.ts';
import { pickFilters, useFilters } from '../filters.ts';
import { useCountryOptions, useFormat } from '../format.ts';
import { type Column, PagedTable, usePaged } from '../paging.tsx';
import { useSession } from '../session.tsx';
import { TableScroll } from '../components/TableScroll.tsx';

const CaseCooperation = lazy(() => import('./Cooperation.tsx').then((m) => ({ default: m.CaseCooperation })));
/** Roles that may send cooperation requests (the server decides; this only hides the link). */
const WRITERS = new Set(['admin', 'officer', 'coordinator']);
const WorldMap = lazy(() => import('../components/WorldMap.tsx').then((m) => ({ default: m.WorldMap })));
const FILTERS = ['status', 'offence', 'nationality', 'country', 'q'] as const;

interface CaseSummary {
  id: string;
  title: string;
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  offences: string[];
  victims: number;
  children: number;
  persons: number;
  ownerCountry: string;
  sharing: Sharing;
  sharedWith: string[];
  can: { update: boolean };
}

interface Person {
  id: string;
  role: string;
  masked: boolean;
  child: boolean;
  name: string | null;
  otherNames: { name: string; script?: string }[];
  birthDate: string | null;
  age: number | null;
  ageBand: string | null;
  gender: string;
  nationalities: string[];
  documents: { kind: string; number: string; country: string; expiry?: string }[];
  contacts: { kind: string; value: string; platform?: string }[];
  journeyId: string | null;
  notes: string;
}

interface CaseFile {
  id: string;
  title: string;
  summary: string;
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  offences: string[];
  ownerBureauId: string;
  ownerCountry: string;
  sharing: Sharing;
  sharedWith: string[];
  persons: Person[];
  journeys: Journey[];
  outcomes: { id: string; kind: string; at: string; country: string; persons: number }[];
  hiddenOutcomes: number;
}

export function CasesList() {
  const { t } = useTranslation();
  return (
    <WithOperation>
      {(operation) => (
        <section className="page cases">
          <div className="page-head">
            <h1>{t('cases.title')}</h1>
            <p className="operation-name">{operation.name}</p>
          </div>
          <CaseFilters />
          <CaseTable operationId={operation.id} />
        </section>
      )}
    </WithOperation>
  );
}

function CaseFilters() {
  const { t } = useTranslation();
  const filters = useFilters();
  const [params, set, clear] = filters;
  const countries = useCountryOptions();
  const [words, setWords] = useState(params.get('q') ?? '');
  useEffect(() => setWords(params.get('q') ?? ''), [params]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set('q', words.trim());
  };
  const any = FILTERS.some((f) => params.get(f));
  return (
    <form className="panel case-filters" aria-label={t('cases.filters')} onSubmit={submit}>
      <FilterSelect
        filters={filters}
        name="status"
        label={t('cases.status')}
        any={t('cases.anyStatus')}
        choices={(['open', 'closed'] as const).map((v) => ({ value: v, label: t(`cases.statuses.${v}`) }))}
      />
      <FilterSelect filters={filters} name="offence" label={t('cases.offence')} any={t('cases.anyOffence')} choices={OFFENCES.map((o) => ({ value: o, label: t(`offences.${o}`) }))} />
      <FilterSelect filters={filters} name="nationality" label={t('cases.nationality')} any={t('cases.anyNationality')} choices={countries} />
      <FilterSelect filters={filters} name="country" label={t('cases.country')} any={t('cases.anyCountry')} choices={countries} />
      <div className="case-search">
        <label>
          {t('cases.words')}
          <input type="search" name="q" value={words} maxLength={200} onChange={(e) => setWords(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('cases.search')}
        </button>
      </div>
      {any && (
        <button type="button" className="link" onClick={clear}>
          {t('cases.clear')}
        </button>
      )}
    </form>
  );
}

function CaseTable({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const cases = usePaged<CaseSummary>(['cases', operationId], `/api/operations/${operationId}/cases`, pickFilters(params, FILTERS));
  const columns: Column<CaseSummary>[] = [
    { key: 'title', label: t('cases.column.title'), className: 'case-title', cell: (c) => <Link to={`/cases/${c.id}`}>{c.title}</Link> },
    { key: 'status', label: t('cases.column.status'), cell: (c) => <span className={`badge status-${c.status}`}>{t(`cases.statuses.${c.status}`)}</span> },
    { key: 'opened', label: t('cases.column.opened'), cell: (c) => <time dateTime={c.openedOn}>{format.day(c.openedOn)}</time> },
    { key: 'owner', label: t('cases.column.owner'), cell: (c) => format.country(c.ownerCountry) },
    {
      key: 'victims',
      label: t('cases.column.victims'),
      numeric: true,
      cell: (c) => (
        <>
          {format.number(c.victims)}
          {c.children > 0 && <span className="badge badge-child">{t('cases.childrenBadge', { count: c.children })}</span>}
        </>
      ),
    },
    { key: 'offences', label: t('cases.column.offences'), className: 'case-offences', cell: (c) => c.offences.map((o) => t(`offences.${o}`, o)).join(', ') },
  ];
  return (
    <PagedTable
      id="case-list"
      title={t('cases.list')}
      query={cases}
      columns={columns}
      empty={t('cases.empty')}
      more={t('cases.more')}
      shown={(count) => t('cases.shown', { count })}
      rowProps={(c) => ({ 'data-case': c.id })}
    />
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const file = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseFile>(`/api/cases/${encodeURIComponent(id)}`) });
  const back = (
    <p className="back">
      <Link to="/cases">← {t('cases.back')}</Link>
    </p>
  );
  if (file.isPending) return <Loading />;
  if (file.isError) {
    const missing = file.error instanceof ApiError && (file.error.status === 404 || file.error.status === 400);
    return (
      <section className="page case">
        {back}
        {missing ? (
          <div className="state case-not-found" data-state="not-found">
            <h1>{t('cases.notFound')}</h1>
          </div>
        ) : (
          <Failed error={file.error} retry={() => void file.refetch()} />
        )}
      </section>
    );
  }
  return (
    <section className="page case">
      {back}
      <CaseView file={file.data} />
    </section>
  );
}

function CaseView({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  return (
    <>
      <header className="case-head">
        <h1>{file.title}</h1>
        <ul className="case-meta">
          <li>
            <span className={`badge status-${file.status}`}>{t(`cases.statuses.${file.status}`)}</span>
          </li>
          <li>{t('cases.ownedBy', { country: format.country(file.ownerCountry) })}</li>
          <li>{t('cases.openedOn', { date: format.day(file.openedOn) })}</li>
          {file.closedOn && <li>{t('cases.closedOn', { date: format.day(file.closedOn) })}</li>}
          <li>
            <SharingText sharing={file.sharing} sharedWith={file.sharedWith} />
          </li>
        </ul>
        {file.offences.length > 0 && (
          <ul className="tags" aria-label={t('cases.column.offences')}>
            {file.offences.map((o) => (
              <li key={o} className="badge badge-quiet">
                {t(`offences.${o}`, o)}
              </li>
            ))}
          </ul>
        )}
      </header>
      <section className="panel">
        <h2>{t('cases.summary')}</h2>
        {file.summary ? <p className="case-summary">{file.summary}</p> : <Empty>{t('cases.noSummary')}</Empty>}
      </section>
      <Persons persons={file.persons} />
      <Journeys file={file} />
      <Outcomes file={file} />
      <CaseEntities caseId={file.id} />
      <Suspense fallback={<Loading />}>
        <CaseCooperation caseId={file.id} canSend={me !== undefined && me.bureau.id === file.ownerBureauId && me.roles.some((r) => WRITERS.has(r))} />
      </Suspense>
    </>
  );
}

function PersonName({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.masked) return <span className="badge badge-masked">{t('cases.masked')}</span>;
  // Names keep the script they were written in: no language of the interface is claimed for them.
  return person.name ? (
    <bdi lang="" translate="no" className="person-name">
      {person.name}
    </bdi>
  ) : (
    <span className="muted">{t('cases.unnamed')}</span>
  );
}

function Persons({ persons }: { persons: Person[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="case-persons">
      <h2 id="case-persons">{t('cases.persons')}</h2>
      {persons.length === 0 ? (
        <Empty>{t('cases.noPersons')}</Empty>
      ) : (
        <ul className="person-cards">
          {persons.map((p) => (
            <li key={p.id} className="person" data-person={p.id} data-masked={p.masked}>
              <p className="person-head">
                <span className="person-role">{t(`cases.roles.${p.role}`, p.role)}</span>
                {p.child && !p.masked && <span className="badge badge-child">{t('cases.child')}</span>}
              </p>
              <p className="person-title">
                <PersonName person={p} />
              </p>
              {p.otherNames.length > 0 && (
                <p className="person-other">
                  <span className="muted">{t('cases.otherNames')}: </span>
                  {p.otherNames.map((n, i) => (
                    <span key={`${n.name}|${n.script ?? ''}`}>
                      {i > 0 && ', '}
                      <bdi lang="" translate="no">
                        {n.name}
                      </bdi>
                    </span>
                  ))}
                </p>
              )}
              <dl className="person-facts">
                {(p.age !== null || p.ageBand || p.birthDate) && (
                  <div>
                    <dt>{t('cases.age')}</dt>
                    <dd>
                      {p.age !== null
                        ? t('cases.ageValue', { age: format.number(p.age) })
                        : p.ageBand
                          ? t('cases.ageBand', { band: p.ageBand })
                          : ''}
                      {p.birthDate && ` (${t('cases.born', { date: format.day(p.birthDate) })})`}
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('cases.gender')}</dt>
                  <dd>{t(`cases.genders.${p.gender}`, p.gender)}</dd>
                </div>
                {p.nationalities.length > 0 && (
                  <div>
                    <dt>{t('cases.nationalities')}</dt>
                    <dd>{p.nationalities.map((c) => format.country(c)).join(', ')}</dd>
                  </div>
                )}
                {p.documents.length > 0 && (
                  <div>
                    <dt>{t('cases.documents')}</dt>
                    <dd>
                      {p.documents.map((d) => (
                        <span key={`${d.kind}${d.number}`} className="fact-line">
                          {t(`cases.documentKinds.${d.kind}`, d.kind)} <bdi translate="no">{d.number}</bdi> ({format.country(d.country)}
                          {d.expiry && `, ${format.day(d.expiry)}`})
                        </span>
                      ))}
                    </dd>
                  </div>
                )}
                {p.contacts.length > 0 && (
                  <div>
                    <dt>{t('cases.contacts')}</dt>
                    <dd>
                      {p.contacts.map((c) => (
                        <span key={`${c.kind}${c.value}`} className="fact-line">
                          {t(`cases.contactKinds.${c.kind}`, c.kind)}
                          {c.platform && ` (${c.platform})`}: <bdi translate="no">{c.value}</bdi>
                        </span>
                      ))}
                    </dd>
                  </div>
                )}
                {p.notes && (
                  <div>
                    <dt>{t('cases.notes')}</dt>
                    <dd className="person-notes">{p.notes}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Journeys({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const routes = useMemo(() => {
    const byPath = new Map<string, { path: string[]; persons: number }>();
    for (const j of file.journeys) {
      const path = journeyPath(j);
      if (path.length < 2) continue;
      const key = path.join('-');
      const route = byPath.get(key) ?? { path, persons: 0 };
      route.persons += Math.max(1, file.persons.filter((p) => p.journeyId === j.id).length);
      byPath.set(key, route);
    }
    return [...byPath.values()];
  }, [file]);
  const travellers = (journey: Journey) =>
    file.persons
      .filter((p) => p.journeyId === journey.id)
      .map((p) => (p.masked ? t('cases.maskedShort') : (p.name ?? t('cases.unnamed'))));
  return (
    <section className="panel" aria-labelledby="case-journeys">
      <h2 id="case-journeys">{t('cases.journeys')}</h2>
      {file.journeys.length === 0 ? (
        <Empty>{t('cases.noJourneys')}</Empty>
      ) : (
        <div className="journeys">
          <div className="journey-list">
            {file.journeys.map((j, i) => {
              const names = travellers(j);
              return (
                <section key={j.id} className="journey" aria-labelledby={`journey-${j.id}`}>
                  <h3 id={`journey-${j.id}`}>
                    {t('cases.journey', { number: format.number(i + 1) })}
                    {names.length > 0 && (
                      <span className="journey-of">
                        {' — '}
                        <bdi>{t('cases.journeyOf', { names: names.join(', ') })}</bdi>
                      </span>
                    )}
                  </h3>
                  <CaseJourney journey={j} />
                </section>
              );
            })}
          </div>
          {routes.length > 0 && (
            <section className="case-map" aria-labelledby="case-route">
              <h3 id="case-route">{t('cases.route')}</h3>
              <Suspense fallback={<Loading />}>
                <WorldMap
                  title={t('cases.mapTitle')}
                  values={new Map()}
                  countryTitle={(code) => format.country(code)}
                  focusRoutes
                  routes={routes.map((r) => ({
                    key: r.path.join('>'),
                    path: r.path,
                    weight: r.persons,
                    title: t('cases.mapRoute', {
                      path: r.path.map((c) => format.country(c)).join(' → '),
                      persons: format.number(r.persons),
                    }),
                  }))}
                />
              </Suspense>
              <ul className="route-list">
                {routes.map((r) => (
                  <li key={r.path.join('>')}>
                    {t('cases.mapRoute', {
                      path: r.path.map((c) => format.country(c)).join(' → '),
                      persons: format.number(r.persons),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </section>
  );
}

function Outcomes({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="case-outcomes">
      <h2 id="case-outcomes">{t('cases.outcomes')}</h2>
      {file.outcomes.length === 0 ? (
        <Empty>{t('cases.noOutcomes')}</Empty>
      ) : (
        <TableScroll labelledBy="case-outcomes">
          <table aria-labelledby="case-outcomes">
            <thead>
              <tr>
                <th scope="col">{t('cases.outcome.kind')}</th>
                <th scope="col">{t('cases.outcome.date')}</th>
                <th scope="col">{t('cases.outcome.country')}</th>
                <th scope="col" className="num">
                  {t('cases.outcome.persons')}
                </th>
              </tr>
            </thead>
            <tbody>
              {file.outcomes.map((o) => (
                <tr key={o.id}>
                  <td>{t(`cases.outcomeKinds.${o.kind}`, o.kind)}</td>
                  <td>
                    <time dateTime={o.at}>{format.day(o.at)}</time>
                  </td>
                  <td>{format.country(o.country)}</td>
                  <td className="num">{format.number(o.persons)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {file.hiddenOutcomes > 0 && (
        <p className="hidden-outcomes" data-hidden-outcomes={file.hiddenOutcomes}>
          {t('cases.hiddenOutcomes', { count: file.hiddenOutcomes })}
        </p>
      )}
    </section>
  );
}
