// One campaign's page: a new one recorded, or an existing one changed by the bureau that runs it
// and read by the others it is shared with.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { SharingText } from '../../components/Sharing.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useFormat } from '../../format.ts';
import { useSession } from '../../session.tsx';
import type { Campaign } from './campaign.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { Places, Reach } from './CampaignText.tsx';
import './campaigns.css';

export function CampaignEntry() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <section className="page campaign">
      <p className="back">
        <Link to="/campaigns">← {t('campaigns.back')}</Link>
      </p>
      {id === undefined ? <NewCampaign /> : <ExistingCampaign id={id} />}
    </section>
  );
}

function NewCampaign() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <WithOperation>
      {(operation) => {
        if (!me) return <Loading />;
        if (!operation.can.recordCampaigns) return <Empty>{t('campaigns.cannotRecord')}</Empty>;
        return (
          <>
            <div className="page-head">
              <div>
                <h1>{t('campaigns.newTitle')}</h1>
                <p className="operation-name">{operation.name}</p>
              </div>
            </div>
            <CampaignForm operationId={operation.id} defaultCountry={me.bureau.country} />
          </>
        );
      }}
    </WithOperation>
  );
}

function ExistingCampaign({ id }: { id: string }) {
  const { t } = useTranslation();
  const campaign = useQuery({
    queryKey: ['campaigns', 'one', id],
    queryFn: () => api<Campaign>(`/api/campaigns/${encodeURIComponent(id)}`),
  });
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    const missing = campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 400);
    if (!missing) return <Failed error={campaign.error} retry={() => void campaign.refetch()} />;
    return (
      <div className="state campaign-not-found" data-state="not-found">
        <h1>{t('campaigns.notFound')}</h1>
        <p>
          <Link to="/campaigns">{t('campaigns.back')}</Link>
        </p>
      </div>
    );
  }
  const c = campaign.data;
  return (
    <>
      <CampaignHead campaign={c} />
      {c.can.update ? <CampaignForm key={c.id} operationId={c.operationId} campaign={c} /> : <CampaignView campaign={c} />}
    </>
  );
}

function CampaignHead({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <header className="campaign-head">
      <h1>
        <bdi>{campaign.title}</bdi>
      </h1>
      <ul className="case-meta">
        <li>
          <span className="badge badge-quiet campaign-channel">{t(`campaigns.channels.${campaign.channel}`)}</span>
        </li>
        <li>{t('campaigns.view.runBy', { country: format.country(campaign.ownerCountry) })}</li>
        <li>{t('campaigns.view.recordedOn', { date: format.day(campaign.createdAt) })}</li>
      </ul>
    </header>
  );
}

/** What a reader who may not change the campaign sees. */
function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = <span className="muted">{t('campaigns.view.none')}</span>;
  return (
    <section className="panel campaign-view" aria-labelledby="campaign-facts">
      <h2 id="campaign-facts" className="visually-hidden">
        {t('campaigns.column.title')}
      </h2>
      <p className="muted campaign-read-only">{t('campaigns.view.readOnly')}</p>
      <dl className="campaign-facts">
        <Fact field="channel">{t(`campaigns.channels.${campaign.channel}`)}</Fact>
        <Fact field="country">{format.country(campaign.country)}</Fact>
        <Fact field="places">
          <Places places={campaign.places} />
        </Fact>
        <Fact field="audience">{campaign.audience ? <bdi className="campaign-text">{campaign.audience}</bdi> : none}</Fact>
        <Fact field="startsOn">
          <time dateTime={campaign.startsOn}>{format.day(campaign.startsOn)}</time>
        </Fact>
        <Fact field="endsOn">
          <time dateTime={campaign.endsOn}>{format.day(campaign.endsOn)}</time>
        </Fact>
        <Fact field="reach">
          <Reach reach={campaign.reach} />
        </Fact>
        <Fact field="notes">{campaign.notes ? <span className="campaign-text">{campaign.notes}</span> : none}</Fact>
        <Fact field="sharing">
          <SharingText sharing={campaign.sharing} sharedWith={campaign.sharedWith} />
        </Fact>
      </dl>
    </section>
  );
}

function Fact({ field, children }: { field: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div data-fact={field}>
      <dt>{t(`campaigns.fields.${field}`)}</dt>
      <dd>{children}</dd>
    </div>
  );
}
