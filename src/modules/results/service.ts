// The operation's results: headline figures and their breakdown by country, offence and day.
// Aggregates only; no individual record leaves through here.
import type { Actor } from '../../access/actor.ts';
import { canReadAggregates } from '../../access/operations.ts';
import type { Database } from '../../db/connection.ts';
import { NotFound } from '../../errors.ts';
import { requireOperation } from '../operations/service.ts';
import type { OutcomeKind } from '../outcomes/schema.ts';
import * as repo from './repo.ts';
import type { ResultsBody } from './schema.ts';

type Figures = Omit<ResultsBody['byDay'][number], 'day'>;

const OUTCOME_FIGURE: Record<OutcomeKind, keyof Figures> = {
  arrest: 'arrests',
  rescue: 'rescues',
  investigation: 'investigations',
  interception: 'interceptions',
  smuggler_apprehension: 'smugglersApprehended',
  migrant_interception: 'migrantsIntercepted',
};

function zero(): Figures {
  return {
    inspections: 0,
    personsChecked: 0,
    arrests: 0,
    rescues: 0,
    investigations: 0,
    interceptions: 0,
    smugglersApprehended: 0,
    migrantsIntercepted: 0,
  };
}

function bucket<K>(map: Map<K, Figures>, key: K): Figures {
  const figures = map.get(key) ?? zero();
  map.set(key, figures);
  return figures;
}

/**
 * @example const { totals } = await operationResults(database, actor, operationId) // totals.arrests === 281 on the demo
 */
export async function operationResults(database: Database, actor: Actor, operationId: string): Promise<ResultsBody> {
  const operation = await requireOperation(database.db, actor, operationId);
  if (!canReadAggregates(actor, operation)) throw new NotFound('operation');
  // The figures may come from a standby (CORDON_READ_URL): a moment behind, never the primary's load.
  const db = database.reader;
  const [inspections, hotspots, outcomes, offences, countries] = await Promise.all([
    repo.inspectionsByCountryDay(db, operationId),
    repo.hotspotsByCountryKind(db, operationId),
    repo.outcomesByCountryDayKind(db, operationId),
    repo.arrestsByOffence(db, operationId),
    repo.participatingCountries(db, operationId),
  ]);

  const totals = zero();
  const byCountry = new Map<string, Figures>();
  const byDay = new Map<string, Figures>();
  const hotspotsIn = new Map<string, number>();
  const byKind = new Map<string, { hotspots: number; inspections: number }>();
  for (const r of inspections) {
    for (const f of [totals, bucket(byCountry, r.country), bucket(byDay, r.day)]) {
      f.inspections += r.inspections;
      f.personsChecked += r.persons_checked;
    }
    const kind = byKind.get(r.kind) ?? { hotspots: 0, inspections: 0 };
    kind.inspections += r.inspections;
    byKind.set(r.kind, kind);
  }
  for (const o of outcomes) {
    const figure = OUTCOME_FIGURE[o.kind as OutcomeKind];
    for (const f of [totals, bucket(byCountry, o.country), bucket(byDay, o.day)]) f[figure] += o.persons;
  }
  let hotspotTotal = 0;
  for (const h of hotspots) {
    hotspotTotal += h.hotspots;
    hotspotsIn.set(h.country, (hotspotsIn.get(h.country) ?? 0) + h.hotspots);
    bucket(byCountry, h.country);
    const kind = byKind.get(h.kind) ?? { hotspots: 0, inspections: 0 };
    kind.hotspots += h.hotspots;
    byKind.set(h.kind, kind);
  }

  return {
    operationId,
    totals: { ...totals, hotspots: hotspotTotal, countries },
    byCountry: [...byCountry]
      .map(([country, f]) => ({ country, hotspots: hotspotsIn.get(country) ?? 0, ...f }))
      .sort((a, b) => b.inspections - a.inspections || a.country.localeCompare(b.country)),
    byOffence: offences.map((o) => ({ offence: o.offence, count: o.count })),
    byDay: [...byDay].map(([day, f]) => ({ day, ...f })).sort((a, b) => a.day.localeCompare(b.day)),
    byHotspotKind: [...byKind]
      .map(([kind, k]) => ({ kind, ...k }))
      .sort((a, b) => b.hotspots - a.hotspots || a.kind.localeCompare(b.kind)),
  };
}
