// An app on a test database, with signed-in clients for the factory's users.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import { PASSWORD } from '../factories/world.ts';
import { type Engine, freshDatabase, type TestDatabase } from './engines.ts';

export interface TestServer extends TestDatabase {
  app: App;
  /** Bearer token of a user (signs in once per user). */
  token(username: string): Promise<string>;
  /** app.inject as a user (or with no token when username is null). */
  as(username: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A server on a fresh database of the engine; `env` sets configuration (CORDON_* variables) for this one. */
export async function startServer(engine: Engine, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  return serveDatabase(await freshDatabase(engine), env);
}

/** A server on a database the test made (dropped with the server); users sign in with `password`. */
export async function serveDatabase(test: TestDatabase, env: NodeJS.ProcessEnv = {}, password = PASSWORD): Promise<TestServer> {
  const app = await buildApp({ database: test.database, config: readConfig(env) });
  await app.ready();
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    const known = tokens.get(username);
    if (known) return known;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
    const value = res.json().token as string;
    tokens.set(username, value);
    return value;
  };
  return {
    ...test,
    app,
    token,
    async as(username, options) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (username) headers.authorization = `Bearer ${await token(username)}`;
      return app.inject({ ...options, headers });
    },
    async drop() {
      await app.close();
      await test.drop();
    },
  };
}
