// Operations: set up by the coordinator, with phases, participating bureaus and funders.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canCreateOperation, canManageOperation, canReadOperation } from '../../access/operations.ts';
import { canSendRequest } from '../../access/cooperation.ts';
import { canCreateRecord } from '../../access/records.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { presentOperation } from './present.ts';
import * as repo from './repo.ts';
import type { OperationCreateInput } from './schema.ts';

/**
 * The operation, if the actor takes part in it; NotFound otherwise.
 * @example const operation = await requireOperation(db, actor, id)
 */
export async function requireOperation(db: Queryable, actor: Actor, id: string) {
  const operation = canReadOperation(actor, { id }) ? await repo.findOperation(db, id) : undefined;
  if (!operation) throw new NotFound('operation');
  return operation;
}

export async function listOperations(database: Database, actor: Actor) {
  const operations = await repo.listOperations(database.db, [...actor.operationIds]);
  return describe(database.db, actor, operations);
}

export async function getOperation(database: Database, actor: Actor, id: string) {
  const operation = await requireOperation(database.db, actor, id);
  const [described] = await describe(database.db, actor, [operation]);
  return described!;
}

async function describe(db: Queryable, actor: Actor, operations: Awaited<ReturnType<typeof repo.listOperations>>) {
  const ids = operations.map((o) => o.id);
  const [phases, participants] = await Promise.all([repo.phasesOf(db, ids), repo.participantsOf(db, ids)]);
  return operations.map((o) =>
    presentOperation(
      o,
      phases.filter((p) => p.operation_id === o.id),
      participants.filter((p) => p.operation_id === o.id),
      {
        manage: canManageOperation(actor, o),
        logEntries: canCreateRecord(actor, o.id, 'inspection'),
        openCases: canCreateRecord(actor, o.id, 'case'),
        recordCampaigns: canCreateRecord(actor, o.id, 'campaign'),
        sendRequests: canSendRequest(actor, o),
      },
    ),
  );
}

export async function createOperation(database: Database, actor: Actor, input: OperationCreateInput) {
  if (!canCreateOperation(actor)) {
    throw new Forbidden('only coordinators of a coordinating bureau set up operations');
  }
  input.phases.forEach((phase, i) => {
    if (phase.endsOn < phase.startsOn) {
      throw new Invalid(`phase "${phase.name}" ends before it starts`, `phases.${i}.endsOn`);
    }
  });
  const bureauIds = [...new Set(input.bureauIds)];
  const found = new Set((await repo.existingBureauIds(database.db, bureauIds)).map((b) => b.id));
  const missing = bureauIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new Invalid(`no bureau ${bureauIds[missing]}`, `bureauIds.${missing}`);

  return database.db.transaction().execute(async (tx) => {
    const id = await repo.insertOperation(tx, {
      name: input.name,
      description: input.description ?? '',
      coordinator_bureau_id: actor.bureauId,
      funders: input.funders,
    });
    await repo.insertPhases(tx, id, input.phases);
    await repo.insertParticipants(tx, id, bureauIds);
    await appendAudit(tx, actor, {
      action: 'create',
      entity: 'operation',
      entityId: id,
      operationId: id,
      detail: { name: input.name, bureaus: bureauIds.length },
    });
    return id;
  });
}
