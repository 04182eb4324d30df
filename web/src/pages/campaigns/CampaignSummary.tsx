// What the filtered campaigns add up to: how many, the people they reached, and the reach by
// country and channel (campaigns without an estimate counted apart, never as zero).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CampaignSummaryT } from '../../../../src/modules/campaigns/schema.ts';
import { api } from '../../api.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

export function CampaignSummary({ operationId, filter }: { operationId: string; filter: URLSearchParams }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = filter.toString();
  const summary = useQuery({
    queryKey: ['campaigns', 'summary', operationId, query],
    queryFn: () => api<CampaignSummaryT>(`/api/operations/${operationId}/campaigns/summary${query ? `?${query}` : ''}`),
  });
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <Failed error={summary.error} retry={() => void summary.refetch()} />;
  const { totals } = summary.data;
  if (totals.campaigns === 0) return null;
  const rows = summary.data.byCountryChannel
    .map((r) => ({ ...r, countryName: format.country(r.country), channelName: t(`campaigns.channels.${r.channel}`) }))
    .sort((a, b) => a.countryName.localeCompare(b.countryName, format.locale) || a.channelName.localeCompare(b.channelName, format.locale));
  return (
    <section className="panel campaign-summary" aria-labelledby="campaign-summary">
      <h2 id="campaign-summary">{t('campaigns.summary.title')}</h2>
      <ul className="figures">
        {(['campaigns', 'reach', 'withoutReach'] as const).map((figure) => (
          <li key={figure} className="figure" data-figure={figure}>
            <span className="figure-value">{format.number(totals[figure])}</span>
            <span className="figure-label">{t(`campaigns.summary.${figure}`)}</span>
          </li>
        ))}
      </ul>
      <h3 id="campaign-breakdown">{t('campaigns.summary.byCountryChannel')}</h3>
      <TableScroll labelledBy="campaign-breakdown">
        <table aria-labelledby="campaign-breakdown" className="case-table campaign-breakdown">
          <thead>
            <tr>
              {['column.country', 'column.channel', 'summary.campaignsColumn', 'summary.reachColumn'].map((column, i) => (
                <th key={column} scope="col" className={i >= 2 ? 'num' : undefined}>
                  {t(`campaigns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.country}-${r.channel}`}>
                <th scope="row">{r.countryName}</th>
                <td data-label={t('campaigns.column.channel')}>{r.channelName}</td>
                <td className="num" data-label={t('campaigns.summary.campaignsColumn')}>
                  {format.number(r.campaigns)}
                </td>
                <td className="num" data-label={t('campaigns.summary.reachColumn')}>
                  {r.withoutReach === r.campaigns ? (
                    <span className="muted">{t('campaigns.notEstimated')}</span>
                  ) : (
                    <>
                      {format.number(r.reach)}
                      {r.withoutReach > 0 && (
                        <span className="campaign-unestimated muted">{t('campaigns.summary.notEstimated', { count: r.withoutReach })}</span>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
