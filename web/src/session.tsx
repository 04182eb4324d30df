// Who is signed in. The token is kept on the device until the session ends (web/src/api.ts); `me`
// comes from /api/auth/me and, like the field screens' data, from the device's copy when there is
// no network. When the API answers 401 the session is over and the app says so plainly. Signing
// out wipes the device: the copy of what was read, the outbox and the field draft.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { LoginBodyInput, LoginReplyBody } from '../../src/modules/auth/schema.ts';
import { ApiError, api, currentToken, type Me, onSessionExpired, onTokenChange, setToken } from './api.ts';
import { clearOutbox, setOutboxSender } from './device/outbox.ts';
import { wipeDeviceCopy } from './device/persist.ts';

interface Session {
  me: Me | undefined;
  loading: boolean;
  expired: boolean;
  /** Signs in; rejects with ApiError `totp_required` when the account asks for its 6-digit code too. */
  signIn(credentials: LoginBodyInput): Promise<LoginReplyBody>;
  /** Signs out and wipes the device's copy and this user's outbox (ask first when it holds unsent records). */
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
/** A sign-out made with no network: the server is told when it can be reached. */
const PENDING_LOGOUT = 'cordon.pendingLogout';
/** What the field screens keep on the device between visits (see FieldEntry and ScreenTraveller). */
export const DRAFT_KEYS = ['cordon.fieldDraft', 'cordon.checkpoint'];

async function sendPendingLogout(): Promise<void> {
  const pending = localStorage.getItem(PENDING_LOGOUT);
  if (!pending) return;
  try {
    const response = await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${pending}` } });
    if (response.status < 500) localStorage.removeItem(PENDING_LOGOUT);
  } catch {
    // Still no network: tried again at the next `online`.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setTokenState] = useState(currentToken());
  const [expired, setExpired] = useState(false);
  const me = useQuery({ queryKey: ['me', token], queryFn: () => api<Me>('/api/auth/me'), enabled: token !== null, staleTime: Infinity });

  useEffect(
    () =>
      onSessionExpired(() => {
        setOutboxSender(undefined);
        setTokenState(null);
        setExpired(true);
        // The outbox stays: its records are sent once the same user signs in again.
        void wipeDeviceCopy(queryClient);
      }),
    [queryClient],
  );

  // Another tab signed out, or in as someone else: this tab follows, with nothing of the last session.
  useEffect(
    () =>
      onTokenChange((next) => {
        setOutboxSender(undefined);
        queryClient.clear();
        setTokenState(next);
      }),
    [queryClient],
  );

  useEffect(() => {
    void sendPendingLogout();
    window.addEventListener('online', sendPendingLogout);
    return () => window.removeEventListener('online', sendPendingLogout);
  }, []);

  const signIn = useCallback(
    async (credentials: LoginBodyInput) => {
      const reply = await api<LoginReplyBody>('/api/auth/login', { method: 'POST', body: credentials });
      setToken(reply.token, reply.expiresAt);
      setExpired(false);
      queryClient.clear();
      setTokenState(reply.token);
      return reply;
    },
    [queryClient],
  );

  const userId = token ? me.data?.userId : undefined;
  // The outbox sends only this session's user's records, with this session.
  useEffect(() => setOutboxSender(userId), [userId]);

  const signOut = useCallback(async () => {
    setOutboxSender(undefined);
    const ending = currentToken();
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch (error) {
      if (ending && !(error instanceof ApiError)) localStorage.setItem(PENDING_LOGOUT, ending);
    }
    setToken(null);
    await wipeDeviceCopy(queryClient);
    if (userId) await clearOutbox(userId);
    for (const key of DRAFT_KEYS) localStorage.removeItem(key);
    setTokenState(null);
  }, [queryClient, userId]);

  return (
    <SessionContext.Provider value={{ me: token ? me.data : undefined, loading: token !== null && me.isPending, expired, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
