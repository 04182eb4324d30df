// /api/operations/:id/cases, /api/cases/:id and the persons, journeys and outcome links of a case.
import { Type } from 'typebox';
import { Created, ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import {
  Case,
  CaseCreate,
  Route,
  CaseListQuery,
  CaseSummary,
  CaseUpdate,
  JourneyInput,
  OutcomeLinks,
  PersonInput,
} from './schema.ts';
import * as cases from './service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function caseRoutes(app: App) {
  app.get(
    '/api/operations/:id/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Case files you may see, most recently opened first',
        params: IdParams,
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary), 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => cases.listCases(app.database, request.actor, request.params.id, request.query),
  );

  app.get(
    '/api/operations/:id/routes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Victim routes of the cases you may see: countries in order, victims and cases on each',
        params: IdParams,
        response: { 200: Type.Array(Route), 404: ErrorBody },
      },
    },
    (request) => cases.caseRoutes(app.database, request.actor, request.params.id),
  );

  app.post(
    '/api/operations/:id/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Open a case with its persons, victim journeys and outcome links, all or nothing',
        params: IdParams,
        body: CaseCreate,
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const id = await cases.createCase(app.database, request.actor, request.params.id, request.body, app.config);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary:
          "A case in full; a child victim's identity is masked except for officers of the owner bureau",
        params: IdParams,
        response: { 200: Case, 404: ErrorBody },
      },
    },
    (request) => cases.getCase(app.database, request.actor, request.params.id),
  );

  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Change a case: title, summary, status, offences, sharing',
        params: IdParams,
        body: CaseUpdate,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await cases.updateCase(app.database, request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/persons',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a person to a case',
        params: IdParams,
        body: PersonInput,
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const id = await cases.addPerson(app.database, request.actor, request.params.id, request.body, app.config);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/cases/:id/journeys',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a victim journey to a case',
        params: IdParams,
        body: JourneyInput,
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const id = await cases.addJourney(app.database, request.actor, request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/cases/:id/outcomes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Link outcomes (arrests, rescues, investigations…) to a case',
        params: IdParams,
        body: OutcomeLinks,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await cases.linkCaseOutcomes(app.database, request.actor, request.params.id, request.body.outcomeIds);
      return reply.status(204).send(null);
    },
  );
}
