// A page-by-page list of cooperation requests (the inbox, the sent box, a case's requests), each
// opening its thread in place.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CooperationRequestSummaryT } from '../../../../src/modules/cooperation/schema.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { pagedItems, ShowMore, usePaged } from '../../paging.tsx';
import { RequestRow } from './RequestRow.tsx';

const PAGE_SIZE = 25;

export function RequestList(props: { operationId: string; filter: URLSearchParams; opened?: string | null; highlighted?: string | undefined; empty: ReactNode; caseLinks?: boolean }) {
  const { operationId } = props;
  const { t } = useTranslation();
  const requests = usePaged<CooperationRequestSummaryT>(['cooperation', operationId], `/api/operations/${operationId}/cooperation`, props.filter, PAGE_SIZE);
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <Failed error={requests.error} retry={() => void requests.refetch()} />;
  const rows = pagedItems(requests.data);
  if (rows.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <>
      <p className="muted coop-shown" aria-live="polite">
        {t('cooperation.shown', { count: rows.length })}
      </p>
      <ul className="coop-requests">
        {rows.map((r) => (
          <RequestRow key={r.id} request={r} initiallyOpen={r.id === props.opened} highlighted={r.id === props.highlighted} caseLink={props.caseLinks ?? true} />
        ))}
      </ul>
      <ShowMore query={requests} label={t('cooperation.more')} />
    </>
  );
}
