// /api/operations/:id/exports/ctdc.csv and htcds.csv: the victims the caller may see, as CSV;
// /api/operations/:id/exports/ftm: what the caller may see as FollowTheMoney JSON lines.
import { Type } from 'typebox';
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { ftmExport } from './ftm.ts';
import { type VictimExport, victimExport } from './service.ts';

const DESCRIPTIONS: Record<VictimExport, string> = {
  ctdc: 'One row per victim you may see, in the 27 variables and value bands of the CTDC Global Synthetic Data codebook (v2024).',
  htcds: 'One row per victim you may see, in the fields of the IOM Human Trafficking Case Data Standard v2 that Cordon records (docs/htcds-mapping.md).',
};

export async function exportRoutes(app: App) {
  for (const format of ['ctdc', 'htcds'] as const) {
    app.get(
      `/api/operations/:id/exports/${format}.csv`,
      {
        schema: {
          tags: ['exports'],
          summary: `Victims as ${format.toUpperCase()} CSV`,
          description: DESCRIPTIONS[format],
          params: IdParams,
          produces: ['text/csv'],
          response: { 200: Type.String({ description: 'CSV with a header row' }), 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const { csv } = await victimExport(app.database, request.actor, request.params.id, format);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${format}-${request.params.id}.csv"`)
          // A stream bypasses the response serializer; the schema above documents what it carries.
          .send(csv as unknown as string);
      },
    );
  }
  app.get(
    '/api/operations/:id/exports/ftm',
    {
      schema: {
        tags: ['exports'],
        summary: 'Cases, persons and identifiers as FollowTheMoney JSON lines',
        description:
          'One FollowTheMoney entity a line (Event, Person, Passport, CryptoWallet, UserAccount, BankAccount, Company, Address, Article and the links between them), as Aleph and the ftm tools import. Only what you may see; child victims you may not identify are left out.',
        params: IdParams,
        produces: ['application/x-ndjson'],
        response: { 200: Type.String({ description: 'one JSON object a line' }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { lines } = await ftmExport(app.database, request.actor, request.params.id);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="ftm-${request.params.id}.jsonl"`)
        // A stream bypasses the response serializer; the schema above documents what it carries.
        .send(lines as unknown as string);
    },
  );
}
