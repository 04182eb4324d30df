// Payloads of sign-in, the caller's own account (password, sessions, TOTP second factor).
import { Type } from 'typebox';
import { BUREAU_KINDS, ROLES } from '../../access/actor.ts';
import { CountryCode, Id, StringEnum, Timestamp } from '../../server/schemas/common.ts';

/** The password policy's shortest length; the service answers reason `too_short` below it. */
export const PASSWORD_MIN_LENGTH = 12;
/** Why a new password was refused (the `reason` of a 400 on `password` or `newPassword`). */
export const PASSWORD_REASONS = ['too_short', 'common', 'contains_username'] as const;
export type PasswordReason = (typeof PASSWORD_REASONS)[number];

/** A new password: the length and list checks are the service's, so that they answer a `reason`. */
export const NewPassword = Type.String({
  minLength: 1,
  maxLength: 1024,
  description: `at least ${PASSWORD_MIN_LENGTH} characters, not a common or breached password, not containing the username`,
});

/** A six-digit code from an authenticator app (RFC 6238, 30 s). */
export const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'the 6-digit code of the authenticator app' });

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(TotpCode),
  },
  { additionalProperties: false },
);

export const LoginReply = Type.Object({
  token: Type.String(),
  expiresAt: Timestamp,
  /** Present and true when the user's roles require TOTP and it is not enrolled yet: the session may only enrol. */
  totpSetupRequired: Type.Optional(Type.Boolean()),
});

export const Me = Type.Object({
  userId: Id,
  username: Type.String(),
  roles: Type.Array(StringEnum(ROLES)),
  bureau: Type.Object({ id: Id, country: CountryCode, kind: StringEnum(BUREAU_KINDS) }),
  operationIds: Type.Array(Id),
  totpEnabled: Type.Boolean(),
  /** The configuration requires a second factor for one of the user's roles. */
  totpRequired: Type.Boolean(),
  /** Required but not enrolled: every call but /api/auth/me, /totp/*, /logout and /password answers 403 totp_setup_required. */
  totpSetupRequired: Type.Boolean(),
});

export const Session = Type.Object({
  id: Id,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  /** The session this request came with. */
  current: Type.Boolean(),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
});
export const SessionList = Type.Array(Session);

export const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: NewPassword },
  { additionalProperties: false },
);

export const TotpSetupReply = Type.Object({
  /** Base32 secret, for typing into an app by hand. */
  secret: Type.String(),
  /** otpauth://totp/Cordon:<username>?… for a QR code. */
  uri: Type.String(),
});
export const TotpEnable = Type.Object({ code: TotpCode }, { additionalProperties: false });
export const TotpDisable = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });

/** Error answers of the auth routes: `reason` on a refused password, `retryAfter` (seconds) on 429. */
export const AuthErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  reason: Type.Optional(StringEnum(PASSWORD_REASONS)),
  retryAfter: Type.Optional(Type.Integer({ minimum: 1 })),
});

export type LoginBodyInput = Type.Static<typeof LoginBody>;
export type LoginReplyBody = Type.Static<typeof LoginReply>;
export type MeBody = Type.Static<typeof Me>;
export type SessionBody = Type.Static<typeof Session>;
export type PasswordChangeInput = Type.Static<typeof PasswordChange>;
export type TotpSetupReplyBody = Type.Static<typeof TotpSetupReply>;
export type AuthError = Type.Static<typeof AuthErrorBody>;
