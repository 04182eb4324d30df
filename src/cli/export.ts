// `cordon export hotspots|inspections|outcomes|cases|campaigns|ctdc|htcds|ftm --operation ID --user NAME [--out FILE]`:
// CSV (or, for ftm, FollowTheMoney JSON lines) of what that user may see, through the same services as the API.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { csvCell } from '../modules/exports/cells.ts';
import { stringify } from 'csv-stringify';
import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';
import { Invalid } from '../errors.ts';
import { listCampaigns } from '../modules/campaigns/service.ts';
import { listCases } from '../modules/cases/service.ts';
import { listHotspots } from '../modules/hotspots/service.ts';
import { listInspections } from '../modules/inspections/service.ts';
import { ftmExport } from '../modules/exports/ftm.ts';
import { VICTIM_EXPORTS, type VictimExport, victimExport } from '../modules/exports/service.ts';
import { listOutcomes } from '../modules/outcomes/service.ts';
import { action, actingUser, type ThroughServer, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

type Row = Record<string, unknown>;
type Lister = (database: Database, actor: Actor, operationId: string, filter: { limit: number; cursor?: string; country?: string }) => Promise<{ items: Row[]; next: string | null }>;

const LISTS: Record<string, { list: Lister; columns: string[] }> = {
  hotspots: {
    list: listHotspots as Lister,
    columns: ['id', 'name', 'country', 'kind', 'latitude', 'longitude', 'ownerCountry', 'sharing', 'sharedWith'],
  },
  inspections: {
    list: listInspections as Lister,
    columns: ['id', 'hotspotId', 'country', 'at', 'kind', 'personsChecked', 'notes', 'ownerCountry', 'sharing', 'sharedWith'],
  },
  outcomes: {
    list: listOutcomes as Lister,
    columns: ['id', 'kind', 'at', 'country', 'hotspotId', 'persons', 'offences', 'status', 'notes', 'ownerCountry', 'sharing', 'sharedWith'],
  },
  // Case summaries only (no persons): `--country` keeps cases whose journeys touch that country.
  cases: {
    list: listCases as Lister,
    columns: ['id', 'title', 'status', 'openedOn', 'closedOn', 'offences', 'victims', 'children', 'persons', 'ownerCountry', 'sharing', 'sharedWith'],
  },
  campaigns: {
    list: listCampaigns as Lister,
    columns: ['id', 'title', 'channel', 'country', 'places', 'audience', 'startsOn', 'endsOn', 'reach', 'ownerCountry', 'sharing', 'sharedWith'],
  },
};

const EXPORTS = [...Object.keys(LISTS), ...Object.keys(VICTIM_EXPORTS), 'ftm'];

/** The same export from a running server, for when `cordon serve` holds the data folder. */
function throughServer(list: string, operationId: string): ThroughServer {
  const path = list === 'ftm' ? 'exports/ftm' : list in VICTIM_EXPORTS ? `exports/${list}.csv` : `${list} (JSON, page by page)`;
  return (server) =>
    `read it from the server as that user: GET ${server}/api/operations/${operationId}/${path} (Authorization: Bearer <token from POST ${server}/api/auth/login>)`;
}

/** `cordon export ftm`: the FollowTheMoney entities the user may see, one JSON object a line. */
async function writeFtm(options: { operation: string; user?: string; out?: string }) {
  await withDatabase(async (database) => {
    const actor = await actingUser(database, options.user);
    const out: Writable = options.out ? createWriteStream(options.out) : cliIo().stdout;
    const { lines, count } = await ftmExport(database, actor, options.operation);
    lines.pipe(out);
    await finished(options.out ? out : lines);
    if (options.out) cliIo().stderr.write(`exported ${count} FollowTheMoney entities to ${options.out}\n`);
  }, throughServer('ftm', options.operation));
}

export function exportCommand(program: Command) {
  program
    .command('export')
    .description(
      'write a CSV of the hotspots, inspections, outcomes, cases, campaigns or victims (CTDC, HTCDS) the user may see, or (ftm) their cases, persons and identifiers as FollowTheMoney JSON lines',
    )
    .argument('<list>', EXPORTS.join(' | '))
    .requiredOption('--operation <id>', 'operation id')
    .option('--user <username>', 'the user whose view is exported', cliIo().env.CORDON_USER)
    .option('--country <cc>', 'only this country (ISO code)')
    .option('--out <file>', 'output file (default: standard output)')
    .action(
      action(async (list: string, options: { operation: string; user?: string; country?: string; out?: string }) => {
        if (list === 'ftm') {
          await writeFtm(options);
          return;
        }
        if (list in VICTIM_EXPORTS) {
          await withDatabase(async (database) => {
            const actor = await actingUser(database, options.user);
            const out: Writable = options.out ? createWriteStream(options.out) : cliIo().stdout;
            const { csv, count } = await victimExport(database, actor, options.operation, list as VictimExport);
            csv.pipe(out);
            await finished(options.out ? out : csv);
            if (options.out) cliIo().stderr.write(`exported ${count} victims as ${list.toUpperCase()} to ${options.out}\n`);
          }, throughServer(list, options.operation));
          return;
        }
        const spec = LISTS[list];
        if (!spec) throw new Invalid(`cannot export "${list}": choose ${EXPORTS.join(', ')}`, 'list');
        await withDatabase(async (database) => {
          const actor = await actingUser(database, options.user);
          const out: Writable = options.out ? createWriteStream(options.out) : cliIo().stdout;
          const csv = stringify({ header: true, columns: spec.columns });
          csv.pipe(out);
          let cursor: string | undefined;
          let rows = 0;
          do {
            const page = await spec.list(database, actor, options.operation, {
              limit: 1000,
              ...(cursor ? { cursor } : {}),
              ...(options.country ? { country: options.country.toUpperCase() } : {}),
            });
            for (const item of page.items) {
              if (!csv.write(spec.columns.map((c) => csvCell(item[c])))) await new Promise((r) => csv.once('drain', r));
              rows += 1;
            }
            cursor = page.next ?? undefined;
          } while (cursor);
          csv.end();
          if (options.out) {
            await finished(out);
            cliIo().stderr.write(`exported ${rows} ${list} to ${options.out}\n`);
          }
        }, throughServer(list, options.operation));
      }),
    );
}
