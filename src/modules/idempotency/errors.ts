// The answers of the Idempotency-Key header when a retry cannot simply get the first answer back.
import { CordonError } from '../../errors.ts';

/** The key was used before for another request (another URL or another body). */
export class KeyReused extends CordonError {
  readonly status = 422;
  readonly id = 'idempotency_key_reused';
  constructor() {
    super('Idempotency-Key: this key was used for another request; send a new key for a new request');
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message, field: 'Idempotency-Key' };
  }
}

/** The first request with this key is still running: retry after `retryAfter` seconds. */
export class KeyInProgress extends CordonError {
  readonly status = 409;
  readonly id = 'idempotency_in_progress';
  readonly retryAfter = 1;
  constructor() {
    super('Idempotency-Key: the first request with this key is still running; try again shortly');
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message, field: 'Idempotency-Key', retryAfter: this.retryAfter };
  }
}

/**
 * The first request with this key was stored but its answer was lost (the process stopped
 * between the two): the record exists, and is named, but nothing is written again.
 */
export class AnswerLost extends CordonError {
  readonly status = 409;
  readonly id = 'idempotency_answer_lost';
  constructor(
    readonly entity: string | null,
    readonly entityId: string | null,
  ) {
    super('Idempotency-Key: the first request with this key was stored, but its answer was lost; nothing was written again');
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message, field: 'Idempotency-Key', entity: this.entity, entityId: this.entityId };
  }
}
