// Liveness and readiness. `GET /api/health` answers from the process alone, so it never queues
// behind a busy database (PGlite runs one query at a time); `GET /api/health/ready` asks the
// database and answers 503 when it does not answer within READY_TIMEOUT_MS.
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../types.ts';

/** How long readiness waits for `select 1` before it answers 503. */
export const READY_TIMEOUT_MS = 2000;

const Liveness = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  uptime: Type.Number({ description: 'seconds since the process started' }),
});
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  message: Type.Optional(Type.String()),
});

/** Resolves true when the database answers `select 1` within `ms`, false otherwise (or on error). */
async function databaseAnswers(app: App, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const query = sql`select 1`.execute(app.database.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealth(app: App, options: { readyTimeoutMs?: number } = {}): void {
  const engine = app.database.engine;
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness: the process answers (no database query)', security: [], response: { 200: Liveness } },
    },
    async () => ({ status: 'ok' as const, engine, uptime: Math.round(process.uptime()) }),
  );
  app.get(
    '/api/health/ready',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: `Readiness: the database answers within ${(options.readyTimeoutMs ?? READY_TIMEOUT_MS) / 1000} s`,
        security: [],
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers(app, options.readyTimeoutMs ?? READY_TIMEOUT_MS)) return { status: 'ready' as const, engine };
      return reply.status(503).send({ status: 'unavailable' as const, engine, message: 'the database did not answer in time' });
    },
  );
}
