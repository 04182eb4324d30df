// Who is signed in. The token lives in sessionStorage (it ends with the tab); `me` comes from
// /api/auth/me. When the API answers 401 the session is over and the app says so plainly.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { LoginBodyInput, LoginReplyBody } from '../../src/modules/auth/schema.ts';
import { api, currentToken, type Me, onSessionExpired, setToken } from './api.ts';

interface Session {
  me: Me | undefined;
  loading: boolean;
  expired: boolean;
  /** Signs in; rejects with ApiError `totp_required` when the account asks for its 6-digit code too. */
  signIn(credentials: LoginBodyInput): Promise<LoginReplyBody>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setTokenState] = useState(currentToken());
  const [expired, setExpired] = useState(false);
  const me = useQuery({ queryKey: ['me', token], queryFn: () => api<Me>('/api/auth/me'), enabled: token !== null, staleTime: Infinity });

  useEffect(
    () =>
      onSessionExpired(() => {
        setTokenState(null);
        setExpired(true);
        queryClient.clear();
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (credentials: LoginBodyInput) => {
      const reply = await api<LoginReplyBody>('/api/auth/login', { method: 'POST', body: credentials });
      setToken(reply.token);
      setExpired(false);
      queryClient.clear();
      setTokenState(reply.token);
      return reply;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setToken(null);
    queryClient.clear();
    setTokenState(null);
  }, [queryClient]);

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
