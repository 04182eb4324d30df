// What the field screens read, as queries shared by the screens and by the warm-up that fills the
// device's copy as soon as a field user is signed in with a network: the bureau's own country's
// hotspots, the operation's traveller checklist and the dashboard's figures, for every operation
// the user logs entries in. The screens then work offline without having been opened online first.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Hotspot, type Me, type Operation, type Page, type Results } from '../api.ts';
import type { TravellerChecklist } from '../pages/travellers/travellers.ts';

/** The roles that log field records (the server's rule for inspections and outcomes). */
export function logsFieldRecords(roles: readonly string[]): boolean {
  return roles.some((r) => r === 'field' || r === 'officer' || r === 'admin');
}

export function fieldHotspotsQuery(operationId: string, country: string | undefined) {
  return queryOptions({
    queryKey: ['hotspots', operationId, 'field', country],
    queryFn: () => api<Page<Hotspot>>(`/api/operations/${operationId}/hotspots?limit=1000${country ? `&country=${country}` : ''}`),
    enabled: country !== undefined,
  });
}

export function checklistQuery(operationId: string) {
  return queryOptions({
    queryKey: ['traveller-checklist', operationId],
    queryFn: () => api<TravellerChecklist>(`/api/operations/${operationId}/traveller-checklist`),
  });
}

export function resultsQuery(operationId: string) {
  return queryOptions({ queryKey: ['results', operationId], queryFn: () => api<Results>(`/api/operations/${operationId}/results`) });
}

/** Reads (when older than a minute) everything the field screens need offline. */
export async function warmDeviceCopy(client: QueryClient, me: Me): Promise<void> {
  const operations = await client.fetchQuery({ queryKey: ['operations'], queryFn: () => api<Operation[]>('/api/operations'), staleTime: 60_000 });
  await Promise.all(
    operations
      .filter((o) => o.can.logEntries)
      .flatMap((o) => [
        client.prefetchQuery({ ...fieldHotspotsQuery(o.id, me.bureau.country), staleTime: 60_000 }),
        client.prefetchQuery({ ...resultsQuery(o.id), staleTime: 60_000 }),
        ...(me.bureau.kind === 'partner' ? [] : [client.prefetchQuery({ ...checklistQuery(o.id), staleTime: 60_000 })]),
      ]),
  );
}
