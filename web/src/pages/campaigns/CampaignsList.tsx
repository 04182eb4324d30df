// Prevention campaigns of the operation: the radio spots, pamphlets and outreach with their
// estimated reach, filtered through the address, with the summary of what the filters keep.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { CAMPAIGN_CHANNELS } from '../../../../src/modules/campaigns/schema.ts';
import type { Operation } from '../../api.ts';
import { FilterSelect } from '../../components/Choices.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useFilters } from '../../filters.ts';
import { useCountryOptions, useFormat } from '../../format.ts';
import { type Column, PagedTable, usePaged } from '../../paging.tsx';
import { type Campaign, FILTERS, filterOf } from './campaign.ts';
import { CampaignSummary } from './CampaignSummary.tsx';
import { Dates, Places, Reach } from './CampaignText.tsx';
import './campaigns.css';

const COLUMNS = ['title', 'channel', 'country', 'places', 'dates', 'reach'] as const;

export function CampaignsList() {
  return <WithOperation>{(operation) => <Campaigns operation={operation} />}</WithOperation>;
}

function Campaigns({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const [params] = useFilters();
  const filter = filterOf(params);
  const from = filter.get('from');
  const to = filter.get('to');
  const badRange = from !== null && to !== null && to < from;
  const canRecord = operation.can.recordCampaigns;
  return (
    <section className="page campaigns">
      <div className="page-head">
        <div>
          <h1>{t('campaigns.title')}</h1>
          <p className="operation-name">{operation.name}</p>
        </div>
        {canRecord && (
          <Link to="/campaigns/new" className="button-link">
            {t('campaigns.new')}
          </Link>
        )}
      </div>
      <Recorded />
      <CampaignFilters badRange={badRange} />
      {!badRange && (
        <>
          <CampaignSummary operationId={operation.id} filter={filter} />
          <CampaignTable operationId={operation.id} filter={filter} canRecord={canRecord} />
        </>
      )}
    </section>
  );
}

/** The confirmation of a campaign just recorded (the form sends its id and title here). */
function Recorded() {
  const { t } = useTranslation();
  const location = useLocation();
  const recorded = (location.state as { recorded?: { id: string; title: string } } | null)?.recorded;
  if (!recorded) return null;
  return (
    <p className="form-saved campaign-recorded" role="status">
      {t('campaigns.recorded', { title: recorded.title })} <Link to={`/campaigns/${recorded.id}`}>{t('campaigns.open')}</Link>
    </p>
  );
}

function CampaignFilters({ badRange }: { badRange: boolean }) {
  const { t } = useTranslation();
  const filters = useFilters();
  const [params, setFilter, clearFilters] = filters;
  const countries = useCountryOptions();
  const any = FILTERS.some((f) => params.get(f));
  return (
    <form className="panel case-filters campaign-filters" aria-label={t('campaigns.filters')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect filters={filters} name="country" label={t('campaigns.country')} any={t('campaigns.anyCountry')} choices={countries} />
      <FilterSelect
        filters={filters}
        name="channel"
        label={t('campaigns.channel')}
        any={t('campaigns.anyChannel')}
        choices={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channels.${c}`) }))}
      />
      <label>
        {t('campaigns.from')}
        <input type="date" name="from" value={params.get('from') ?? ''} onChange={(e) => setFilter('from', e.target.value)} />
      </label>
      <div className="campaign-filter-to">
        <label>
          {t('campaigns.to')}
          <input
            type="date"
            name="to"
            value={params.get('to') ?? ''}
            aria-invalid={badRange || undefined}
            aria-describedby={badRange ? 'campaign-filter-to-error' : undefined}
            onChange={(e) => setFilter('to', e.target.value)}
          />
        </label>
        {badRange && (
          <p id="campaign-filter-to-error" className="form-field-error" role="alert">
            {t('campaigns.rangeError')}
          </p>
        )}
      </div>
      {any && (
        <button type="button" className="link" onClick={clearFilters}>
          {t('campaigns.clear')}
        </button>
      )}
    </form>
  );
}

function CampaignTable({ operationId, filter, canRecord }: { operationId: string; filter: URLSearchParams; canRecord: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const campaigns = usePaged<Campaign>(['campaigns', 'list', operationId], `/api/operations/${operationId}/campaigns`, filter);
  const filtered = filter.size > 0;
  const label = (column: (typeof COLUMNS)[number]) => t(`campaigns.column.${column}`);
  const columns: Column<Campaign>[] = [
    {
      key: 'title',
      label: label('title'),
      className: 'campaign-title',
      cell: (c) => (
        <Link to={`/campaigns/${c.id}`}>
          <bdi>{c.title}</bdi>
        </Link>
      ),
    },
    { key: 'channel', label: label('channel'), cell: (c) => t(`campaigns.channels.${c.channel}`) },
    { key: 'country', label: label('country'), cell: (c) => format.country(c.country) },
    { key: 'places', label: label('places'), className: 'campaign-places', cell: (c) => <Places places={c.places} /> },
    { key: 'dates', label: label('dates'), cell: (c) => <Dates from={c.startsOn} to={c.endsOn} /> },
    { key: 'reach', label: label('reach'), numeric: true, cell: (c) => <Reach reach={c.reach} /> },
  ];
  return (
    <PagedTable
      id="campaign-list"
      title={t('campaigns.list')}
      query={campaigns}
      columns={columns}
      empty={`${filtered ? t('campaigns.empty') : t('campaigns.emptyAll')}${!filtered && canRecord ? ` ${t('campaigns.emptyHint')}` : ''}`}
      more={t('campaigns.more')}
      shown={(count) => t('campaigns.shown', { count })}
      rowProps={(c) => ({ 'data-campaign': c.id, 'data-channel': c.channel })}
      tableClass="campaign-table"
    />
  );
}
