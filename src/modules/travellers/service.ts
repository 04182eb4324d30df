// Traveller screening at checkpoints (C10): the operation's indicator checklist, the assessment
// an officer sees while ticking red flags, and a screening acted on, recorded as an interception.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canChangeChecklist, canReadChecklist, canScreenTravellers } from '../../access/travellers.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { requireHotspot } from '../hotspots/service.ts';
import { requireOperation } from '../operations/service.ts';
import { createOutcomeIn } from '../outcomes/service.ts';
import { sharingColumns } from '../shared-record.ts';
import {
  assessTraveller,
  CHECKPOINT_KINDS,
  type ChecklistIndicator,
  effectiveChecklist,
  type IndicatorOverride,
  isDefaultIndicator,
} from './checklist.ts';
import { presentChecklist, presentScreening } from './present.ts';
import * as repo from './repo.ts';
import type {
  TravellerChecklistUpdateInput,
  TravellerScreeningCreateInput,
  TravellerScreeningFilter,
} from './schema.ts';

async function checklistOf(db: Queryable, operationId: string) {
  const stored = await repo.findChecklist(db, operationId);
  return { indicators: effectiveChecklist(stored?.indicators ?? []), updatedAt: stored?.updated_at ?? null };
}

/**
 * The checklist the operation's officers screen with, and what the caller may do with it.
 * @example const { indicators } = await getChecklist(database, actor, operationId)
 */
export async function getChecklist(database: Database, actor: Actor, operationId: string) {
  const operation = await requireOperation(database.db, actor, operationId);
  if (!canReadChecklist(actor, operation)) throw new NotFound('operation');
  const { indicators, updatedAt } = await checklistOf(database.db, operationId);
  return presentChecklist(operationId, indicators, updatedAt, {
    update: canChangeChecklist(actor, operation),
    screen: canScreenTravellers(actor, operationId),
  });
}

/** Checks the settings against each other and the defaults; Invalid names the setting's field. */
function checkSettings(settings: TravellerChecklistUpdateInput['indicators']): IndicatorOverride[] {
  const seen = new Set<string>();
  return settings.map((s, i) => {
    const at = `indicators.${i}`;
    if (seen.has(s.id)) throw new Invalid(`indicator "${s.id}" is listed twice`, `${at}.id`);
    seen.add(s.id);
    if (isDefaultIndicator(s.id)) {
      if (s.labels !== undefined)
        throw new Invalid(
          `"${s.id}" is a default indicator: the app translates it, give no labels`,
          `${at}.labels`,
        );
      if (s.category !== undefined)
        throw new Invalid(`"${s.id}" is a default indicator: its category is fixed`, `${at}.category`);
      return { id: s.id, weight: s.weight, enabled: s.enabled };
    }
    if (!s.category)
      throw new Invalid(`"${s.id}" is the operation's own indicator: give its category`, `${at}.category`);
    if (!s.labels?.en?.trim())
      throw new Invalid(
        `"${s.id}" is the operation's own indicator: give at least its English label`,
        `${at}.labels.en`,
      );
    const labels = Object.fromEntries(
      Object.entries(s.labels)
        .map(([l, text]) => [l, text.trim()])
        .filter(([, text]) => text),
    );
    return { id: s.id, weight: s.weight, enabled: s.enabled, category: s.category, labels };
  });
}

/**
 * Replaces the operation's changes to the default checklist: reweighs or switches off defaults
 * (a default left out keeps its default), adds the operation's own indicators.
 * @example await updateChecklist(database, coordinator, operationId, { indicators: [{ id: 'one_way_ticket', weight: 2, enabled: true }] })
 */
export async function updateChecklist(
  database: Database,
  actor: Actor,
  operationId: string,
  input: TravellerChecklistUpdateInput,
) {
  const operation = await requireOperation(database.db, actor, operationId);
  if (!canChangeChecklist(actor, operation)) {
    throw new Forbidden("the checklist is changed by the coordinating bureau's coordinators and admins");
  }
  const overrides = checkSettings(input.indicators);
  await database.db.transaction().execute(async (tx) => {
    await repo.saveChecklist(tx, operationId, overrides, actor.userId);
    await appendAudit(tx, actor, {
      action: 'update',
      entity: 'traveller_checklist',
      entityId: operationId,
      operationId,
      detail: { indicators: overrides.map((o) => `${o.id}:${o.weight}${o.enabled ? '' : ':off'}`) },
    });
  });
  return getChecklist(database, actor, operationId);
}

/** The ticked ids, each one the checklist has switched on; Invalid names the position otherwise. */
function checkTicked(checklist: readonly ChecklistIndicator[], ticked: readonly string[]) {
  const byId = new Map(checklist.map((i) => [i.id, i]));
  ticked.forEach((id, i) => {
    const indicator = byId.get(id);
    if (!indicator)
      throw new Invalid(`no indicator "${id}" in this operation's checklist`, `indicators.${i}`);
    if (!indicator.enabled)
      throw new Invalid(`indicator "${id}" is switched off in this operation`, `indicators.${i}`);
  });
}

async function requireScreener(db: Queryable, actor: Actor, operationId: string) {
  await requireOperation(db, actor, operationId);
  if (!canScreenTravellers(actor, operationId)) {
    throw new Forbidden(
      'screening travellers needs the field, officer or admin role in a police or border bureau',
    );
  }
}

/**
 * Score, risk level and recommended action for the red flags seen; stores nothing.
 * @example await assessTravellerRisk(database, actor, operationId, { indicators: ['one_way_ticket'] }) // { score: 1, level: 'low', ... }
 */
export async function assessTravellerRisk(
  database: Database,
  actor: Actor,
  operationId: string,
  input: { indicators: string[] },
) {
  await requireScreener(database.db, actor, operationId);
  const { indicators } = await checklistOf(database.db, operationId);
  checkTicked(indicators, input.indicators);
  return assessTraveller(indicators, input.indicators);
}

/** The hotspot, if the caller may see it in this operation and travellers are checked there. */
async function requireCheckpoint(db: Queryable, actor: Actor, operationId: string, hotspotId: string) {
  const hotspot = await requireHotspot(db, actor, hotspotId, 'hotspotId');
  if (hotspot.operation_id !== operationId)
    throw new Invalid(`no hotspot ${hotspotId} in this operation that you may see`, 'hotspotId');
  if (!(CHECKPOINT_KINDS as readonly string[]).includes(hotspot.kind)) {
    throw new Invalid(
      `"${hotspot.name}" is a ${hotspot.kind.replace(/_/g, ' ')}, not a checkpoint: choose a ${CHECKPOINT_KINDS.join(', ').replace(/_/g, ' ')}`,
      'hotspotId',
    );
  }
  return hotspot;
}

/**
 * Records a screening acted on: the interception (an outcome at the checkpoint), the screening
 * linked to it and the audit entries, in one transaction: all of it or nothing.
 * @example await recordScreening(database, field, operationId, { hotspotId, indicators: ['passport_held_by_broker', 'one_way_ticket'], travellers: 3 })
 */
export async function recordScreening(
  database: Database,
  actor: Actor,
  operationId: string,
  input: TravellerScreeningCreateInput,
) {
  await requireScreener(database.db, actor, operationId);
  const { indicators } = await checklistOf(database.db, operationId);
  checkTicked(indicators, input.indicators);
  await requireCheckpoint(database.db, actor, operationId, input.hotspotId);
  const sharing = sharingColumns(input, 'owner');
  const assessment = assessTraveller(indicators, input.indicators);
  const at = input.at ?? new Date().toISOString();
  const travellers = input.travellers ?? 1;
  return database.db.transaction().execute(async (tx) => {
    const outcomeId = await createOutcomeIn(tx, actor, operationId, {
      kind: 'interception',
      at,
      hotspotId: input.hotspotId,
      persons: travellers,
      sharing: sharing.sharing,
      sharedWith: sharing.shared_with,
    });
    const id = await repo.insertScreening(tx, {
      operation_id: operationId,
      owner_bureau_id: actor.bureauId,
      ...sharing,
      hotspot_id: input.hotspotId,
      at: new Date(at),
      indicators: [...input.indicators],
      score: assessment.score,
      level: assessment.level,
      recommended_action: assessment.recommendedAction,
      action_taken: input.actionTaken ?? 'intercepted',
      travellers,
      outcome_id: outcomeId,
      created_by: actor.userId,
    });
    await appendAudit(tx, actor, {
      action: 'create',
      entity: 'traveller_screening',
      entityId: id,
      operationId,
      detail: { outcomeId, level: assessment.level, score: assessment.score },
    });
    return { id, outcomeId, ...assessment };
  });
}

/** Recorded screenings the caller may see, latest first. */
export async function listScreenings(
  database: Database,
  actor: Actor,
  operationId: string,
  filter: TravellerScreeningFilter,
) {
  await requireOperation(database.db, actor, operationId);
  const limit = filter.limit ?? 50;
  const rows = await repo.listScreenings(
    database.db,
    actor,
    operationId,
    filter,
    decodeCursor(filter.cursor, ['time', 'uuid']),
    limit,
  );
  const page = pageOf(rows, limit, (s) => [s.at.toISOString(), s.id]);
  return { items: page.items.map((s) => presentScreening(actor, s)), next: page.next };
}
