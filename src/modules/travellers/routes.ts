// /api/operations/:id/traveller-checklist and /api/operations/:id/traveller-screenings.
import { ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import {
  TravellerAssess,
  TravellerAssessment,
  TravellerChecklist,
  TravellerChecklistUpdate,
  TravellerScreening,
  TravellerScreeningCreate,
  TravellerScreeningListQuery,
  TravellerScreeningRecorded,
} from './schema.ts';
import * as travellers from './service.ts';
import { FIELD_RECORD_KEEP_HOURS } from '../idempotency/repo.ts';

export async function travellerRoutes(app: App) {
  app.get(
    '/api/operations/:id/traveller-checklist',
    {
      schema: {
        tags: ['travellers'],
        summary: 'The red-flag checklist checkpoint officers screen travellers with, weights and sources',
        params: IdParams,
        response: { 200: TravellerChecklist, 404: ErrorBody },
      },
    },
    (request) => travellers.getChecklist(app.database, request.actor, request.params.id),
  );

  app.put(
    '/api/operations/:id/traveller-checklist',
    {
      schema: {
        tags: ['travellers'],
        summary: "Reweigh or switch off default indicators, add the operation's own (coordinating bureau)",
        params: IdParams,
        body: TravellerChecklistUpdate,
        response: { 200: TravellerChecklist, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => travellers.updateChecklist(app.database, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/operations/:id/traveller-screenings/assess',
    {
      // It creates nothing: an Idempotency-Key's stored answer would be the one thing it kept.
      config: { idempotency: false },
      schema: {
        tags: ['travellers'],
        summary: 'Score, risk level and recommended action for the red flags seen; stores nothing',
        params: IdParams,
        body: TravellerAssess,
        response: { 200: TravellerAssessment, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => travellers.assessTravellerRisk(app.database, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/operations/:id/traveller-screenings',
    {
      // A device's outbox may send it again after days offline (web/src/device/outbox.ts).
      config: { idempotencyKeepHours: FIELD_RECORD_KEEP_HOURS },
      schema: {
        tags: ['travellers'],
        summary: 'Record a screening acted on, as an interception at the checkpoint',
        params: IdParams,
        body: TravellerScreeningCreate,
        response: { 201: TravellerScreeningRecorded, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const recorded = await travellers.recordScreening(
        app.database,
        request.actor,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(recorded);
    },
  );

  app.get(
    '/api/operations/:id/traveller-screenings',
    {
      schema: {
        tags: ['travellers'],
        summary: 'Recorded traveller screenings you may see, latest first',
        params: IdParams,
        querystring: TravellerScreeningListQuery,
        response: { 200: Page(TravellerScreening), 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => travellers.listScreenings(app.database, request.actor, request.params.id, request.query),
  );
}
