// A case's cooperation panel, on the case page: the requests about the case, each opening in place
// as in the inbox, and the way to send one.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { RequestList } from './RequestList.tsx';
import './cooperation.css';

/**
 * The requests about a case, for the case page.
 * @example <CaseCooperation caseId={file.id} canSend={file.can.update} />
 */
export function CaseCooperation({ caseId, canSend }: { caseId: string; canSend: boolean }) {
  const { t } = useTranslation();
  // The case page has usually loaded the case already; its operation is the one to ask.
  const file = useQuery({ queryKey: ['case', caseId], queryFn: () => api<{ id: string; operationId: string }>(`/api/cases/${encodeURIComponent(caseId)}`) });
  const send = `/cooperation/new?case=${encodeURIComponent(caseId)}`;
  return (
    <section className="panel coop-case" aria-labelledby="case-cooperation">
      <div className="panel-head">
        <h2 id="case-cooperation">{t('cooperation.caseTitle')}</h2>
        {canSend && (
          <Link className="coop-button" to={send}>
            {t('cooperation.sendAboutCase')}
          </Link>
        )}
      </div>
      {file.isPending ? (
        <Loading />
      ) : file.isError ? (
        <Failed error={file.error} retry={() => void file.refetch()} />
      ) : (
        <RequestList
          operationId={file.data.operationId}
          filter={new URLSearchParams({ box: 'all', case: caseId })}
          caseLinks={false}
          empty={canSend ? t('cooperation.empty.caseCanSend') : t('cooperation.empty.case')}
        />
      )}
    </section>
  );
}
