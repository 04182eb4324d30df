// The device's copy of what the field screens read, so that they work in full with no network:
// who is signed in, the operations, the bureau's own hotspots (the field screens ask for the
// bureau's country only), the operation's traveller checklist and the dashboard's last figures.
// Nothing else is kept: the cases, entities and cooperation requests another bureau shares are
// never written to the device. The copy ends with the session, and signing out wipes it.
import type { Query, QueryClient } from '@tanstack/react-query';
import type { PersistedClient, Persister } from '@tanstack/react-query-persist-client';
import { currentToken } from '../api.ts';
import { logsFieldRecords } from './fieldData.ts';
import { deviceDb } from './store.ts';

/** Raised when what is kept changes shape: an older copy is then dropped, not misread. */
export const COPY_VERSION = 'field-1';
/** At most as long as a session can last (CORDON_SESSION_HOURS' default). */
export const COPY_MAX_AGE_MS = 12 * 3600_000;
const KEY = 'queries';
/** The queries kept: hotspots only as the field screens ask for them (scope 'field'). */
const KEPT_ROOTS = ['me', 'operations', 'hotspots', 'traveller-checklist', 'results'];

/** Whether a query's answer is kept on the device. */
export function isKeptOnDevice(query: Pick<Query, 'queryKey' | 'state'>): boolean {
  if (query.state.status !== 'success') return false;
  const [root, , scope] = query.queryKey;
  // Only the field screens' list of hotspots: the bureau's own country's.
  if (root === 'hotspots') return scope === 'field';
  return KEPT_ROOTS.includes(String(root));
}

/** The kept queries stay in memory as long as the copy lives, so they are there to be saved. */
export function keepQueriesLong(client: QueryClient): void {
  for (const root of KEPT_ROOTS) client.setQueryDefaults([root], { gcTime: COPY_MAX_AGE_MS });
}

type Owned = PersistedClient & { owner?: string | null };

/**
 * The app's one persister, in IndexedDB. It saves at most once a second (a screen's burst of
 * answers is one write), and only for a field user: an analyst's or a coordinator's device keeps
 * nothing. The copy names the session it was read in, and only that session gets it back: with
 * no session, or another one (a sign-in since, another user), it is dropped.
 */
export const persister: Persister = (() => {
  let pending: Owned | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = async () => {
    timer = undefined;
    const value = pending;
    pending = null;
    if (value) await (await deviceDb()).put('cache', value, KEY);
  };
  const remove = async () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
    await (await deviceDb()).delete('cache', KEY);
  };
  return {
    persistClient(client) {
      const me = client.clientState.queries.find((q) => q.queryKey[0] === 'me')?.state.data as { roles?: string[] } | undefined;
      if (!me?.roles || !logsFieldRecords(me.roles)) return remove();
      pending = { ...client, owner: currentToken() };
      timer ??= setTimeout(() => void write(), 1000);
    },
    async restoreClient() {
      const copy = (await (await deviceDb()).get('cache', KEY)) as Owned | undefined;
      if (copy && (currentToken() === null || copy.owner !== currentToken())) {
        await remove();
        return undefined;
      }
      return copy;
    },
    removeClient: remove,
  };
})();

/** Drops the device's copy of what was read (signing out, a session that ended). */
export async function wipeDeviceCopy(client: QueryClient): Promise<void> {
  client.clear();
  await persister.removeClient();
}
