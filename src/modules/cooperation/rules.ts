// The rules of a cooperation request that need no database: its priority, its due date, when it
// is overdue and how sending it widens its case's sharing. Pure, for the service and the demo loader.
import type { Sharing } from '../../db/schema.ts';
import { Invalid } from '../../errors.ts';
import type { Priority, RequestStatus } from './schema.ts';

/** The UTC calendar day of a moment, YYYY-MM-DD: due dates are compared in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * A request about a case with a child victim is urgent whatever the sender asked.
 * @example priorityOf('normal', true) // 'urgent'
 */
export function priorityOf(requested: Priority | undefined, caseHasChildVictim: boolean): Priority {
  return caseHasChildVictim ? 'urgent' : (requested ?? 'normal');
}

/**
 * A due date may be the day the request is sent or later; Invalid `dueOn` otherwise.
 * @example checkDueOn('2023-10-15', '2023-10-16') // throws: dueOn is before today
 */
export function checkDueOn(dueOn: string | undefined, today: string): void {
  if (dueOn !== undefined && dueOn < today) {
    throw new Invalid(`dueOn ${dueOn} is before today (${today}, UTC): give today or a later day`, 'dueOn');
  }
}

/**
 * Overdue: nobody has answered yet and the due day has passed.
 * @example isOverdue({ status: 'open', due_on: '2023-10-20' }, '2023-10-21') // true
 */
export function isOverdue(request: { status: RequestStatus; due_on: string | null }, today: string): boolean {
  return request.status === 'open' && request.due_on !== null && request.due_on < today;
}

/**
 * The sharing a case needs so the addressees' bureaus may read it, or null when they already may:
 * `owner` becomes `listed` with their countries, `listed` gains those it lacks, `operation` stays.
 * @example widenCaseSharing({ sharing: 'listed', shared_with: ['TR'] }, ['IN']) // { sharing: 'listed', shared_with: ['TR', 'IN'] }
 */
export function widenCaseSharing(
  current: { sharing: Sharing; shared_with: readonly string[] },
  countries: readonly string[],
): { sharing: 'listed'; shared_with: string[] } | null {
  if (current.sharing === 'operation') return null;
  const base = current.sharing === 'listed' ? [...current.shared_with] : [];
  const missing = [...new Set(countries)].filter((c) => !base.includes(c)).sort();
  if (missing.length === 0) return null;
  return { sharing: 'listed', shared_with: [...base, ...missing] };
}
