// Schema pieces shared by every module: ids, enums, sharing, pagination, errors.
import { type TSchema, type TUnsafe, Type } from 'typebox';
import { SHARINGS, type Sharing } from '../../db/schema.ts';

/** A string limited to the given values; validation errors list them. */
export function StringEnum<const T extends readonly string[]>(values: T, description?: string): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

/** Lower-case canonical form only: ids are compared as strings once past validation. */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
export const Id = Type.String({ format: 'uuid', pattern: UUID_PATTERN, description: 'record id (UUID, lower case)' });
export const IdParams = Type.Object({ id: Id });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code, e.g. TR' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 date and time with zone' });
/** A calendar date between 1900 and 2099 (the format also checks the day exists in its month). */
export const DateOnly = Type.String({
  format: 'date',
  pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  description: 'YYYY-MM-DD, 1900–2099',
});

export const SharingFields = {
  sharing: Type.Optional(
    StringEnum(SHARINGS, 'owner: own bureau only; listed: also the bureaus of sharedWith; operation: every bureau in the operation'),
  ),
  sharedWith: Type.Optional(Type.Array(CountryCode, { maxItems: 300, description: 'countries whose bureaus may see the record when sharing is listed' })),
};

export const SharingOut = {
  ownerBureauId: Id,
  ownerCountry: CountryCode,
  sharing: StringEnum(SHARINGS),
  sharedWith: Type.Array(CountryCode),
  /** What the caller may do with the record, so clients hide buttons without repeating the rules. */
  can: Type.Object({ update: Type.Boolean() }),
};

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'the `next` value of the previous page' })),
};

export const TimeRangeQuery = {
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    next: Type.Union([Type.String(), Type.Null()], { description: 'cursor of the next page, null on the last' }),
  });
}

export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  row: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.String()),
});

export const Created = Type.Object({ id: Id });

export interface SharingInput {
  sharing?: Sharing | undefined;
  sharedWith?: string[] | undefined;
}
