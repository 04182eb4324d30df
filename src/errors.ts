// The few errors Cordon raises on purpose, each with an HTTP status and a stable id that clients
// branch on. The server's one error handler turns them into answers.

export abstract class CordonError extends Error {
  abstract readonly status: number;
  abstract readonly id: string;
  toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message };
  }
}

/** The record does not exist or the caller may not see it; the two are never told apart. */
export class NotFound extends CordonError {
  readonly status = 404;
  readonly id = 'not_found';
  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** Bad input: names the field, and for imports the row (1-based, counting the header as row 1). */
export class Invalid extends CordonError {
  readonly status = 400;
  readonly id = 'invalid';
  constructor(
    message: string,
    readonly field: string,
    readonly row?: number,
  ) {
    super(message);
  }
  override toJSON(): Record<string, unknown> {
    return {
      error: this.id,
      message: this.message,
      field: this.field,
      ...(this.row !== undefined ? { row: this.row, column: this.field } : {}),
    };
  }
}

/** The caller is known but their role does not allow the action on a record they can see. */
export class Forbidden extends CordonError {
  readonly status = 403;
  readonly id = 'forbidden';
}

/** No valid session. */
export class Unauthenticated extends CordonError {
  readonly status = 401;
  readonly id = 'unauthenticated';
  constructor(message = 'sign in first: send Authorization: Bearer <token> from POST /api/auth/login') {
    super(message);
  }
}

export class Conflict extends CordonError {
  readonly status = 409;
  readonly id = 'conflict';
}

/** True for PostgreSQL's unique_violation (23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
