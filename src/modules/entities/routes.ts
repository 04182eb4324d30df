// /api/cases/:id/entities (a case's identifiers and their links, entities added by hand),
// /api/hits (hits on records the caller may not see), alerts about probing and the link graph.
import { Type } from 'typebox';
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { CooperationRequestCreated } from '../cooperation/schema.ts';
import { caseGraph, entityGraph } from './graph.ts';
import { hitsReceived, requestFromHit } from './hits.ts';
import { LookupsLimited, probeAlerts } from './probes.ts';
import {
  CaseEntities,
  EntityCreate,
  EntityCreated,
  EntityParams,
  Graph,
  GraphQuery,
  HitReceived,
  HitRequestCreate,
  LookupsLimitedBody,
  ProbeAlert,
} from './schema.ts';
import * as entities from './service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function entityRoutes(app: App) {
  // The 429 of the look-up limits says when to come back, in the body and in the standard header.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof LookupsLimited) reply.header('retry-after', String(error.retryAfter));
  });

  app.get(
    '/api/cases/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary: "A case's identifiers (phones, handles, documents, wallets…) normalised, and the other cases where each appears",
        description:
          "Links show only cases you may see. When the same identifier appears in a record you may not see, `hiddenMatch` is true and `hit` is a token to ask the holding bureau for cooperation with; nothing else about that record is told. A child victim's identifiers are masked except for the owner bureau's officers, and never link for others.",
        params: IdParams,
        response: { 200: CaseEntities, 404: ErrorBody },
      },
    },
    (request) => entities.caseEntities(app.database, request.actor, request.params.id),
  );

  app.post(
    '/api/cases/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Add an entity to a case by hand: a job ad, a company, a scam compound, a wallet, a bank account…',
        description:
          'The value is normalised; one that does not validate is kept as written with `valid: false` and the problem. A valid identifier is a look-up in records you may not see: each user and each bureau may make a limited number an hour (429 `rate_limited` with `retryAfter` beyond it, and nothing is added).',
        params: IdParams,
        body: EntityCreate,
        response: { 201: EntityCreated, ...Errors, 429: LookupsLimitedBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await entities.addEntity(app.database, request.actor, request.params.id, request.body, app.config)),
  );

  app.delete(
    '/api/cases/:id/entities/:entityId',
    {
      schema: {
        tags: ['entities'],
        summary: 'Remove an entity added by hand',
        params: EntityParams,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await entities.removeEntity(app.database, request.actor, request.params.id, request.params.entityId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/hits/:id/request',
    {
      schema: {
        tags: ['entities'],
        summary: 'Ask the bureau holding a record you may not see for cooperation, from the hit you were given',
        description: 'The request goes to the holding bureau without naming it to you; it is named once it answers.',
        params: IdParams,
        body: HitRequestCreate,
        response: { 201: CooperationRequestCreated, ...Errors },
      },
    },
    async (request, reply) => reply.status(201).send(await requestFromHit(app.database, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/operations/:id/hits',
    {
      schema: {
        tags: ['entities'],
        summary: "Hits on your bureau's records: who looked at an identifier you hold, and when",
        params: IdParams,
        response: { 200: Type.Array(HitReceived), 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => hitsReceived(app.database, request.actor, request.params.id),
  );

  app.get(
    '/api/operations/:id/probe-alerts',
    {
      schema: {
        tags: ['entities'],
        summary: "Users who looked up many identifiers of your bureau's records that they may not see, within an hour",
        description:
          'One alert per probing user and episode (until an hour passes without such a look-up), with their bureau, how many distinct identifiers, and when. The user who looked is never told.',
        params: IdParams,
        response: { 200: Type.Array(ProbeAlert), 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => probeAlerts(app.database, request.actor, request.params.id),
  );

  app.get(
    '/api/entities/:id/graph',
    {
      schema: {
        tags: ['entities'],
        summary: 'The link graph from an entity: the cases, persons and identifiers it connects, across countries, within your view',
        params: IdParams,
        querystring: GraphQuery,
        response: { 200: Graph, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => entityGraph(app.database, request.actor, request.params.id, request.query.depth ?? 2),
  );

  app.get(
    '/api/cases/:id/graph',
    {
      schema: {
        tags: ['entities'],
        summary: "The link graph from a case: its persons and identifiers, and the cases they lead to, within your view",
        params: IdParams,
        querystring: GraphQuery,
        response: { 200: Graph, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => caseGraph(app.database, request.actor, request.params.id, request.query.depth ?? 2),
  );
}
