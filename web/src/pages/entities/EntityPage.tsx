// One identifier (a phone, a wallet, a job ad…) on its own page: its kind and value, and the link
// graph around it across cases and countries.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { Failed, Loading } from '../../components/States.tsx';
import type { GraphT } from './graph.ts';
import './entities.css';

const LinkGraph = lazy(() => import('./LinkGraph.tsx'));

export function EntityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // The nearest graph names the identifier (its start node); the page's graph may go deeper.
  const near = useQuery({ queryKey: ['graph', 'entity', id, 1], queryFn: () => api<GraphT>(`/api/entities/${encodeURIComponent(id)}/graph?depth=1`) });
  const back = (
    <p className="back">
      <Link to="/cases">← {t('cases.back')}</Link>
    </p>
  );
  if (near.isPending) return <Loading />;
  if (near.isError) {
    const missing = near.error instanceof ApiError && (near.error.status === 404 || near.error.status === 400);
    return (
      <section className="page entity-page">
        {back}
        {missing ? (
          <div className="state" data-state="not-found">
            <h1>{t('entities.page.notFound')}</h1>
          </div>
        ) : (
          <Failed error={near.error} retry={() => void near.refetch()} />
        )}
      </section>
    );
  }
  const start = near.data.nodes.find((n) => n.id === near.data.start);
  const cases = near.data.nodes.filter((n) => n.type === 'case').length;
  return (
    <section className="page entity-page" data-entity-kind={start?.kind}>
      {back}
      <header className="case-head">
        <p className="person-head">{t(`entities.kinds.${start?.kind ?? ''}`, start?.kind ?? '')}</p>
        <h1>
          <bdi className="entity-page-value" translate="no">
            {start?.label ?? ''}
          </bdi>
        </h1>
        <p className="muted">{t('entities.page.inCases', { count: cases })}</p>
      </header>
      <section className="panel" aria-labelledby="entity-graph">
        <h2 id="entity-graph">{t('entities.graph.title')}</h2>
        <Suspense fallback={<Loading />}>
          <LinkGraph scope="entity" id={id} />
        </Suspense>
      </section>
    </section>
  );
}
