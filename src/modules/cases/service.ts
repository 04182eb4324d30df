// Case files: open a case with its persons and journeys in one request, read it (persons masked
// where the child rule says so, every read written to the audit log), list, update, and add
// persons, journeys and outcome links later.
import type { Actor } from '../../access/actor.ts';
import { randomUUID } from 'node:crypto';
import { nextPosition } from '../entities/repo.ts';
import { attachIdentifiers } from '../entities/service.ts';
import { mentionRows } from '../entities/mentions.ts';
import { appendAudit } from '../../access/audit.ts';
import { canCreateRecord } from '../../access/records.ts';
import { canReadShared, canWriteShared } from '../../access/sharing.ts';
import type { ProbeSettings } from '../../config.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { requireOperation } from '../operations/service.ts';
import { sharingColumns, sharingUpdate } from '../shared-record.ts';
import { checkJourney } from './journeys.ts';
import { presentCase, presentCaseFields } from './present.ts';
import * as repo from './repo.ts';
import { journeyRows, personRow } from './rows.ts';
import type {
  CaseCreateT,
  CaseFilter,
  CaseUpdateT,
  JourneyInputT,
  PersonInputT,
} from './schema.ts';

function checkStatus(status: 'open' | 'closed', openedOn: string, closedOn: string | null) {
  if (status === 'closed' && !closedOn) throw new Invalid('a closed case needs closedOn', 'closedOn');
  if (status === 'open' && closedOn) throw new Invalid('an open case has no closedOn; set status to closed', 'closedOn');
  if (closedOn && closedOn < openedOn) throw new Invalid(`closedOn ${closedOn} is before openedOn ${openedOn}`, 'closedOn');
}

async function insertJourney(tx: Queryable, operationId: string, caseId: string, j: JourneyInputT) {
  const { journey, legs } = journeyRows(j, operationId, caseId);
  return repo.insertJourney(tx, journey, legs);
}

/** Outcome ids the actor may link: in the operation and visible to them. */
async function checkOutcomes(db: Queryable, actor: Actor, operationId: string, ids: readonly string[], field: string) {
  if (ids.length === 0) return;
  const found = new Map((await repo.outcomesForLinking(db, operationId, ids)).map((o) => [o.id, o]));
  ids.forEach((id, i) => {
    const outcome = found.get(id);
    if (!outcome || !canReadShared(actor, outcome)) {
      throw new Invalid(`no outcome ${id} in this operation that you may see`, `${field}.${i}`);
    }
  });
}

/**
 * Opens a case with its journeys, persons and outcome links, all or nothing.
 * @example await createCase(database, actor, operationId, { title: 'Nepal → New Delhi', openedOn: '2023-10-16', persons: [...] })
 */
export async function createCase(database: Database, actor: Actor, operationId: string, input: CaseCreateT, probes?: ProbeSettings) {
  await requireOperation(database.db, actor, operationId);
  if (!canCreateRecord(actor, operationId, 'case')) throw new Forbidden('opening a case needs the officer or admin role');
  const closedOn = input.closedOn ?? null;
  const status = input.status ?? (closedOn ? 'closed' : 'open');
  checkStatus(status, input.openedOn, closedOn);
  const journeys = input.journeys ?? [];
  journeys.forEach((j, i) => {
    checkJourney(j, `journeys.${i}`);
  });
  const persons = input.persons ?? [];
  persons.forEach((p, i) => {
    if (p.journeyId !== undefined) throw new Invalid('a new case names its journeys by index: use journey', `persons.${i}.journeyId`);
    if (p.journey !== undefined && p.journey >= journeys.length) {
      throw new Invalid(`journey ${p.journey} is not among the case's ${journeys.length} journeys`, `persons.${i}.journey`);
    }
  });
  if (input.title.trim() === '') throw new Invalid('a case needs a title', 'title');
  const sharing = sharingColumns(input, 'owner');
  await checkOutcomes(database.db, actor, operationId, input.outcomeIds ?? [], 'outcomeIds');
  return database.db.transaction().execute(async (tx) => {
    const caseId = await repo.insertCase(tx, {
      operation_id: operationId,
      owner_bureau_id: actor.bureauId,
      ...sharing,
      title: input.title.trim(),
      summary: input.summary ?? '',
      status,
      opened_on: input.openedOn,
      closed_on: closedOn,
      offences: input.offences ?? [],
      created_by: actor.userId,
    });
    const journeyIds: string[] = [];
    for (const j of journeys) journeyIds.push(await insertJourney(tx, operationId, caseId, j));
    const c = { operationId, caseId, openedOn: input.openedOn };
    const rows = persons.map((p, i) => ({
      id: randomUUID(),
      ...personRow(p, `persons.${i}`, c, p.journey !== undefined ? journeyIds[p.journey]! : null),
    }));
    await repo.insertPersons(tx, rows);
    const mentions = [];
    for (const [i, p] of persons.entries()) {
      mentions.push(...mentionRows({ operationId, caseId, personId: rows[i]!.id, position: mentions.length, contacts: p.contacts, documents: p.documents }, actor.bureauCountry));
    }
    await attachIdentifiers(tx, actor, mentions, probes);
    await repo.linkOutcomes(tx, operationId, caseId, input.outcomeIds ?? []);
    await appendAudit(tx, actor, { action: 'create', entity: 'case', entityId: caseId, operationId, detail: { persons: persons.length } });
    return caseId;
  });
}

/** The case if the actor may read it, else NotFound (never saying whether it exists). */
async function readableCase(db: Queryable, actor: Actor, id: string, lock = false) {
  const c = await repo.findCase(db, id, lock);
  if (!c || !canReadShared(actor, c)) throw new NotFound('case');
  return c;
}

async function writableCase(db: Queryable, actor: Actor, id: string, lock = false) {
  const c = await readableCase(db, actor, id, lock);
  if (!canWriteShared(actor, c)) throw new Forbidden('only officers of the bureau that owns the case change it');
  return c;
}

/** One case in full; the read of its persons is written to the audit log. */
export async function getCase(database: Database, actor: Actor, id: string) {
  const c = await readableCase(database.db, actor, id);
  const [persons, journeys, outcomes] = await Promise.all([
    repo.casePersons(database.db, c.operation_id, c.id),
    repo.caseJourneys(database.db, c.operation_id, c.id),
    repo.caseOutcomes(database.db, c.operation_id, c.id),
  ]);
  const view = presentCase(actor, c, persons, journeys, outcomes);
  await database.db.transaction().execute((tx) =>
    appendAudit(tx, actor, {
      action: 'read',
      entity: 'case',
      entityId: c.id,
      operationId: c.operation_id,
      detail: { persons: view.persons.map((p) => p.id), masked: view.persons.filter((p) => p.masked).length },
    }),
  );
  return view;
}

export async function listCases(database: Database, actor: Actor, operationId: string, filter: CaseFilter) {
  await requireOperation(database.db, actor, operationId);
  const limit = filter.limit ?? 50;
  const rows = await repo.listCases(database.db, actor, operationId, filter, decodeCursor(filter.cursor, ['date', 'uuid']), limit);
  const page = pageOf(rows, limit, (c) => [c.opened_on, c.id]);
  return {
    items: page.items.map((c) => ({
      ...presentCaseFields(actor, c),
      persons: Number(c.persons ?? 0),
      victims: Number(c.victims ?? 0),
      children: Number(c.children ?? 0),
    })),
    next: page.next,
  };
}

export async function updateCase(database: Database, actor: Actor, id: string, input: CaseUpdateT) {
  const title = input.title?.trim();
  if (title === '') throw new Invalid('a case needs a title', 'title');
  await database.db.transaction().execute(async (tx) => {
    // Read and write under the row's lock, and write only what was sent, so that concurrent
    // changes (another officer, a cooperation request widening the sharing) are not undone.
    const c = await writableCase(tx, actor, id, true);
    const statusChanges = input.status !== undefined || input.closedOn !== undefined;
    const status = input.status ?? c.status;
    const closedOn = input.closedOn ?? (status === 'open' ? null : c.closed_on);
    if (statusChanges) checkStatus(status, c.opened_on, closedOn);
    const sharing = sharingUpdate(input, c);
    await tx
      .updateTable('cases')
      .set({
        ...(title !== undefined ? { title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.offences !== undefined ? { offences: input.offences } : {}),
        ...sharing,
        ...(statusChanges ? { status, closed_on: closedOn } : {}),
        updated_at: new Date(),
      })
      .where('operation_id', '=', c.operation_id)
      .where('id', '=', c.id)
      .execute();
    await appendAudit(tx, actor, { action: 'update', entity: 'case', entityId: c.id, operationId: c.operation_id, detail: { fields: Object.keys(input) } });
  });
}

export async function addPerson(database: Database, actor: Actor, caseId: string, input: PersonInputT, probes?: ProbeSettings) {
  const c = await writableCase(database.db, actor, caseId);
  if (input.journey !== undefined) throw new Invalid('name an existing journey by journeyId', 'journey');
  if (input.journeyId && !(await repo.journeyOfCase(database.db, c.operation_id, c.id, input.journeyId))) {
    throw new Invalid(`no journey ${input.journeyId} in this case`, 'journeyId');
  }
  const row = { id: randomUUID(), ...personRow(input, '', { operationId: c.operation_id, caseId: c.id, openedOn: c.opened_on }, input.journeyId ?? null) };
  return database.db.transaction().execute(async (tx) => {
    const [id] = await repo.insertPersons(tx, [row]);
    const position = await nextPosition(tx, c.operation_id, c.id);
    await attachIdentifiers(tx, actor, mentionRows({ operationId: c.operation_id, caseId: c.id, personId: row.id, position, contacts: input.contacts, documents: input.documents }, actor.bureauCountry), probes);
    await appendAudit(tx, actor, { action: 'create', entity: 'case_person', entityId: id!, operationId: c.operation_id, detail: { case: c.id } });
    return id!;
  });
}

export async function addJourney(database: Database, actor: Actor, caseId: string, input: JourneyInputT) {
  const c = await writableCase(database.db, actor, caseId);
  checkJourney(input, '');
  return database.db.transaction().execute(async (tx) => {
    const id = await insertJourney(tx, c.operation_id, c.id, input);
    await appendAudit(tx, actor, { action: 'create', entity: 'journey', entityId: id, operationId: c.operation_id, detail: { case: c.id } });
    return id;
  });
}

export async function linkCaseOutcomes(database: Database, actor: Actor, caseId: string, outcomeIds: readonly string[]) {
  const c = await writableCase(database.db, actor, caseId);
  await checkOutcomes(database.db, actor, c.operation_id, outcomeIds, 'outcomeIds');
  await database.db.transaction().execute(async (tx) => {
    await repo.linkOutcomes(tx, c.operation_id, c.id, outcomeIds);
    await appendAudit(tx, actor, { action: 'link', entity: 'case', entityId: c.id, operationId: c.operation_id, detail: { outcomes: outcomeIds } });
  });
}

/**
 * The operation's victim routes as the actor may see them: journeys grouped by the countries they
 * pass through, with how many victims and cases travelled each.
 * @example (await caseRoutes(database, actor, operationId))[0] // { path: ['UG', 'AE', 'TH', 'MM'], victims: 4, cases: 1 }
 */
export async function caseRoutes(database: Database, actor: Actor, operationId: string) {
  await requireOperation(database.db, actor, operationId);
  const rows = await repo.journeyRoutes(database.db, actor, operationId);
  const routes = new Map<string, { path: string[]; victims: number; cases: Set<string> }>();
  for (const row of rows) {
    const stops: string[] = [];
    for (const hop of row.hops ?? []) {
      const [from, to] = hop.split('>') as [string, string];
      if (stops.length === 0) stops.push(from);
      if (stops[stops.length - 1] !== to) stops.push(to);
    }
    if (stops.length === 0 && row.exploited_in) stops.push(row.exploited_in);
    if (stops.length < 2) continue;
    const key = stops.join('>');
    const route = routes.get(key) ?? { path: stops, victims: 0, cases: new Set<string>() };
    route.victims += Number(row.victims ?? 0);
    route.cases.add(row.case_id);
    routes.set(key, route);
  }
  return [...routes.values()]
    .map((r) => ({ path: r.path, victims: r.victims, cases: r.cases.size }))
    .sort((a, b) => b.victims - a.victims || a.path.join().localeCompare(b.path.join()));
}
