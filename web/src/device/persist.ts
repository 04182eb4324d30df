// The device's copy of what the field screens read, so that they work in full with no network:
// who is signed in, the operations, the bureau's own hotspots (the field screens ask for the
// bureau's country only), the operation's traveller checklist and the dashboard's last figures.
// Nothing else is kept: the cases, entities and cooperation requests another bureau shares are
// never written to the device. The copy ends with the session, and signing out wipes it.
import type { Query, QueryClient } from '@tanstack/react-query';
import type { PersistedClient, Persister } from '@tanstack/react-query-persist-client';
import { currentToken } from '../api.ts';
import { deviceDb } from './store.ts';

/** Raised when what is kept changes shape: an older copy is then dropped, not misread. */
export const COPY_VERSION = 'field-1';
/** At most as long as a session can last (CORDON_SESSION_HOURS' default). */
export const COPY_MAX_AGE_MS = 12 * 3600_000;
const KEY = 'queries';
/** The roles that log field records (as the server's rule for inspections and outcomes). */
const FIELD_ROLES = new Set(['field', 'officer', 'admin']);

/** Whether a query's answer is kept on the device. */
export function isKeptOnDevice(query: Pick<Query, 'queryKey' | 'state'>): boolean {
  if (query.state.status !== 'success') return false;
  const [root, , scope] = query.queryKey;
  if (root === 'me' || root === 'operations' || root === 'traveller-checklist' || root === 'results') return true;
  // Only the field screens' list: the bureau's own country's hotspots.
  return root === 'hotspots' && scope === 'field';
}

/** The roots above stay in memory as long as the copy lives, so they are there to be saved. */
export function keepQueriesLong(client: QueryClient): void {
  for (const root of ['me', 'operations', 'hotspots', 'traveller-checklist', 'results']) {
    client.setQueryDefaults([root], { gcTime: COPY_MAX_AGE_MS });
  }
}

/** Saves at most once a second: a screen's burst of answers is one write. */
export function devicePersister(): Persister {
  let pending: PersistedClient | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = async () => {
    timer = undefined;
    const value = pending;
    pending = null;
    if (value) await (await deviceDb()).put('cache', value, KEY);
  };
  return {
    persistClient(client) {
      pending = client;
      timer ??= setTimeout(() => void write(), 1000);
    },
    async restoreClient() {
      return (await (await deviceDb()).get('cache', KEY)) as PersistedClient | undefined;
    },
    async removeClient() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      await (await deviceDb()).delete('cache', KEY);
    },
  };
}

/** Drops the device's copy of what was read (signing out, a session that ended). */
export async function wipeDeviceCopy(client: QueryClient, persister: Persister): Promise<void> {
  client.clear();
  await persister.removeClient();
}

type Owned = PersistedClient & { owner?: string | null };

/**
 * The app's one persister. The copy names the session it was read in, and only that session gets
 * it back: with no session, or another one (a sign-in since, another user), it is dropped.
 */
export const persister: Persister = (() => {
  const inner = devicePersister();
  return {
    persistClient(client) {
      // Only a field user's device keeps a copy: an analyst's or a coordinator's keeps nothing.
      const me = client.clientState.queries.find((q) => q.queryKey[0] === 'me')?.state.data as { roles?: string[] } | undefined;
      if (!me?.roles?.some((r) => FIELD_ROLES.has(r))) return inner.removeClient();
      return inner.persistClient({ ...client, owner: currentToken() } as Owned);
    },
    async restoreClient() {
      const copy = (await inner.restoreClient()) as Owned | undefined;
      if (copy && (currentToken() === null || copy.owner !== currentToken())) {
        await inner.removeClient();
        return undefined;
      }
      return copy;
    },
    removeClient: () => inner.removeClient(),
  };
})();
