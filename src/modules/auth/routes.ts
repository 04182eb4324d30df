// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import { Type } from 'typebox';
import { bearerToken } from '../../server/plugins/auth.ts';
import { ErrorBody } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { LoginBody, LoginReply, Me } from './schema.ts';
import * as auth from './service.ts';

export async function authRoutes(app: App) {
  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        // Per address and username: slows guessing at one account without locking out a whole
        // office behind one NAT address at the start of a shift.
        rateLimit: {
          max: 10,
          hook: 'preHandler',
          timeWindow: '1 minute',
          keyGenerator: (request) => `${request.ip}|${(request.body as { username?: string } | undefined)?.username ?? ''}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; answers a bearer token for the other calls',
        security: [],
        body: LoginBody,
        response: { 200: LoginReply, 401: ErrorBody },
      },
    },
    async (request) => {
      const { token, expiresAt } = await auth.login(
        app.database,
        request.body.username,
        request.body.password,
        app.config.sessionHours,
      );
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Close this session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = bearerToken(request.headers.authorization);
      if (token) await auth.logout(app.database, token);
      return reply.status(204).send(null);
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me } } }, async (request) => {
    const a = request.actor;
    return {
      userId: a.userId,
      username: a.username,
      roles: [...a.roles],
      bureau: { id: a.bureauId, country: a.bureauCountry, kind: a.bureauKind },
      operationIds: [...a.operationIds],
      totpEnabled: false,
      totpRequired: false,
      totpSetupRequired: false,
    };
  });
}
