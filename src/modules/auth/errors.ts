// The errors of signing in and of account security, beside src/errors.ts's general ones: each has
// a status and a stable id the web app branches on.
import { CordonError, Invalid } from '../../errors.ts';
import type { PasswordReason } from './schema.ts';

/** Too many attempts: wait `retryAfter` seconds (also sent as the Retry-After header). */
export class RateLimited extends CordonError {
  readonly status = 429;
  readonly id = 'rate_limited';
  constructor(readonly retryAfter: number) {
    super(`too many attempts; try again in ${retryAfter} s`);
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message, retryAfter: this.retryAfter };
  }
}

/** The password was right but the account has a second factor: send its current code as `totp`. */
export class TotpRequired extends CordonError {
  readonly status = 401;
  readonly id = 'totp_required';
  constructor() {
    super('enter the 6-digit code of your authenticator app');
  }
}

/** The user's roles require a second factor that is not set up yet: only enrolment is open. */
export class TotpSetupRequired extends CordonError {
  readonly status = 403;
  readonly id = 'totp_setup_required';
  constructor() {
    super('set up a second factor first (POST /api/auth/totp/setup, then /api/auth/totp/enable)');
  }
}

/** A new password the policy refuses, with the reason the web app translates. */
export class PasswordRejected extends Invalid {
  constructor(
    message: string,
    field: string,
    readonly reason: PasswordReason,
  ) {
    super(message, field);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}
