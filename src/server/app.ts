// Assembles the Fastify server. Plugins load in this order: config and database, security
// headers, rate limits (counted in the database), OpenAPI, the error handler, authentication (before any body is read), the
// edge rules (NUL characters, no-store, unread uploads), Idempotency-Key on every POST, health,
// then the modules' routes.
// Bodies are validated without type coercion, query strings and path parameters with it.
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { bureauRoutes } from '../modules/bureaus/routes.ts';
import { hotspotRoutes } from '../modules/hotspots/routes.ts';
import { inspectionRoutes } from '../modules/inspections/routes.ts';
import { operationRoutes } from '../modules/operations/routes.ts';
import { outcomeRoutes } from '../modules/outcomes/routes.ts';
import { caseRoutes } from '../modules/cases/routes.ts';
import { campaignRoutes } from '../modules/campaigns/routes.ts';
import { cooperationRoutes } from '../modules/cooperation/routes.ts';
import { entityRoutes } from '../modules/entities/routes.ts';
import { matchRoutes } from '../modules/matches/routes.ts';
import { createJobQueue } from '../modules/jobs/queue.ts';
import { jobRoutes } from '../modules/jobs/routes.ts';
import { JOB_WORKS } from '../modules/jobs/works.ts';
import { exportRoutes } from '../modules/exports/routes.ts';
import { resultRoutes } from '../modules/results/routes.ts';
import { screeningRoutes } from '../modules/screening/routes.ts';
import { travellerRoutes } from '../modules/travellers/routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { registerHealth } from './plugins/health.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerNoStore } from './plugins/no-store.ts';
import { registerNulBytes } from './plugins/nul-bytes.ts';
import { registerRateLimits } from './plugins/rate-limits.ts';
import { registerUploads } from './plugins/uploads.ts';
import { ajvOptions, validationController } from './plugins/validation.ts';
import { registerWeb, WEB_ROOT, webIsBuilt } from './plugins/web.ts';
import type { App } from './types.ts';

export interface AppOptions {
  database: Database;
  config: Config;
  logger?: boolean;
  /** Folder of the built web application (dist/web). */
  webRoot?: string;
}

/**
 * Builds the HTTP server around an open database (not listening yet).
 * @example const app = await buildApp({ database, config }); await app.listen({ port: 8080 })
 */
export async function buildApp({ database, config, logger = false, webRoot = WEB_ROOT }: AppOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    ajv: ajvOptions,
    schemaController: validationController,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('database', database);
  app.decorate('config', config);
  const jobs = createJobQueue(database, config, JOB_WORKS, (message) => app.log.warn(message));
  app.decorate('jobs', jobs);
  // On PGlite this process is the one that runs jobs: it takes up those left unfinished at once.
  // On a server the queue starts with the first job sent, or when `cordon serve` starts it.
  app.addHook('onReady', async () => {
    if (database.engine === 'pglite') await jobs.start();
  });
  app.addHook('onClose', async () => {
    await jobs.stop(config.shutdownSeconds * 1000);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        // Field deployments often serve plain http on a local network: do not force https.
        upgradeInsecureRequests: null,
      },
    },
  });
  await registerRateLimits(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cordon API',
        version: '0.1.0',
        description:
          'Operations against human trafficking and scam centres: operations, hotspots, inspections, outcomes and results. Every record belongs to a bureau and is shared only as its owner allows.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerErrorHandler(app, { webFallback: webIsBuilt(webRoot) });
  registerAuth(app);
  registerNulBytes(app);
  registerNoStore(app);
  await registerUploads(app);
  // Imports stream the CSV body straight into COPY: the parser hands over the raw stream.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));

  registerIdempotency(app);
  registerHealth(app);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(auditRoutes);
  await app.register(bureauRoutes);
  await app.register(operationRoutes);
  await app.register(hotspotRoutes);
  await app.register(inspectionRoutes);
  await app.register(outcomeRoutes);
  await app.register(caseRoutes);
  await app.register(cooperationRoutes);
  await app.register(campaignRoutes);
  await app.register(entityRoutes);
  await app.register(matchRoutes);
  await app.register(exportRoutes);
  await app.register(jobRoutes);
  await app.register(resultRoutes);
  await app.register(screeningRoutes);
  await app.register(travellerRoutes);
  await registerWeb(app, webRoot);
  return app;
}
