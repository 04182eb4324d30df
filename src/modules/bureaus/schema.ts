import { Type } from 'typebox';
import { BUREAU_KINDS, ROLES } from '../../access/actor.ts';
import { CountryCode, Id, StringEnum } from '../../server/schemas/common.ts';

export const BureauCreate = Type.Object(
  { country: CountryCode, name: Type.String({ minLength: 1, maxLength: 200 }), kind: StringEnum(BUREAU_KINDS) },
  { additionalProperties: false },
);

export const Bureau = Type.Object({ id: Id, country: CountryCode, name: Type.String(), kind: StringEnum(BUREAU_KINDS) });

export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,62}$', description: 'lower-case letters, digits, . _ -' }),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    bureauId: Id,
    roles: Type.Array(StringEnum(ROLES), { minItems: 1, uniqueItems: true }),
    password: Type.String({ minLength: 12, maxLength: 1024, description: 'at least 12 characters' }),
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
});

export type BureauCreateInput = Type.Static<typeof BureauCreate>;
export type UserCreateInput = Type.Static<typeof UserCreate>;
