// A case's entities with their links across the operation. Who may see a mention is who may see
// its case; a child victim's identifiers show only to the owner bureau's officers. A link to a
// record the caller may not see is told as a bare "hidden match": no case, bureau or country.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Database } from '../../db/connection.ts';
import { NotFound } from '../../errors.ts';
import { seesChildIdentity } from '../cases/persons.ts';
import * as cases from '../cases/repo.ts';
import * as repo from './repo.ts';
import type { CaseEntityT } from './schema.ts';

const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;

/**
 * The identifiers of a case the actor may read, each with the other cases (that the actor may
 * see) where it appears, and whether it appears where the actor may not look. The read is audited.
 * @example const { entities } = await caseEntities(database, officerIn, caseId)
 */
export async function caseEntities(database: Database, actor: Actor, caseId: string) {
  const c = await cases.findCase(database.db, caseId);
  if (!c || !canReadShared(actor, c)) throw new NotFound('case');
  const seesChildren = (ownerBureauId: string) => seesChildIdentity(actor, ownerBureauId);
  const mentions = await repo.caseMentions(database.db, c.operation_id, c.id);
  const shown = mentions.filter((m) => !m.is_child || seesChildren(c.owner_bureau_id));
  const elsewhere = await repo.sameIdentifiers(
    database.db,
    c.operation_id,
    c.id,
    shown.filter((m) => m.valid).map((m) => ({ kind: m.kind, value: m.value })),
  );
  const links = new Map<string, { visible: Map<string, { caseId: string; title: string; ownerCountry: string }>; hidden: boolean }>();
  for (const other of elsewhere) {
    const key = keyOf(other.kind, other.value);
    const entry = links.get(key) ?? { visible: new Map(), hidden: false };
    const visible = canReadShared(actor, other) && (!other.is_child || seesChildren(other.owner_bureau_id));
    if (visible) entry.visible.set(other.case_id, { caseId: other.case_id, title: other.title, ownerCountry: other.owner_country });
    else entry.hidden = true;
    links.set(key, entry);
  }
  const entities: CaseEntityT[] = mentions.map((m) => {
    if (m.is_child && !seesChildren(c.owner_bureau_id)) {
      return { id: m.id, kind: m.kind, personId: m.person_id, source: m.source, masked: true, raw: null, value: null, valid: m.valid, problem: null, details: {}, links: [], hiddenMatch: false };
    }
    const link = m.valid ? links.get(keyOf(m.kind, m.value)) : undefined;
    return {
      id: m.id,
      kind: m.kind,
      personId: m.person_id,
      source: m.source,
      masked: false,
      raw: m.raw,
      value: m.value,
      valid: m.valid,
      problem: m.problem,
      details: m.details as Record<string, string>,
      links: [...(link?.visible.values() ?? [])],
      hiddenMatch: link?.hidden ?? false,
    };
  });
  await database.db.transaction().execute((tx) =>
    appendAudit(tx, actor, {
      action: 'read',
      entity: 'case_entities',
      entityId: c.id,
      operationId: c.operation_id,
      detail: { entities: entities.length, masked: entities.filter((e) => e.masked).length, hiddenMatches: entities.filter((e) => e.hiddenMatch).length },
    }),
  );
  return { caseId: c.id, entities };
}
