// The web application: the static files Vite built into dist/web, served at `/`. Hashed assets
// are cached for a year; index.html never, so a new build reaches users at their next visit. Any
// other GET that is not under /api answers index.html (see the not-found handler in errors.ts),
// and the browser's router takes over.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../types.ts';

export const WEB_ROOT = resolve(import.meta.dirname, '../../../dist/web');

export function webIsBuilt(root = WEB_ROOT): boolean {
  return existsSync(join(root, 'index.html'));
}

export async function registerWeb(app: App, root = WEB_ROOT): Promise<void> {
  if (!webIsBuilt(root)) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The Cordon web application is not built: run `npm run build:web` (npm start does it for you). The API is at /api.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Off, or send's own `public, max-age=0` would replace the header set below.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
}
