// /api/screen/ad (officers), /api/public/check, /api/public/check/setup and /api/public/reports
// (the public job-offer checker: no sign-in, rate-limited per address), the reported offers and
// an operation's helplines.
import { ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import {
  AdBody,
  AdScreening,
  CheckSetup,
  HelplinesBody,
  PublicCheck,
  PublicReport,
  PublicReportBody,
  PublicReportCreated,
  PublicReportListQuery,
  PublicReportStatus,
} from './schema.ts';
import * as screening from './service.ts';

const NOTHING_STORED = 'Stores nothing and sends nothing anywhere: the offer is read, answered and forgotten.';

export async function screeningRoutes(app: App) {
  app.post(
    '/api/screen/ad',
    {
      // It creates nothing, and an Idempotency-Key's stored answer would keep the offer.
      config: { idempotency: false },
      schema: {
        tags: ['screening'],
        summary: 'Screen a job ad or offer: risk score and level, language, red flags with the words that raised them, and the model’s part',
        description: `For the staff of police bureaus. ${NOTHING_STORED}`,
        body: AdBody,
        response: { 200: AdScreening, 400: ErrorBody, 403: ErrorBody },
      },
    },
    (request) => screening.screenForOfficer(request.actor, request.body),
  );

  app.post(
    '/api/public/check',
    {
      config: { public: true, idempotency: false, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['screening'],
        security: [],
        summary: 'The public job-offer checker: the same verdict as the screener, without the model’s internals',
        description: `No sign-in; 30 checks a minute per address. ${NOTHING_STORED}`,
        body: AdBody,
        response: { 200: PublicCheck, 400: ErrorBody, 429: ErrorBody },
      },
    },
    (request) => screening.checkForPublic(request.body),
  );

  app.get(
    '/api/public/check/setup',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['screening'],
        security: [],
        summary: 'Countries the checker offers, with their helplines and whether a bureau there takes reports',
        response: { 200: CheckSetup, 404: ErrorBody, 429: ErrorBody },
      },
    },
    () => screening.checkSetup(app.database, app.config.publicOperationId),
  );

  app.post(
    '/api/public/reports',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        tags: ['screening'],
        security: [],
        summary: 'Report an offer to the bureau of a country: the one thing the public checker stores, and only when asked',
        description: 'No sign-in; 5 reports per 10 minutes per address. The verdict is worked out again on the server.',
        body: PublicReportBody,
        response: { 201: PublicReportCreated, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send(await screening.reportOffer(app.database, app.config.publicOperationId, request.body)),
  );

  app.get(
    '/api/operations/:id/public-reports',
    {
      schema: {
        tags: ['screening'],
        summary: 'Offers the public reported to your bureau (or shared with it), newest first',
        params: IdParams,
        querystring: PublicReportListQuery,
        response: { 200: Page(PublicReport), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => screening.listPublicReports(app.database, request.actor, request.params.id, request.query),
  );

  app.put(
    '/api/public-reports/:id/status',
    {
      schema: {
        tags: ['screening'],
        summary: 'Mark a reported offer new, reviewed or dismissed',
        params: IdParams,
        body: PublicReportStatus,
        response: { 200: PublicReport, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => screening.reviewPublicReport(app.database, request.actor, request.params.id, request.body.status),
  );

  app.get(
    '/api/operations/:id/helplines',
    {
      schema: {
        tags: ['screening'],
        summary: 'The helplines the public checker shows for this operation, per country',
        params: IdParams,
        response: { 200: HelplinesBody, 404: ErrorBody },
      },
    },
    (request) => screening.getHelplines(app.database, request.actor, request.params.id),
  );

  app.put(
    '/api/operations/:id/helplines',
    {
      schema: {
        tags: ['screening'],
        summary: 'Replace the helplines the public checker shows (the coordinating bureau)',
        params: IdParams,
        body: HelplinesBody,
        response: { 200: HelplinesBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => screening.setHelplines(app.database, request.actor, request.params.id, request.body),
  );
}
