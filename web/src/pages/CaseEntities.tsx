// A case's identifiers (phones, handles, documents…) as the API normalised them, with the other
// cases where each appears, and a plain notice when one also appears where the reader may not look.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { useFormat } from '../format.ts';

interface CaseEntity {
  id: string;
  kind: string;
  masked: boolean;
  raw: string | null;
  value: string | null;
  valid: boolean;
  problem: string | null;
  details: Record<string, string>;
  links: { caseId: string; title: string; ownerCountry: string }[];
  hiddenMatch: boolean;
}

export function CaseEntities({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entities = useQuery({
    queryKey: ['case-entities', caseId],
    queryFn: () => api<{ entities: CaseEntity[] }>(`/api/cases/${encodeURIComponent(caseId)}/entities`),
  });
  return (
    <section className="panel" aria-labelledby="case-entities">
      <h2 id="case-entities">{t('entities.title')}</h2>
      {entities.isPending ? (
        <Loading />
      ) : entities.isError ? (
        <Failed error={entities.error} retry={() => void entities.refetch()} />
      ) : entities.data.entities.length === 0 ? (
        <Empty>{t('entities.empty')}</Empty>
      ) : (
        <ul className="entity-list">
          {entities.data.entities.map((e) => (
            <li key={e.id} className="entity" data-entity={e.kind} data-hidden-match={e.hiddenMatch}>
              <span className="badge badge-quiet">{t(`entities.kinds.${e.kind}`, e.kind)}</span>{' '}
              {e.masked ? (
                <span className="badge badge-masked">{t('entities.masked')}</span>
              ) : (
                <>
                  <bdi className="entity-value">{e.valid ? e.value : e.raw}</bdi>
                  {e.valid && e.raw !== e.value && <span className="muted"> ({t('entities.asWritten', { raw: e.raw })})</span>}
                  {!e.valid && <span className="entity-invalid"> {t('entities.invalid')}</span>}
                </>
              )}
              {e.links.length > 0 && (
                <p className="entity-links">
                  {t('entities.alsoIn')}{' '}
                  {e.links.map((l, i) => (
                    <span key={l.caseId}>
                      {i > 0 && ', '}
                      <Link to={`/cases/${l.caseId}`}>{l.title}</Link> ({format.country(l.ownerCountry)})
                    </span>
                  ))}
                </p>
              )}
              {e.hiddenMatch && <p className="entity-hidden">{t('entities.hiddenMatch')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
