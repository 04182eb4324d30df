// /api/operations/:id/hotspots and /api/hotspots/:id.
import { Created, ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { Hotspot, HotspotCreate, HotspotListQuery } from './schema.ts';
import * as hotspots from './service.ts';

export async function hotspotRoutes(app: App) {
  app.get(
    '/api/operations/:id/hotspots',
    {
      schema: {
        tags: ['hotspots'],
        summary: 'Hotspots of the operation that you may see',
        params: IdParams,
        querystring: HotspotListQuery,
        response: { 200: Page(Hotspot), 404: ErrorBody },
      },
    },
    (request) => hotspots.listHotspots(app.database, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/operations/:id/hotspots',
    {
      schema: {
        tags: ['hotspots'],
        summary: 'Register a hotspot',
        params: IdParams,
        body: HotspotCreate,
        response: { 201: Created, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const id = await hotspots.createHotspot(app.database, request.actor, request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/hotspots/:id',
    { schema: { tags: ['hotspots'], params: IdParams, response: { 200: Hotspot, 404: ErrorBody } } },
    (request) => hotspots.getHotspot(app.database, request.actor, request.params.id),
  );
}

