// Queries for cooperation requests, their addressees and messages, the bureaus they may go to,
// the case a request is about, and the per-bureau answer times.
import { type Insertable, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import type { CooperationMessagesTable, CooperationRequestsTable, Sharing } from '../../db/schema.ts';
import { requestsVisibleTo } from '../../access/cooperation.ts';
import type { CooperationFilter, RequestStatus } from './schema.ts';

function requests(db: Queryable) {
  return db
    .selectFrom('cooperation_requests as r')
    .innerJoin('bureaus as fb', 'fb.id', 'r.from_bureau_id')
    .innerJoin('operations as o', 'o.id', 'r.operation_id')
    .select([
      'r.id',
      'r.operation_id',
      'r.from_bureau_id',
      'r.case_id',
      'r.subject',
      'r.priority',
      'r.due_on',
      'r.status',
      'r.created_at',
      'r.closed_at',
      'r.hit_id',
      'fb.country as from_country',
      'fb.name as from_name',
      'o.coordinator_bureau_id',
    ]);
}

export function findRequest(db: Queryable, id: string) {
  return requests(db).where('r.id', '=', id).executeTakeFirst();
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** The requests of the page, urgent first, then newest; `after` is [urgent, createdAt, id]. */
export function listRequests(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: CooperationFilter,
  after: { urgent: boolean; createdAt: Date; id: string } | undefined,
  limit: number,
) {
  let query = requests(db)
    .select((eb) =>
      eb
        .selectFrom('cooperation_messages as m')
        .whereRef('m.operation_id', '=', 'r.operation_id')
        .whereRef('m.request_id', '=', 'r.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('messages'),
    )
    .where('r.operation_id', '=', operationId)
    .where(requestsVisibleTo(actor));
  const box = filter.box ?? 'all';
  if (box === 'sent') query = query.where('r.from_bureau_id', '=', actor.bureauId);
  // Visible and not sent by the caller's bureau: sent to it.
  if (box === 'inbox') query = query.where('r.from_bureau_id', '<>', actor.bureauId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.priority) query = query.where('r.priority', '=', filter.priority);
  if (filter.case) query = query.where('r.case_id', '=', filter.case);
  if (after) {
    query = query.where(
      sql<SqlBool>`(r.priority = 'urgent', r.created_at, r.id) < (${after.urgent}::boolean, ${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return query
    .orderBy(sql`r.priority = 'urgent'`, 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** The addressees of the requests, in the order of their countries. */
export function addresseesOf(db: Queryable, operationId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cooperation_addressees as a')
    .innerJoin('bureaus as b', 'b.id', 'a.bureau_id')
    .select(['a.request_id', 'a.bureau_id', 'a.first_answer_at', 'b.country', 'b.name'])
    .where('a.operation_id', '=', operationId)
    .where('a.request_id', 'in', requestIds)
    .orderBy('b.country')
    .orderBy('b.name')
    .execute();
}
export type AddresseeRow = Awaited<ReturnType<typeof addresseesOf>>[number];

/** The thread of a request, oldest first. */
export function messagesOf(db: Queryable, operationId: string, requestId: string) {
  return db
    .selectFrom('cooperation_messages as m')
    .innerJoin('bureaus as b', 'b.id', 'm.bureau_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.bureau_id', 'b.country', 'u.username', 'm.at', 'm.body'])
    .where('m.operation_id', '=', operationId)
    .where('m.request_id', '=', requestId)
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
}
export type MessageRow = Awaited<ReturnType<typeof messagesOf>>[number];

/** Bureaus among `ids` that take part in the operation, as participants or as its coordinator. */
export function bureausTakingPart(db: Queryable, operationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bureaus as b')
    .select(['b.id', 'b.country', 'b.name', 'b.kind'])
    .where('b.id', 'in', ids)
    .where(({ or, exists, selectFrom }) =>
      or([
        exists(
          selectFrom('operation_bureaus as ob')
            .select(sql`1`.as('one'))
            .whereRef('ob.bureau_id', '=', 'b.id')
            .where('ob.operation_id', '=', operationId),
        ),
        exists(
          selectFrom('operations as o')
            .select(sql`1`.as('one'))
            .whereRef('o.coordinator_bureau_id', '=', 'b.id')
            .where('o.id', '=', operationId),
        ),
      ]),
    )
    .execute();
}

/**
 * The case a request is about, with what its access check needs and whether it has a child
 * victim; locked until the transaction ends, so its sharing is widened from what it is.
 */
export function caseForRequest(tx: Queryable, operationId: string, caseId: string) {
  return tx
    .selectFrom('cases')
    .select(['cases.id', 'cases.operation_id', 'cases.owner_bureau_id', 'cases.sharing', 'cases.shared_with'])
    .select(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_persons as p')
          .select(sql`1`.as('one'))
          .whereRef('p.operation_id', '=', 'cases.operation_id')
          .whereRef('p.case_id', '=', 'cases.id')
          .where('p.is_child', '=', true),
      )
        .$castTo<boolean>()
        .as('has_child'),
    )
    .where('cases.operation_id', '=', operationId)
    .where('cases.id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setCaseSharing(
  tx: Queryable,
  operationId: string,
  caseId: string,
  sharing: Sharing,
  sharedWith: string[],
  at: Date,
) {
  await tx
    .updateTable('cases')
    .set({ sharing, shared_with: sharedWith, updated_at: at })
    .where('operation_id', '=', operationId)
    .where('id', '=', caseId)
    .execute();
}

export async function insertRequest(
  tx: Queryable,
  row: Insertable<CooperationRequestsTable>,
  addresseeIds: readonly string[],
) {
  const { id } = await tx
    .insertInto('cooperation_requests')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('cooperation_addressees')
    .values(addresseeIds.map((bureau_id) => ({ operation_id: row.operation_id, request_id: id, bureau_id })))
    .execute();
  return id;
}

export async function insertMessage(tx: Queryable, row: Insertable<CooperationMessagesTable>) {
  const { id } = await tx
    .insertInto('cooperation_messages')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The request's status, its row locked until the transaction ends. */
export async function lockRequest(tx: Queryable, operationId: string, id: string): Promise<RequestStatus> {
  const row = await tx
    .selectFrom('cooperation_requests')
    .select('status')
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.status;
}

/** Records the addressee's first answer; false when it had answered before. */
export async function markFirstAnswer(
  tx: Queryable,
  operationId: string,
  requestId: string,
  bureauId: string,
  at: Date,
) {
  const row = await tx
    .updateTable('cooperation_addressees')
    .set({ first_answer_at: at })
    .where('operation_id', '=', operationId)
    .where('request_id', '=', requestId)
    .where('bureau_id', '=', bureauId)
    .where('first_answer_at', 'is', null)
    .returning('bureau_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setStatus(
  tx: Queryable,
  operationId: string,
  id: string,
  status: RequestStatus,
  closedAt: Date | null,
) {
  await tx
    .updateTable('cooperation_requests')
    .set({ status, closed_at: closedAt })
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .execute();
}

/**
 * Per bureau that sent or received a request in the operation: counts, and the median and 90th
 * percentile of the hours from a request's creation to the bureau's first answer.
 */
export function cooperationByBureau(db: Queryable, operationId: string) {
  const hours = sql`extract(epoch from (a.first_answer_at - r.created_at))::float8 / 3600`;
  return db
    .with('sent', (qb) =>
      qb
        .selectFrom('cooperation_requests')
        .select(['from_bureau_id as bureau_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('operation_id', '=', operationId)
        .groupBy('from_bureau_id'),
    )
    .with('received', (qb) =>
      qb
        .selectFrom('cooperation_addressees as a')
        .innerJoin('cooperation_requests as r', (join) =>
          join.onRef('r.operation_id', '=', 'a.operation_id').onRef('r.id', '=', 'a.request_id'),
        )
        .select([
          'a.bureau_id',
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.count<number>('a.first_answer_at').as('answered'),
          // percentile_cont skips the nulls of the addressees that have not answered.
          sql<number | null>`percentile_cont(0.5) within group (order by ${hours})`.as('median_hours'),
          sql<number | null>`percentile_cont(0.9) within group (order by ${hours})`.as('p90_hours'),
        ])
        .where('a.operation_id', '=', operationId)
        // A request sent from a hit counts for its addressee once it has answered: before, the
        // count would tell the sender which bureau holds the hidden record.
        .where((eb) => eb.or([eb('r.hit_id', 'is', null), eb('a.first_answer_at', 'is not', null)]))
        .groupBy('a.bureau_id'),
    )
    .selectFrom('bureaus as b')
    .leftJoin('sent as s', 's.bureau_id', 'b.id')
    .leftJoin('received as rc', 'rc.bureau_id', 'b.id')
    .select([
      'b.id',
      'b.country',
      'b.name',
      's.n as sent',
      'rc.n as received',
      'rc.answered',
      'rc.median_hours',
      'rc.p90_hours',
    ])
    .where((eb) => eb.or([eb('s.bureau_id', 'is not', null), eb('rc.bureau_id', 'is not', null)]))
    .orderBy('b.country')
    .orderBy('b.name')
    .execute();
}
