// "Possible same persons": the matches the linkage model proposed between persons of different
// cases, for analysts to confirm or reject; by status through the address, proposed first.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Operation } from '../../api.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useFilters } from '../../filters.ts';
import { pagedItems, ShowMore, usePaged } from '../../paging.tsx';
import { useSession } from '../../session.tsx';
import { HiddenMatches } from './HiddenMatches.tsx';
import { MatchCard } from './MatchCard.tsx';
import {
  isRefusal,
  MATCH_STATUSES,
  type MatchPerson,
  type MatchStatus,
  mayReadMatches,
  mayRunMatching,
  type PersonMatchT,
} from './matches.ts';
import { RunMatching } from './RunMatching.tsx';
import './matches.css';

const PAGE_SIZE = 20;

export default function PersonMatches() {
  return <WithOperation>{(operation) => <MatchesPage operation={operation} />}</WithOperation>;
}

function MatchesPage({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const [params] = useFilters();
  const asked = params.get('status') as MatchStatus | null;
  const status: MatchStatus = asked && MATCH_STATUSES.includes(asked) ? asked : 'proposed';
  const allowed = mayReadMatches(me);
  return (
    <section className="page matches">
      <div className="page-head">
        <div>
          <h1>{t('matches.title')}</h1>
          <p className="operation-name">{operation.name}</p>
        </div>
        {allowed && mayRunMatching(me) && <RunMatching operationId={operation.id} />}
      </div>
      {loading ? (
        <Loading />
      ) : !allowed ? (
        <Refused />
      ) : (
        <>
          <p className="muted match-intro">{t('matches.intro')}</p>
          <nav className="tabs" aria-label={t('matches.statusTabs')}>
            {MATCH_STATUSES.map((s) => (
              <Link
                key={s}
                className="tab"
                to={{ search: s === 'proposed' ? '' : `?status=${s}` }}
                aria-current={s === status ? 'page' : undefined}
                data-status={s}
              >
                {t(`matches.tabs.${s}`)}
              </Link>
            ))}
          </nav>
          <MatchList operationId={operation.id} status={status} />
        </>
      )}
    </section>
  );
}

/** Field teams and partners do not see matches: said plainly, with where to turn instead. */
function Refused() {
  const { t } = useTranslation();
  return (
    <div className="panel match-refused" data-refused="true">
      <h2>{t('matches.refused.title')}</h2>
      <p>{t('matches.refused.body')}</p>
      <p>
        <Link to="/">{t('matches.refused.back')}</Link>
      </p>
    </div>
  );
}

function MatchList({ operationId, status }: { operationId: string; status: MatchStatus }) {
  const { t } = useTranslation();
  const matches = usePaged<PersonMatchT>(
    ['person-matches', operationId],
    `/api/operations/${operationId}/person-matches`,
    new URLSearchParams({ status }),
    PAGE_SIZE,
  );
  if (matches.isError && isRefusal(matches.error)) return <Refused />;
  const items = pagedItems(matches.data);
  const known = new Map<string, MatchPerson>();
  for (const m of items) {
    known.set(m.left.id, m.left);
    known.set(m.right.id, m.right);
  }
  return (
    <>
      <section className="panel match-panel" aria-labelledby="match-list-title">
        <div className="panel-head">
          <h2 id="match-list-title">{t(`matches.listTitle.${status}`)}</h2>
          {items.length > 0 && (
            <p className="muted" aria-live="polite">
              {t('matches.shown', { count: items.length })}
            </p>
          )}
        </div>
        {matches.isPending ? (
          <Loading />
        ) : matches.isError ? (
          <Failed error={matches.error} retry={() => void matches.refetch()} />
        ) : items.length === 0 ? (
          <Empty>{t(`matches.empty.${status}`)}</Empty>
        ) : (
          <>
            <ul className="match-list">
              {items.map((m) => (
                <MatchCard key={m.id} match={m} operationId={operationId} />
              ))}
            </ul>
            <ShowMore query={matches} label={t('matches.more')} />
          </>
        )}
      </section>
      <HiddenMatches operationId={operationId} known={known} />
    </>
  );
}
