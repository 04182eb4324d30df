// What a caller sees of a cooperation request: sender and addressees by country, the thread with
// each message's bureau and author, what the caller may do; and the per-bureau statistics.
import type { Actor } from '../../access/actor.ts';
import { canCloseRequest, canPostToRequest, type RequestParties } from '../../access/cooperation.ts';
import type { AddresseeRow, MessageRow, RequestRow } from './repo.ts';
import { isOverdue } from './rules.ts';
import type {
  CooperationMessageT,
  CooperationRequestSummaryT,
  CooperationRequestT,
  CooperationStatsT,
} from './schema.ts';

/** The parties of a request, as the access rules take them. */
export function partiesOf(r: RequestRow, addressees: readonly AddresseeRow[]): RequestParties {
  return {
    operation_id: r.operation_id,
    from_bureau_id: r.from_bureau_id,
    addressee_ids: addressees.map((a) => a.bureau_id),
    coordinator_bureau_id: r.coordinator_bureau_id,
  };
}

type RequestFields = Omit<CooperationRequestT, 'messages'>;

/**
 * The addressees as the caller may see them. Sent from a hit, the bureaus holding the hidden record
 * that have not answered yet are one entry, last, whatever their number: who holds it, and how
 * many, is each holder's to tell by answering.
 */
function addresseesShown(actor: Actor, r: RequestRow, addressees: readonly AddresseeRow[]): RequestFields['to'] {
  const shown = (a: AddresseeRow) => ({ id: a.bureau_id, country: a.country, name: a.name, hidden: false, firstAnswerAt: a.first_answer_at?.toISOString() ?? null });
  if (r.hit_id === null) return addressees.map(shown);
  const named = addressees.filter((a) => a.first_answer_at !== null || a.bureau_id === actor.bureauId);
  const unnamed = addressees.length > named.length ? [{ id: null, country: null, name: null, hidden: true, firstAnswerAt: null }] : [];
  return [...named.map(shown), ...unnamed];
}

function presentRequestFields(
  actor: Actor,
  r: RequestRow,
  addressees: readonly AddresseeRow[],
  today: string,
): RequestFields {
  const parties = partiesOf(r, addressees);
  return {
    id: r.id,
    operationId: r.operation_id,
    subject: r.subject,
    priority: r.priority,
    status: r.status,
    dueOn: r.due_on,
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    overdue: isOverdue(r, today),
    caseId: r.case_id,
    fromHit: r.hit_id !== null,
    from: { id: r.from_bureau_id, country: r.from_country, name: r.from_name },
    to: addresseesShown(actor, r, addressees),
    can: {
      post: canPostToRequest(actor, parties) && r.status !== 'closed',
      close: canCloseRequest(actor, parties) && r.status !== 'closed',
    },
  };
}

export function presentRequestSummary(
  actor: Actor,
  r: RequestRow & { messages: number | null },
  addressees: readonly AddresseeRow[],
  today: string,
): CooperationRequestSummaryT {
  return { ...presentRequestFields(actor, r, addressees, today), messages: Number(r.messages ?? 0) };
}

export function presentMessage(m: MessageRow): CooperationMessageT {
  return {
    id: m.id,
    bureauId: m.bureau_id,
    country: m.country,
    author: m.username,
    at: m.at.toISOString(),
    body: m.body,
  };
}

export function presentRequest(
  actor: Actor,
  r: RequestRow,
  addressees: readonly AddresseeRow[],
  messages: readonly MessageRow[],
  today: string,
): CooperationRequestT {
  return { ...presentRequestFields(actor, r, addressees, today), messages: messages.map(presentMessage) };
}

/** Hours to two decimals: enough to tell a same-day answer from a next-day one. */
function hours(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

export function presentStats(
  operationId: string,
  rows: readonly {
    id: string;
    country: string;
    name: string;
    sent: number | null;
    received: number | null;
    answered: number | null;
    median_hours: number | null;
    p90_hours: number | null;
  }[],
): CooperationStatsT {
  return {
    operationId,
    bureaus: rows.map((b) => ({
      bureauId: b.id,
      country: b.country,
      name: b.name,
      received: Number(b.received ?? 0),
      sent: Number(b.sent ?? 0),
      answered: Number(b.answered ?? 0),
      medianHoursToFirstAnswer: hours(b.median_hours),
      p90HoursToFirstAnswer: hours(b.p90_hours),
    })),
  };
}
