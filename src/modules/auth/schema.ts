import { Type } from 'typebox';
import { CountryCode, Id, StringEnum, Timestamp } from '../../server/schemas/common.ts';
import { BUREAU_KINDS, ROLES } from '../../access/actor.ts';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const LoginReply = Type.Object({ token: Type.String(), expiresAt: Timestamp });

export const Me = Type.Object({
  userId: Id,
  username: Type.String(),
  roles: Type.Array(StringEnum(ROLES)),
  bureau: Type.Object({ id: Id, country: CountryCode, kind: StringEnum(BUREAU_KINDS) }),
  operationIds: Type.Array(Id),
});
