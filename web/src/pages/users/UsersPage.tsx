// "Users" (/users, admins): the accounts of the bureaus the admin manages, found by name or
// bureau (filters in the address), each with its state and what the admin may do to it.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { FilterSelect } from '../../components/Choices.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFilters } from '../../filters.ts';
import { useFormat } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { UserActions } from './UserActions.tsx';
import { type BureauT, matchesWords, mayManageUsers, type UserBody } from './users.ts';
import '../account/account.css';
import './users.css';

export default function UsersPage() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  return (
    <section className="page users-page">
      <div className="page-head">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="account-intro muted">{t('users.intro')}</p>
        </div>
      </div>
      {loading ? <Loading /> : mayManageUsers(me) ? <UserList myId={me!.userId} /> : <Refused />}
    </section>
  );
}

function Refused() {
  const { t } = useTranslation();
  return (
    <div className="panel" data-refused="true">
      <h2>{t('users.refused.title')}</h2>
      <p>{t('users.refused.body')}</p>
      <p>
        <Link to="/account">{t('users.refused.account')}</Link>
      </p>
    </div>
  );
}

function UserList({ myId }: { myId: string }) {
  const { t } = useTranslation();
  const filters = useFilters();
  const [params, setFilter] = filters;
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => api<UserBody[]>('/api/users', { signal }) });
  const bureaus = useQuery({ queryKey: ['bureaus'], queryFn: ({ signal }) => api<BureauT[]>('/api/bureaus', { signal }), staleTime: 300_000 });
  if (users.isError && users.error instanceof ApiError && users.error.status === 403) return <Refused />;
  if (users.isPending) return <Loading />;
  if (users.isError) return <Failed error={users.error} retry={() => void users.refetch()} />;

  const names = new Map((bureaus.data ?? []).map((b) => [b.id, b.name]));
  const bureauIds = [...new Set(users.data.map((u) => u.bureauId))];
  const bureau = params.get('bureau') ?? '';
  const words = params.get('q') ?? '';
  const shown = users.data
    .filter((u) => (!bureau || u.bureauId === bureau) && matchesWords(u, words))
    .sort((a, b) => a.username.localeCompare(b.username));
  return (
    <section className="panel" aria-labelledby="users-list-title">
      <div className="panel-head">
        <h2 id="users-list-title">{t('users.listTitle')}</h2>
        <p className="muted" aria-live="polite">
          {t('users.shown', { count: shown.length, total: users.data.length })}
        </p>
      </div>
      <div className="users-filters">
        <label>
          {t('users.search')}
          <input type="search" name="q" value={words} onChange={(e) => setFilter('q', e.target.value)} />
        </label>
        {bureauIds.length > 1 && (
          <FilterSelect
            filters={filters}
            name="bureau"
            label={t('users.bureau')}
            any={t('users.anyBureau')}
            choices={bureauIds
              .map((id) => ({ value: id, label: names.get(id) ?? id }))
              .sort((a, b) => a.label.localeCompare(b.label))}
          />
        )}
      </div>
      {shown.length === 0 ? (
        <Empty>{t('users.empty')}</Empty>
      ) : (
        <ul className="users-list">
          {shown.map((u) => (
            <UserCard key={u.id} user={u} bureauName={names.get(u.bureauId)} mine={u.id === myId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UserCard({ user, bureauName, mine }: { user: UserBody; bureauName: string | undefined; mine: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `user-${user.id}`;
  return (
    <li className="users-card" data-user={user.username} data-disabled={user.disabled ? 'true' : 'false'}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="users-name">
          <bdi dir="auto" translate="no">
            {user.displayName || user.username}
          </bdi>
          {user.displayName && (
            <span className="users-username" translate="no">
              {user.username}
            </span>
          )}
        </h3>
        <p className="users-badges">
          {user.disabled ? (
            <span className="badge users-disabled">{t('users.states.disabled')}</span>
          ) : (
            <span className="badge account-on">{t('users.states.active')}</span>
          )}
          {mine && <span className="badge badge-quiet">{t('users.you')}</span>}
        </p>
        <dl className="account-facts">
          <div>
            <dt>{t('users.bureau')}</dt>
            <dd>
              <bdi dir="auto">{bureauName ?? '—'}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('users.roles')}</dt>
            <dd>{user.roles.map((r) => t(`users.roleNames.${r}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('users.twoFactor')}</dt>
            <dd data-totp={user.totpEnabled ? 'on' : 'off'}>{user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</dd>
          </div>
          <div>
            <dt>{t('users.lastLogin')}</dt>
            <dd>
              {user.lastLoginAt ? <time dateTime={user.lastLoginAt}>{format.dateTime(user.lastLoginAt)}</time> : t('users.never')}
            </dd>
          </div>
        </dl>
        {mine ? (
          <p className="muted users-mine">
            <Link to="/account">{t('users.yourAccount')}</Link>
          </p>
        ) : (
          <UserActions user={user} />
        )}
      </article>
    </li>
  );
}
