// POST /api/audit/checkpoints: sign the audit chain's head now.
import { ErrorBody } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { CheckpointReply } from './schema.ts';
import { signCheckpointNow } from './service.ts';

export async function auditRoutes(app: App) {
  app.post(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: "Sign the audit chain's head now and append it to the checkpoint file (admins of the coordinating bureau)",
        response: { 201: CheckpointReply, 403: ErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send(await signCheckpointNow(app.database, app.config, request.actor)),
  );
}
