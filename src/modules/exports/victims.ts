// The victims a caller may see, one record each with the case and journey they belong to: the
// common input of the victim-case exports (CTDC, HTCDS). Names and documents are not part of it;
// the exports are statistical and carry no identity.
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Database } from '../../db/connection.ts';
import { presentJourney } from '../cases/present.ts';
import { caseJourneysOf } from '../cases/repo.ts';
import type { AgeBand, JourneyT } from '../cases/schema.ts';
import { requireOperation } from '../operations/service.ts';

export interface VictimRecord {
  caseId: string;
  personId: string;
  caseOpenedOn: string;
  caseStatus: 'open' | 'closed';
  caseOffences: string[];
  ownerCountry: string;
  gender: 'female' | 'male' | 'other' | 'unknown';
  age: number | null;
  ageBand: AgeBand | null;
  child: boolean;
  nationalities: string[];
  journey: JourneyT | null;
}

/**
 * Every victim in the cases of the operation that the actor may see, in case order.
 * @example for (const v of await visibleVictims(database, actor, operationId)) console.log(v.ageBand)
 */
export async function visibleVictims(database: Database, actor: Actor, operationId: string): Promise<VictimRecord[]> {
  await requireOperation(database.db, actor, operationId);
  const rows = await database.db
    .selectFrom('case_persons as p')
    .innerJoin('cases', (join) => join.onRef('cases.operation_id', '=', 'p.operation_id').onRef('cases.id', '=', 'p.case_id'))
    .innerJoin('bureaus', 'bureaus.id', 'cases.owner_bureau_id')
    .select([
      'cases.id as case_id',
      'cases.opened_on',
      'cases.status',
      'cases.offences',
      'bureaus.country as owner_country',
      'p.id',
      'p.gender',
      'p.age',
      'p.age_band',
      'p.is_child',
      'p.nationalities',
      'p.journey_id',
    ])
    .where('p.operation_id', '=', operationId)
    .where('p.role', '=', 'victim')
    .where(visibleTo(actor, 'cases'))
    .orderBy('cases.opened_on')
    .orderBy('cases.id')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  const journeyIds = [...new Set(rows.flatMap((r) => (r.journey_id ? [r.journey_id] : [])))];
  const journeys = new Map((await caseJourneysOf(database.db, operationId, journeyIds)).map((j) => [j.id, presentJourney(j)]));
  return rows.map((r) => ({
    caseId: r.case_id,
    personId: r.id,
    caseOpenedOn: r.opened_on,
    caseStatus: r.status,
    caseOffences: r.offences,
    ownerCountry: r.owner_country,
    gender: r.gender,
    age: r.age,
    ageBand: r.age_band as AgeBand | null,
    child: r.is_child,
    nationalities: r.nationalities,
    journey: r.journey_id ? (journeys.get(r.journey_id) ?? null) : null,
  }));
}
