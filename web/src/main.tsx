// The web application's entry: languages, data caching (in memory, and for the field screens on
// the device too), the session, the service worker and the routes.
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError, api, currentToken, type Me, type Operation } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/States.tsx';
import { setUpI18n } from './i18n.ts';
import { registerServiceWorker } from './device/app.ts';
import { resultsQuery } from './device/fieldData.ts';
import { COPY_MAX_AGE_MS, COPY_VERSION, isKeptOnDevice, keepQueriesLong, persister } from './device/persist.ts';
import { chooseOperation } from './operation.ts';
import { Dashboard } from './pages/Dashboard.tsx';
import { Login, SessionExpired } from './pages/Login.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { SessionProvider, useSession } from './session.tsx';
import './styles.css';

// Screens away from the first one load when first opened, keeping the first screen's script small.
const CasesList = lazy(() => import('./pages/Cases.tsx').then((m) => ({ default: m.CasesList })));
const CasePage = lazy(() => import('./pages/Cases.tsx').then((m) => ({ default: m.CasePage })));
const FieldEntry = lazy(() => import('./pages/FieldEntry.tsx').then((m) => ({ default: m.FieldEntry })));
const ScreenTraveller = lazy(() => import('./pages/travellers/ScreenTraveller.tsx').then((m) => ({ default: m.ScreenTraveller })));
const HotspotsList = lazy(() => import('./pages/Hotspots.tsx').then((m) => ({ default: m.HotspotsList })));
const HotspotPage = lazy(() => import('./pages/Hotspots.tsx').then((m) => ({ default: m.HotspotPage })));
const CooperationInbox = lazy(() => import('./pages/Cooperation.tsx').then((m) => ({ default: m.CooperationInbox })));
const CooperationNew = lazy(() => import('./pages/Cooperation.tsx').then((m) => ({ default: m.CooperationNew })));
const CampaignsList = lazy(() => import('./pages/Campaigns.tsx').then((m) => ({ default: m.CampaignsList })));
const EntityPage = lazy(() => import('./pages/entities/EntityPage.tsx').then((m) => ({ default: m.EntityPage })));
const PersonMatches = lazy(() => import('./pages/matches/PersonMatches.tsx'));
const CheckPage = lazy(() => import('./pages/check/CheckPage.tsx').then((m) => ({ default: m.CheckPage })));
const ScreeningPage = lazy(() => import('./pages/screening/ScreeningPage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));
const TwoFactorRequired = lazy(() => import('./pages/account/AccountPage.tsx').then((m) => ({ default: m.TwoFactorRequired })));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const JobsPage = lazy(() => import('./pages/jobs/JobsPage.tsx'));
const OutboxPage = lazy(() => import('./pages/outbox/OutboxPage.tsx'));
const CampaignEntry = lazy(() => import('./pages/Campaigns.tsx').then((m) => ({ default: m.CampaignEntry })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Poor networks: retry what failed in transit, never what the server refused.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 3,
    },
  },
});
keepQueriesLong(queryClient);
// Opened with no network: the queries wait for it (and the device's copy answers) instead of failing.
onlineManager.setOnline(navigator.onLine !== false);
const persistOptions = {
  persister,
  maxAge: COPY_MAX_AGE_MS,
  buster: COPY_VERSION,
  dehydrateOptions: { shouldDehydrateQuery: isKeptOnDevice },
};

const TWO_FACTOR_SETUP = '/account/two-factor';

function SignedIn() {
  const { me, loading, expired } = useSession();
  const location = useLocation();
  if (expired) return <Navigate to="/session-expired" replace />;
  // With a token, the screens load their data while /api/auth/me answers: no waterfall.
  if (!me && !loading) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // A role that requires a second factor: the API answers nothing else until it is set up.
  if (me?.totpSetupRequired && location.pathname !== TWO_FACTOR_SETUP) return <Navigate to={TWO_FACTOR_SETUP} replace />;
  return <Layout />;
}

function Later({ page }: { page: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}

function App() {
  return (
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route path="/session-expired" element={<SessionExpired />} />
      <Route path="/check" element={<Later page={<CheckPage />} />} />
      <Route element={<SignedIn />}>
        <Route index element={<Dashboard />} />
        <Route path="cases" element={<Later page={<CasesList />} />} />
        <Route path="cases/:id" element={<Later page={<CasePage />} />} />
        <Route path="entities/:id" element={<Later page={<EntityPage />} />} />
        <Route path="matches" element={<Later page={<PersonMatches />} />} />
        <Route path="screening" element={<Later page={<ScreeningPage />} />} />
        <Route path="field" element={<Later page={<FieldEntry />} />} />
        <Route path="screen-traveller" element={<Later page={<ScreenTraveller />} />} />
        <Route path="hotspots" element={<Later page={<HotspotsList />} />} />
        <Route path="hotspots/:id" element={<Later page={<HotspotPage />} />} />
        <Route path="cooperation" element={<Later page={<CooperationInbox />} />} />
        <Route path="cooperation/new" element={<Later page={<CooperationNew />} />} />
        <Route path="campaigns" element={<Later page={<CampaignsList />} />} />
        <Route path="campaigns/new" element={<Later page={<CampaignEntry />} />} />
        <Route path="campaigns/:id" element={<Later page={<CampaignEntry />} />} />
        <Route path="account" element={<Later page={<AccountPage />} />} />
        <Route path="account/two-factor" element={<Later page={<TwoFactorRequired />} />} />
        <Route path="users" element={<Later page={<UsersPage />} />} />
        <Route path="jobs" element={<Later page={<JobsPage />} />} />
        <Route path="outbox" element={<Later page={<OutboxPage />} />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

// The dashboard's data is asked for at once, in parallel, before the page has even rendered:
// on a slow link and a slow phone the figures then come as soon as the network allows.
const token = currentToken();
if (token && window.location.pathname === '/' && navigator.onLine !== false) {
  void queryClient.prefetchQuery({ queryKey: ['me', token], queryFn: () => api<Me>('/api/auth/me'), staleTime: Infinity });
  void queryClient.prefetchQuery({ queryKey: ['operations'], queryFn: () => api<Operation[]>('/api/operations') }).then(() => {
    const operations = queryClient.getQueryData<Operation[]>(['operations']) ?? [];
    const first = chooseOperation(operations, new URLSearchParams(window.location.search).get('operation'));
    if (first) void queryClient.prefetchQuery(resultsQuery(first.id));
  });
}

await setUpI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={persistOptions}
      // Who is signed in is read again once there is a network: roles and second factor may have changed.
      onSuccess={() => void queryClient.invalidateQueries({ queryKey: ['me'] })}
    >
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </PersistQueryClientProvider>
  </StrictMode>,
);
registerServiceWorker();
