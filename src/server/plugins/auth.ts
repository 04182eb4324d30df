// Every /api route needs a bearer token unless its config marks it public.
import { Unauthenticated } from '../../errors.ts';
import { authenticate } from '../../modules/auth/service.ts';
import type { App } from '../types.ts';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export function registerAuth(app: App): void {
  app.decorateRequest('actor', null as never);
  // onRequest: the 401 comes before a byte of the body is read (uploads.ts closes the connection).
  app.addHook('onRequest', async (request) => {
    // Decide from the matched route, never from the raw URL: `/%61pi/…` or an absolute URL
    // reaches the same route while a string test on request.url would miss it.
    const route = request.routeOptions.url;
    if (!route) return; // unknown route: the 404 handler answers
    if (!route.startsWith('/api/') || request.routeOptions.config?.public) return;
    if (route === '/api/docs' || route.startsWith('/api/docs/')) return; // the browsable OpenAPI page
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new Unauthenticated();
    request.actor = await authenticate(app.database.db, token, app.config, { enrolling: request.routeOptions.config?.totpEnrolment === true });
  });
}
