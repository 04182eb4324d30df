// Which Idempotency-Key the running request holds, for the transaction that makes its change:
// the server's plugin runs the route's handler inside `runHolding`, and `appendAudit` (the last
// step of every change's transaction) calls `recordChange` so that the key is marked written in
// the same commit as the change.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from '../../db/connection.ts';
import { KeyInProgress } from './errors.ts';
import { type Held, markWritten } from './repo.ts';

const holding = new AsyncLocalStorage<Held>();

/** Runs a request's handler as the holder of its key. */
export function runHolding<T>(held: Held, work: () => T): T {
  return holding.run(held, work);
}

/**
 * Runs `work`, and everything it starts, as no request's: a background job started by a request
 * must not mark that request's key written when the job's own change commits.
 */
export function outsideRequest<T>(work: () => T): T {
  return holding.exit(work);
}

/**
 * Marks the running request's key as written, in the transaction `tx` that makes its change; a
 * no-op outside a request that holds a key (the CLI, the demo loader, requests without the header).
 * Throws, and so rolls the change back, when the request no longer holds its key.
 * @example await recordChange(tx, 'inspection', id)
 */
export async function recordChange(tx: Queryable, entity: string, entityId: string | null): Promise<void> {
  const held = holding.getStore();
  if (!held) return;
  if (!(await markWritten(tx, held, entity, entityId))) throw new KeyInProgress();
}
