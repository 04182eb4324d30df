import { Type } from 'typebox';
import { BUREAU_KINDS, ROLES } from '../../access/actor.ts';
import { CountryCode, Id, StringEnum, Timestamp } from '../../server/schemas/common.ts';
import { NewPassword } from '../auth/schema.ts';

/** What a username may be (also the database's check): the service applies it for the CLI too. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,62}$';

export const BureauCreate = Type.Object(
  { country: CountryCode, name: Type.String({ minLength: 1, maxLength: 200 }), kind: StringEnum(BUREAU_KINDS) },
  { additionalProperties: false },
);

export const Bureau = Type.Object({ id: Id, country: CountryCode, name: Type.String(), kind: StringEnum(BUREAU_KINDS) });

export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN, description: 'lower-case letters, digits, . _ -' }),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    bureauId: Id,
    roles: Type.Array(StringEnum(ROLES), { minItems: 1, uniqueItems: true }),
    password: NewPassword,
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  bureauId: Id,
  roles: Type.Array(StringEnum(ROLES)),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lastLoginAt: Type.Union([Timestamp, Type.Null()]),
});

/** An admin sets a user's password (POST /api/users/:id/password); their sessions end. */
export const UserPasswordReset = Type.Object({ newPassword: NewPassword }, { additionalProperties: false });

export type BureauCreateInput = Type.Static<typeof BureauCreate>;
export type UserCreateInput = Type.Static<typeof UserCreate>;
export type UserBody = Type.Static<typeof User>;
export type UserPasswordResetInput = Type.Static<typeof UserPasswordReset>;
