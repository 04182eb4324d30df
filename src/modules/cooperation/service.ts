// Cooperation requests: one bureau asks others of the same operation for help, optionally about a
// case (which is then shared with them), and the bureaus talk it through in a thread until the
// sender closes it. Every write and every read of a thread is written to the audit log.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canReadAggregates } from '../../access/operations.ts';
import { canReadShared, canWriteShared } from '../../access/sharing.ts';
import type { Database, Queryable, Tx } from '../../db/connection.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { requireOperation } from '../operations/service.ts';
import { canCloseRequest, canPostToRequest, canReadRequest, canSendRequest } from '../../access/cooperation.ts';
import { partiesOf, presentRequest, presentRequestSummary, presentStats } from './present.ts';
import * as repo from './repo.ts';
import { checkDueOn, priorityOf, utcDay, widenCaseSharing } from './rules.ts';
import {
  type CooperationFilter,
  type CooperationRequestCreateT,
  PRIORITIES,
  type Priority,
} from './schema.ts';

type Bureau = { id: string; country: string; name: string };

/** The addressees named in `to`, each checked: taking part, not the sender, not a partner, named once. */
async function checkAddressees(
  db: Queryable,
  actor: Actor,
  operationId: string,
  to: readonly string[],
): Promise<Bureau[]> {
  const found = new Map((await repo.bureausTakingPart(db, operationId, to)).map((b) => [b.id, b]));
  return to.map((id, i) => {
    const bureau = found.get(id);
    if (id === actor.bureauId) throw new Invalid('a request goes to other bureaus, not your own', `to.${i}`);
    if (to.indexOf(id) !== i) throw new Invalid(`bureau ${id} is named twice`, `to.${i}`);
    if (!bureau) throw new Invalid(`bureau ${id} does not take part in this operation`, `to.${i}`);
    if (bureau.kind === 'partner') {
      throw new Invalid(
        `${bureau.name} is a partner bureau: partners receive no police requests or case files`,
        `to.${i}`,
      );
    }
    return { id: bureau.id, country: bureau.country, name: bureau.name };
  });
}

/**
 * The case the request is about, locked; Invalid `caseId` when the caller may not see it, Forbidden
 * when they may see it but their bureau does not own it (only the owner shares a case).
 */
async function caseToShare(tx: Tx, actor: Actor, operationId: string, caseId: string) {
  const c = await repo.caseForRequest(tx, operationId, caseId);
  if (!c || !canReadShared(actor, c)) {
    throw new Invalid(`no case ${caseId} in this operation that you may see`, 'caseId');
  }
  if (!canWriteShared(actor, c)) {
    throw new Forbidden(
      'only officers of the bureau that owns the case send requests about it: it shares the case',
    );
  }
  return c;
}

/** Shares the case with the addressees' countries when they may not read it yet, with its audit entry. */
async function shareCase(
  tx: Tx,
  actor: Actor,
  c: NonNullable<Awaited<ReturnType<typeof repo.caseForRequest>>>,
  to: Bureau[],
  requestId: string,
  at: Date,
) {
  const widened = widenCaseSharing(
    c,
    to.map((b) => b.country),
  );
  if (!widened) return;
  await repo.setCaseSharing(tx, c.operation_id, c.id, widened.sharing, widened.shared_with, at);
  await appendAudit(tx, actor, {
    action: 'share',
    entity: 'case',
    entityId: c.id,
    operationId: c.operation_id,
    detail: {
      from: { sharing: c.sharing, sharedWith: c.shared_with },
      to: { sharing: widened.sharing, sharedWith: widened.shared_with },
      request: requestId,
    },
  });
}

/**
 * Sends a request with its first message. About a case, it shares the case with the addressees'
 * countries and is urgent when the case has a child victim, whatever `priority` says. Sent from a
 * hit (`hitId`), its addressees hold a record the sender may not see: it is about no case of the
 * sender's (sharing one would tell the holders' countries), and its addressees stay unnamed to the
 * sender until they answer.
 * @example const { id, priority } = await sendRequest(database, officerNp, operationId, { to: [indiaBureauId], caseId, subject: 'Recruiter in Raxaul', message: 'Please identify…' })
 */
export async function sendRequest(
  database: Database,
  actor: Actor,
  operationId: string,
  input: CooperationRequestCreateT,
  hitId: string | null = null,
) {
  const operation = await requireOperation(database.db, actor, operationId);
  if (!canSendRequest(actor, operation)) {
    throw new Forbidden(
      'sending cooperation requests needs the officer or admin role (or coordinator, in the coordinating bureau)',
    );
  }
  const now = new Date();
  checkDueOn(input.dueOn, utcDay(now));
  const subject = input.subject.trim();
  if (!subject) throw new Invalid('subject is blank', 'subject');
  if (!input.message.trim()) throw new Invalid('message is blank: say what you ask', 'message');
  const to = await checkAddressees(database.db, actor, operationId, input.to);
  return database.db.transaction().execute(async (tx) => {
    const about = input.caseId ? await caseToShare(tx, actor, operationId, input.caseId) : undefined;
    const priority = priorityOf(input.priority, about?.has_child ?? false);
    const row = {
      operation_id: operationId,
      from_bureau_id: actor.bureauId,
      case_id: about?.id ?? null,
      subject,
      priority,
      hit_id: hitId,
    };
    const id = await repo.insertRequest(
      tx,
      { ...row, due_on: input.dueOn ?? null, status: 'open', created_by: actor.userId, created_at: now },
      to.map((b) => b.id),
    );
    await repo.insertMessage(tx, {
      operation_id: operationId,
      request_id: id,
      bureau_id: actor.bureauId,
      author_id: actor.userId,
      body: input.message,
      at: now,
    });
    if (about) await shareCase(tx, actor, about, to, id, now);
    await appendAudit(tx, actor, {
      action: 'create',
      entity: 'cooperation_request',
      entityId: id,
      operationId,
      detail: { to: to.map((b) => b.id), case: about?.id ?? null, priority, hit: hitId },
    });
    return { id, priority };
  });
}

/** The request with its addressees if the actor may read it, else NotFound (never saying whether it exists). */
async function readableRequest(db: Queryable, actor: Actor, id: string) {
  const request = await repo.findRequest(db, id);
  const addressees = request ? await repo.addresseesOf(db, request.operation_id, [request.id]) : [];
  if (!request || !canReadRequest(actor, partiesOf(request, addressees)))
    throw new NotFound('cooperation request');
  return { request, addressees };
}

/** One request with its whole thread; the read is written to the audit log. */
export async function getRequest(database: Database, actor: Actor, id: string) {
  const { request, addressees } = await readableRequest(database.db, actor, id);
  const messages = await repo.messagesOf(database.db, request.operation_id, request.id);
  await database.db.transaction().execute((tx) =>
    appendAudit(tx, actor, {
      action: 'read',
      entity: 'cooperation_request',
      entityId: request.id,
      operationId: request.operation_id,
      detail: { messages: messages.length },
    }),
  );
  return presentRequest(actor, request, addressees, messages, utcDay(new Date()));
}

/** A cursor's key, [priority, createdAt, id], checked part by part. */
function cursorOf(filter: CooperationFilter) {
  const key = decodeCursor(filter.cursor, ['text', 'time', 'uuid']);
  if (!key) return undefined;
  const [priority, createdAt, id] = key as [string, string, string];
  if (!(PRIORITIES as readonly string[]).includes(priority)) {
    throw new Invalid('cursor is not one this server handed out; start again without it', 'cursor');
  }
  return { urgent: (priority as Priority) === 'urgent', createdAt: new Date(createdAt), id };
}

/**
 * The requests sent by or to the actor's bureau in the operation, urgent first, then newest.
 * @example const { items, next } = await listRequests(database, officerIn, operationId, { box: 'inbox', status: 'open' })
 */
export async function listRequests(
  database: Database,
  actor: Actor,
  operationId: string,
  filter: CooperationFilter,
) {
  await requireOperation(database.db, actor, operationId);
  const limit = filter.limit ?? 50;
  const rows = await repo.listRequests(database.db, actor, operationId, filter, cursorOf(filter), limit);
  const page = pageOf(rows, limit, (r) => [r.priority, r.created_at.toISOString(), r.id]);
  const addressees = await repo.addresseesOf(
    database.db,
    operationId,
    page.items.map((r) => r.id),
  );
  const today = utcDay(new Date());
  return {
    items: page.items.map((r) =>
      presentRequestSummary(
        actor,
        r,
        addressees.filter((a) => a.request_id === r.id),
        today,
      ),
    ),
    next: page.next,
  };
}

/**
 * Posts a message to the thread. An addressee's first message records when it first answered, and
 * the first answer of any addressee makes an open request `answered`.
 * @example const id = await postMessage(database, officerIn, requestId, { body: 'The recruiter is known to us…' })
 */
export async function postMessage(
  database: Database,
  actor: Actor,
  requestId: string,
  input: { body: string },
) {
  const { request, addressees } = await readableRequest(database.db, actor, requestId);
  if (!canPostToRequest(actor, partiesOf(request, addressees))) {
    throw new Forbidden(
      'answering needs the officer or admin role (or coordinator, in the coordinating bureau)',
    );
  }
  if (!input.body.trim()) throw new Invalid('body is blank', 'body');
  const addressed = addressees.some((a) => a.bureau_id === actor.bureauId);
  return database.db.transaction().execute(async (tx) => {
    const status = await repo.lockRequest(tx, request.operation_id, request.id);
    if (status === 'closed') throw new Conflict('the request is closed: send a new one to carry on');
    const at = new Date();
    const id = await repo.insertMessage(tx, {
      operation_id: request.operation_id,
      request_id: request.id,
      bureau_id: actor.bureauId,
      author_id: actor.userId,
      body: input.body,
      at,
    });
    const firstAnswer =
      addressed && (await repo.markFirstAnswer(tx, request.operation_id, request.id, actor.bureauId, at));
    if (firstAnswer && status === 'open')
      await repo.setStatus(tx, request.operation_id, request.id, 'answered', null);
    await appendAudit(tx, actor, {
      action: 'create',
      entity: 'cooperation_message',
      entityId: id,
      operationId: request.operation_id,
      detail: { request: request.id, firstAnswer },
    });
    return id;
  });
}

/**
 * Closes the request: only its sender bureau may; a closed request takes no more messages.
 * @example await closeRequest(database, officerNp, requestId)
 */
export async function closeRequest(database: Database, actor: Actor, requestId: string) {
  const { request, addressees } = await readableRequest(database.db, actor, requestId);
  if (!canCloseRequest(actor, partiesOf(request, addressees))) {
    throw new Forbidden('only officers of the bureau that sent the request close it');
  }
  await database.db.transaction().execute(async (tx) => {
    const status = await repo.lockRequest(tx, request.operation_id, request.id);
    if (status === 'closed') throw new Conflict('the request is already closed');
    await repo.setStatus(tx, request.operation_id, request.id, 'closed', new Date());
    await appendAudit(tx, actor, {
      action: 'close',
      entity: 'cooperation_request',
      entityId: request.id,
      operationId: request.operation_id,
    });
  });
}

/**
 * Per bureau that sent or received a request: counts and hours to first answer. Counts, not
 * contents: open to every bureau taking part but partners, as the operation's results are.
 * @example const { bureaus } = await cooperationStats(database, actor, operationId) // bureaus[0].medianHoursToFirstAnswer
 */
export async function cooperationStats(database: Database, actor: Actor, operationId: string) {
  const operation = await requireOperation(database.db, actor, operationId);
  if (!canReadAggregates(actor, operation)) throw new NotFound('operation');
  return presentStats(operationId, await repo.cooperationByBureau(database.db, operationId));
}
