// Loads the demo operation into an empty database in one transaction: all of it or nothing.
import { insertCampaigns } from '../modules/campaigns/service.ts';
import { demoCampaigns, planDemoCases } from './cases.ts';
import { demoHelplines } from './helplines.ts';
import { demoCooperation } from './cooperation.ts';
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../access/audit.ts';
import type { Database } from '../db/connection.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { proposePersonMatches } from '../modules/matches/service.ts';
import { copyArray, copyValue, refreshStatistics } from '../modules/imports/csv-copy.ts';
import { DEMO_OPERATION, demoId, planDemo } from './generate.ts';

export const DEMO_OPERATION_ID = demoId('operation', 'storm-makers-ii');

export interface DemoLoad {
  operationId: string;
  /** False when the demo was already there (nothing was changed). */
  loaded: boolean;
  password?: string | undefined;
  usernames: string[];
}

/** A password for the demo users when CORDON_DEMO_PASSWORD is unset: readable, 16 characters. */
export function randomDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

export function demoUsernames(): string[] {
  const plan = planDemo();
  return ['admin', 'coordinator', 'analyst', ...plan.bureaus.flatMap((b) => [`officer-${b.country.toLowerCase()}`, `field-${b.country.toLowerCase()}`])];
}

const BATCH = 50_000;

/**
 * Loads the demo unless it is there already.
 * @example const { operationId } = await loadDemo(database, { password: 'demo-password-1' })
 */
export async function loadDemo(
  database: Database,
  options: { password: string; onProgress?: (done: number, total: number) => void },
): Promise<DemoLoad> {
  const existing = await database.db.selectFrom('operations').select('id').where('id', '=', DEMO_OPERATION_ID).executeTakeFirst();
  const usernames = demoUsernames();
  if (existing) return { operationId: DEMO_OPERATION_ID, loaded: false, usernames };

  const plan = planDemo();
  const passwordHash = await hashPassword(options.password);
  const total = 270_000 + plan.outcomes.length;
  await database.withRawTransaction(async (tx, client) => {
    const { coordinator, bureaus } = plan;
    await tx
      .insertInto('bureaus')
      .values([
        { id: coordinator.id, country: coordinator.country, name: coordinator.name, kind: 'coordinator' },
        ...bureaus.map((b) => ({ id: b.id, country: b.country, name: b.name, kind: 'national_bureau' as const })),
      ])
      .execute();
    const user = (username: string, bureauId: string, roles: string[], displayName: string) => ({
      id: demoId('user', username),
      username,
      display_name: displayName,
      bureau_id: bureauId,
      roles,
      password_hash: passwordHash,
    });
    await tx
      .insertInto('users')
      .values([
        user('admin', coordinator.id, ['admin'], 'Secretariat administrator'),
        user('coordinator', coordinator.id, ['coordinator'], 'Operation coordinator'),
        user('analyst', coordinator.id, ['analyst'], 'Criminal intelligence analyst'),
        ...bureaus.flatMap((b) => [
          user(`officer-${b.country.toLowerCase()}`, b.id, ['officer'], `Officer, ${b.name}`),
          user(`field-${b.country.toLowerCase()}`, b.id, ['field'], `Field team, ${b.name}`),
        ]),
      ])
      .execute();
    await tx
      .insertInto('operations')
      .values({
        id: DEMO_OPERATION_ID,
        name: DEMO_OPERATION.name,
        description: DEMO_OPERATION.description,
        coordinator_bureau_id: coordinator.id,
        funders: [...DEMO_OPERATION.funders],
      })
      .execute();
    await tx
      .insertInto('operation_phases')
      .values(DEMO_OPERATION.phases.map((p) => ({ operation_id: DEMO_OPERATION_ID, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn })))
      .execute();
    await tx
      .insertInto('operation_bureaus')
      .values(bureaus.map((b) => ({ operation_id: DEMO_OPERATION_ID, bureau_id: b.id })))
      .execute();

    const bureauOf = new Map(bureaus.map((b) => [b.country, b.id]));
    await tx
      .insertInto('hotspots')
      .values(
        plan.hotspots.map((h) => ({
          operation_id: DEMO_OPERATION_ID,
          id: h.id,
          owner_bureau_id: bureauOf.get(h.country)!,
          sharing: 'operation' as const,
          shared_with: [],
          country: h.country,
          name: h.name,
          kind: h.kind,
          latitude: h.lat,
          longitude: h.lon,
        })),
      )
      .execute();

    const outcomeLines = plan.outcomes.map((o) =>
      [
        DEMO_OPERATION_ID,
        o.id,
        bureauOf.get(o.country)!,
        o.sharing,
        copyArray(o.sharedWith),
        o.kind,
        o.at.toISOString(),
        o.country,
        o.hotspot?.id ?? null,
        o.persons,
        copyArray(o.offences),
        o.status,
      ]
        .map(copyValue)
        .join('\t')
        .concat('\n'),
    );
    await client.copyFrom(
      'copy outcomes (operation_id, id, owner_bureau_id, sharing, shared_with, kind, at, country, hotspot_id, persons, offences, investigation_status) from stdin',
      outcomeLines,
    );
    let done = plan.outcomes.length;
    options.onProgress?.(done, total);

    const inspectionSql =
      'copy inspections (operation_id, owner_bureau_id, sharing, shared_with, hotspot_id, at, kind, persons_checked) from stdin';
    let lines: string[] = [];
    const flush = async () => {
      await client.copyFrom(inspectionSql, lines);
      done += lines.length;
      lines = [];
      options.onProgress?.(done, total);
    };
    for (const i of plan.inspections()) {
      lines.push(
        `${DEMO_OPERATION_ID}\t${bureauOf.get(i.hotspot.country)}\t${i.sharing}\t${copyArray(i.sharedWith)}\t${i.hotspot.id}\t${i.at.toISOString()}\t${i.kind}\t${i.personsChecked}\n`,
      );
      if (lines.length >= BATCH) await flush();
    }
    if (lines.length > 0) await flush();
    const cases = planDemoCases(plan.outcomes, bureauOf, DEMO_OPERATION_ID);
    for (const [table, rows] of [
      ['cases', cases.cases],
      ['journeys', cases.journeys],
      ['journey_legs', cases.legs],
      ['case_persons', cases.persons],
      ['entity_mentions', cases.mentions],
      ['case_outcomes', cases.links],
    ] as const) {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
      }
    }
    const campaigns = await insertCampaigns(tx, demoCampaigns(bureauOf, DEMO_OPERATION_ID));
    const cooperation = demoCooperation(bureauOf, DEMO_OPERATION_ID);
    await tx.insertInto('cooperation_requests').values(cooperation.requests).execute();
    await tx.insertInto('cooperation_addressees').values(cooperation.addressees).execute();
    await tx.insertInto('cooperation_messages').values(cooperation.messages).execute();
    await tx.insertInto('operation_helplines').values(demoHelplines(DEMO_OPERATION_ID)).execute();
    await appendAudit(tx, null, {
      action: 'load_demo',
      entity: 'operation',
      entityId: DEMO_OPERATION_ID,
      operationId: DEMO_OPERATION_ID,
      detail: { hotspots: plan.hotspots.length, outcomes: plan.outcomes.length, inspections: done - plan.outcomes.length, cases: cases.cases.length, campaigns: campaigns.length },
    });
  });
  // As an analyst would after loading: candidate matches of persons across cases, for review.
  await proposePersonMatches(database, DEMO_OPERATION_ID);
  await refreshStatistics(database, ['bureaus', 'users', 'hotspots', 'outcomes', 'inspections', 'inspection_rollup', 'cases', 'case_persons', 'entity_mentions', 'person_matches']);
  return { operationId: DEMO_OPERATION_ID, loaded: true, password: options.password, usernames };
}
