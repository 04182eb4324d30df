// /api/operations/:id/campaigns (list, record, summary) and /api/campaigns/:id (read, change).
import { Type } from 'typebox';
import { Created, ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import {
  Campaign,
  CampaignCreate,
  CampaignListQuery,
  CampaignSummary,
  CampaignSummaryQuery,
  CampaignUpdate,
} from './schema.ts';
import * as campaigns from './service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function campaignRoutes(app: App) {
  app.get(
    '/api/operations/:id/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Prevention campaigns you may see, latest start first',
        params: IdParams,
        querystring: CampaignListQuery,
        response: { 200: Page(Campaign), 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => campaigns.listCampaigns(app.database, request.actor, request.params.id, request.query),
  );

  app.get(
    '/api/operations/:id/campaigns/summary',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Campaigns and their estimated reach by country and channel, over those you may see',
        params: IdParams,
        querystring: CampaignSummaryQuery,
        response: { 200: CampaignSummary, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => campaigns.campaignSummary(app.database, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/operations/:id/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Record a prevention campaign of your bureau (shared with the operation unless you say otherwise)',
        params: IdParams,
        body: CampaignCreate,
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const id = await campaigns.createCampaign(app.database, request.actor, request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/campaigns/:id',
    { schema: { tags: ['campaigns'], params: IdParams, response: { 200: Campaign, 404: ErrorBody } } },
    (request) => campaigns.getCampaign(app.database, request.actor, request.params.id),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: "Change a campaign: its own bureau's admins, officers, coordinators and partners only",
        params: IdParams,
        body: CampaignUpdate,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await campaigns.updateCampaign(app.database, request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
