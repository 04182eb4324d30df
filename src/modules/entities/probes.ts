// Probing hidden records: attaching a guessed identifier to one's own case tells whether a record
// one may not see holds it (a hit). Such look-ups are limited per user and per bureau, counted in
// the database; a user whose look-ups find many identifiers of one bureau's hidden records raises
// one alert for that bureau's officers. Nothing here changes what the prober is answered.
import { createHash } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canReadHits } from '../../access/entities.ts';
import type { ProbeSettings } from '../../config.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Forbidden } from '../../errors.ts';
import { RateLimited } from '../auth/errors.ts';
import { requireOperation } from '../operations/service.ts';
import * as repo from './repo.ts';
import type { ProbeAlertT } from './schema.ts';

/** Too many identifiers looked up in the last hour, by the user or by their bureau. */
export class LookupsLimited extends RateLimited {
  constructor(retryAfter: number, scope: 'user' | 'bureau', alone: boolean) {
    super(retryAfter);
    const whose = scope === 'user' ? 'you have' : 'your bureau has';
    this.message = alone
      ? `this adds more identifiers than may be looked up in an hour; add them in smaller parts`
      : `${whose} added as many identifiers as may be looked up in an hour; try again in ${retryAfter} s`;
  }
}

export interface Lookup {
  kind: string;
  value: string;
  /** The other bureaus whose records, hidden from the actor, hold the identifier. */
  holders: readonly string[];
}

const identifierHash = (kind: string, value: string) => createHash('sha256').update(`${kind}\u0000${value}`).digest('hex');

/**
 * Refuses (429) when `count` more look-ups would take the actor or their bureau past the hourly
 * limits; otherwise holds the bureau's look-up lock until the transaction ends, so that the
 * look-ups are written by `recordLookups` before another request counts. Call it in the
 * transaction that attaches the identifiers, before writing them: a refusal rolls everything back.
 * @example await admitLookups(tx, officerIn, 3, config)
 */
export async function admitLookups(tx: Queryable, actor: Actor, count: number, settings: ProbeSettings) {
  if (count === 0) return;
  await repo.lockBureauLookups(tx, actor.bureauId);
  const userWait = await repo.lookupWait(tx, 'user_id', actor.userId, count, settings.probeUserPerHour);
  const bureauWait = await repo.lookupWait(tx, 'bureau_id', actor.bureauId, count, settings.probeBureauPerHour);
  if (userWait === null && bureauWait === null) return;
  const scope = userWait !== null ? 'user' : 'bureau';
  const alone = count > (scope === 'user' ? settings.probeUserPerHour : settings.probeBureauPerHour);
  throw new LookupsLimited(Math.max(userWait ?? 0, bureauWait ?? 0), scope, alone);
}

/**
 * Writes the look-ups admitted by `admitLookups` and, for each bureau whose hidden records they
 * found, raises or extends that bureau's alert about the actor once they have looked up
 * `probeAlertHits` of its identifiers within an hour. Alerts are audited without an actor, so
 * that nothing the prober's bureau may read names the holder.
 * @example await recordLookups(tx, officerIn, operationId, [{ kind: 'phone', value: '+9779811111111', holders: [npBureauId] }], config)
 */
export async function recordLookups(tx: Queryable, actor: Actor, operationId: string, lookups: readonly Lookup[], settings: ProbeSettings) {
  if (lookups.length === 0) return;
  await repo.insertLookups(
    tx,
    { operationId, userId: actor.userId, bureauId: actor.bureauId },
    lookups.map((l) => ({ identifierHash: identifierHash(l.kind, l.value), holders: [...new Set(l.holders)] })),
  );
  const holders = [...new Set(lookups.flatMap((l) => l.holders))].sort();
  for (const holder of holders) await raiseAlert(tx, actor, operationId, holder, settings.probeAlertHits);
}

async function raiseAlert(tx: Queryable, actor: Actor, operationId: string, holderBureauId: string, threshold: number) {
  const recent = await repo.probedIdentifiers(tx, operationId, actor.userId, holderBureauId);
  if (recent.identifiers < threshold || !recent.first) return;
  const ongoing = await repo.ongoingProbeAlert(tx, operationId, holderBureauId, actor.userId);
  let alert: { id: string; window_start: Date; window_end: Date };
  let identifiers: number;
  if (ongoing) {
    const since = await repo.probedIdentifiers(tx, operationId, actor.userId, holderBureauId, ongoing.window_start);
    identifiers = Math.max(ongoing.identifiers, since.identifiers);
    alert = await repo.extendProbeAlert(tx, operationId, ongoing.id, identifiers);
  } else {
    identifiers = recent.identifiers;
    alert = await repo.insertProbeAlert(tx, {
      operationId,
      holderBureauId,
      seekerBureauId: actor.bureauId,
      seekerUserId: actor.userId,
      identifiers,
      windowStart: recent.first,
    });
  }
  await appendAudit(tx, null, {
    action: ongoing ? 'update' : 'create',
    entity: 'probe_alert',
    entityId: alert.id,
    operationId,
    detail: {
      holderBureau: holderBureauId,
      seekerBureau: actor.bureauId,
      seekerUser: actor.userId,
      identifiers,
      windowStart: alert.window_start.toISOString(),
      windowEnd: alert.window_end.toISOString(),
    },
  });
}

/**
 * The alerts about users who looked up many identifiers of the actor's bureau's hidden records
 * in an operation: who (bureau and user), how many identifiers, between when and when.
 * @example const alerts = await probeAlerts(database, officerNp, operationId)
 */
export async function probeAlerts(database: Database, actor: Actor, operationId: string): Promise<ProbeAlertT[]> {
  await requireOperation(database.db, actor, operationId);
  if (!canReadHits(actor, operationId)) throw new Forbidden('alerts about your records are for police roles: officers, analysts, coordinators, admins');
  const rows = await repo.probeAlertsOf(database.db, operationId, actor.bureauId);
  return rows.map((r) => ({
    id: r.id,
    seeker: { id: r.bureau_id, country: r.bureau_country, name: r.bureau_name },
    user: { id: r.user_id, username: r.username, displayName: r.display_name },
    identifiers: r.identifiers,
    windowStart: r.window_start.toISOString(),
    windowEnd: r.window_end.toISOString(),
  }));
}
