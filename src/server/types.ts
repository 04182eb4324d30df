// Types shared by the server's plugins and the modules' route files.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { JobQueue } from '../modules/jobs/queue.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** Runs background jobs: pg-boss on a PostgreSQL server, this process on PGlite. */
    jobs: JobQueue;
  }
  interface FastifyRequest {
    /** The signed-in caller; set by the auth plugin on every non-public /api route. */
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Routes marked public need no token (health, OpenAPI document, login, public pages). */
    public?: boolean;
  }
}
