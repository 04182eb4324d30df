// A case's identifiers (phones, handles, documents…) as the API normalised them, with the other
// cases where each appears; a plain notice, and a way to ask, when one also appears where the
// reader may not look; identifiers added by hand; and the case's link graph.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { useFormat } from '../format.ts';
import { AddEntity } from './entities/AddEntity.tsx';
import { AskHoldingBureau } from './entities/AskHoldingBureau.tsx';
import { type CaseEntities as CaseEntitiesT, type CaseEntity, writeProblem } from './entities/entities.ts';
import './entities/entities.css';

// Cytoscape is loaded only when a graph is asked for.
const LinkGraph = lazy(() => import('./entities/LinkGraph.tsx'));

/** The details a person reads next to an identifier; the rest (formats, networks) stays for exports. */
const SHOWN_DETAILS = new Set(['title', 'url', 'place', 'country', 'platform', 'documentType', 'legalForm', 'chain']);

/** Kinds whose normalised value is only a matching key (lower case, no punctuation): people read them as written. */
const AS_WRITTEN = new Set(['job_ad', 'company', 'scam_compound']);

function displayed(e: CaseEntity): string | null {
  return e.valid && !AS_WRITTEN.has(e.kind) ? e.value : e.raw;
}

export function CaseEntities({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const entities = useQuery({
    queryKey: ['case-entities', caseId],
    queryFn: () => api<CaseEntitiesT>(`/api/cases/${encodeURIComponent(caseId)}/entities`),
  });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<CaseEntity | null>(null);
  const canAdd = entities.data?.can?.add ?? false;
  return (
    <>
      <section className="panel" aria-labelledby="case-entities">
        <div className="panel-head">
          <h2 id="case-entities">{t('entities.title')}</h2>
          {canAdd && !adding && (
            <button
              type="button"
              className="entity-button"
              onClick={() => {
                setAdding(true);
                setAdded(null);
              }}
            >
              {t('entities.add.open')}
            </button>
          )}
        </div>
        <p className="form-saved" role="status">
          {added ? t('entities.add.added', { value: displayed(added) ?? '' }) : ''}
          {added && !added.valid && added.problem && <span className="entity-problem"> {t('entities.add.keptInvalid', { problem: added.problem })}</span>}
        </p>
        {adding && (
          <AddEntity
            caseId={caseId}
            onAdded={(entity) => {
              setAdded(entity);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        {entities.isPending ? (
          <Loading />
        ) : entities.isError ? (
          <Failed error={entities.error} retry={() => void entities.refetch()} />
        ) : entities.data.entities.length === 0 ? (
          <Empty>{t('entities.empty')}</Empty>
        ) : (
          <ul className="entity-list">
            {entities.data.entities.map((e) => (
              <EntityItem key={e.id} caseId={caseId} entity={e} />
            ))}
          </ul>
        )}
      </section>
      <CaseGraph caseId={caseId} />
    </>
  );
}

function EntityItem({ caseId, entity: e }: { caseId: string; entity: CaseEntity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = displayed(e);
  const details = Object.entries(e.details).filter(([key]) => SHOWN_DETAILS.has(key));
  return (
    <li className="entity" data-entity={e.kind} data-entity-id={e.id} data-hidden-match={e.hiddenMatch} data-valid={e.valid}>
      <span className="badge badge-quiet">{t(`entities.kinds.${e.kind}`, e.kind)}</span>{' '}
      {e.masked ? (
        <span className="badge badge-masked">{t('entities.masked')}</span>
      ) : (
        <>
          <Link to={`/entities/${e.id}`}>
            <bdi className="entity-value" translate="no">
              {shown}
            </bdi>
          </Link>
          {e.valid && !AS_WRITTEN.has(e.kind) && e.raw !== e.value && <span className="muted"> ({t('entities.asWritten', { raw: e.raw })})</span>}
          {!e.valid && <span className="entity-invalid"> {t('entities.invalid')}</span>}
          {details.length > 0 && (
            <span className="muted entity-details">
              {' ('}
              {details
                .map(([key, value]) =>
                  t('entities.detailPair', {
                    name: t(`entities.details.${key}`),
                    value: key === 'country' ? format.country(value) : key === 'documentType' ? t(`entities.documentTypes.${value}`, value) : value,
                  }),
                )
                .join(' · ')}
              {')'}
            </span>
          )}
          {e.source === 'manual' && <span className="muted entity-source"> — {t('entities.addedByHand')}</span>}
        </>
      )}
      {!e.valid && e.problem && <p className="entity-problem">{t('entities.problem', { problem: e.problem })}</p>}
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
      {e.hiddenMatch && (
        <div className="entity-hidden">
          <p>{t('entities.hiddenMatch')}</p>
          {e.hit && <AskHoldingBureau hit={e.hit} kind={e.kind} value={shown ?? ''} />}
        </div>
      )}
      {e.can?.remove && <RemoveEntity caseId={caseId} entity={e} />}
    </li>
  );
}

function RemoveEntity({ caseId, entity }: { caseId: string; entity: CaseEntity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/cases/${encodeURIComponent(caseId)}/entities/${encodeURIComponent(entity.id)}`, { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['case-entities', caseId] }), queryClient.invalidateQueries({ queryKey: ['graph'] })]),
  });
  const value = entity.value ?? entity.raw ?? '';
  return (
    <div className="entity-actions">
      {confirming ? (
        <>
          <button type="button" className="coop-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('entities.remove.yes', { value })}
          </button>
          <button type="button" className="entity-secondary" onClick={() => setConfirming(false)}>
            {t('entities.remove.no')}
          </button>
        </>
      ) : (
        <button type="button" className="entity-secondary" onClick={() => setConfirming(true)}>
          {t('entities.remove.button')}
          <span className="visually-hidden"> {value}</span>
        </button>
      )}
      {remove.isError && (
        <p className="entity-error" role="alert">
          {writeProblem(remove.error, t)}
        </p>
      )}
    </div>
  );
}

function CaseGraph({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="case-graph">
      <div className="panel-head">
        <h2 id="case-graph">{t('entities.graph.title')}</h2>
        <button type="button" className="entity-secondary" aria-expanded={open} aria-controls="case-graph-body" onClick={() => setOpen((o) => !o)}>
          {open ? t('entities.graph.hide') : t('entities.graph.show')}
        </button>
      </div>
      <div id="case-graph-body" hidden={!open}>
        {open && (
          <Suspense fallback={<Loading />}>
            <LinkGraph scope="case" id={caseId} />
          </Suspense>
        )}
      </div>
      {!open && <p className="muted link-graph-hint">{t('entities.graph.intro')}</p>}
    </section>
  );
}
