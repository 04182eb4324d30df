// The web application's entry: languages, data caching, the session and the routes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/States.tsx';
import { setUpI18n } from './i18n.ts';
import { Dashboard } from './pages/Dashboard.tsx';
import { Login, SessionExpired } from './pages/Login.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { SessionProvider, useSession } from './session.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Poor networks: retry what failed in transit, never what the server refused.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 3,
    },
  },
});

function SignedIn() {
  const { me, loading, expired } = useSession();
  const location = useLocation();
  if (expired) return <Navigate to="/session-expired" replace />;
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}

function App() {
  return (
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route path="/session-expired" element={<SessionExpired />} />
      <Route element={<SignedIn />}>
        <Route index element={<Dashboard />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

await setUpI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
