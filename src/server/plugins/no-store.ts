// Answers of the API may carry personal data (victims, suspects, officers): no browser, proxy or
// shared cache may keep them. Every /api answer, errors included, says `Cache-Control: no-store`,
// except the OpenAPI document and its browsable page, which describe the API and nothing else.
// The web application's static files keep their own caching (see web.ts).
import type { App } from '../types.ts';

/** True for the paths whose answers may be cached: the OpenAPI document and /api/docs. */
export function describesTheApi(path: string): boolean {
  return path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/');
}

function apiPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path).toLowerCase();
  } catch {
    return path.toLowerCase();
  }
}

export function registerNoStore(app: App): void {
  app.addHook('onSend', async (request, reply) => {
    // Decided from the matched route when there is one, else from the path (404s of the API).
    const path = request.routeOptions.url ?? apiPath(request.url);
    if (!path.startsWith('/api') || describesTheApi(path)) return;
    reply.header('cache-control', 'no-store');
  });
}
