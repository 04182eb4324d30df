import { Type } from 'typebox';
import { CountryCode, Id, PageQuery, SharingFields, SharingOut, StringEnum, Timestamp, TimeRangeQuery } from '../../server/schemas/common.ts';

export const OUTCOME_KINDS = [
  'arrest',
  'rescue',
  'investigation',
  'interception',
  'smuggler_apprehension',
  'migrant_interception',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export { OFFENCES, type Offence } from '../../shared/vocabulary.ts';
import { NOTES_MAX_LENGTH, OFFENCES } from '../../shared/vocabulary.ts';


export const INVESTIGATION_STATUSES = ['open', 'closed'] as const;

/** Outcomes that are about identifiable people: reading one is written to the audit log. */
export const PERSON_OUTCOMES: readonly OutcomeKind[] = ['arrest', 'rescue', 'interception', 'smuggler_apprehension', 'migrant_interception'];

export const OutcomeCreate = Type.Object(
  {
    kind: StringEnum(OUTCOME_KINDS),
    at: Timestamp,
    hotspotId: Type.Optional(Id),
    country: Type.Optional({ ...CountryCode, description: 'where it happened; defaults to the hotspot\'s, else your bureau\'s' }),
    persons: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'people arrested, rescued, intercepted…' })),
    offences: Type.Optional(Type.Array(StringEnum(OFFENCES), { minItems: 1, maxItems: 9, uniqueItems: true, description: 'arrests only: at least one' })),
    status: Type.Optional(StringEnum(INVESTIGATION_STATUSES, 'investigations only')),
    notes: Type.Optional(Type.String({ maxLength: NOTES_MAX_LENGTH })),
    ...SharingFields,
  },
  { additionalProperties: false },
);

export const Outcome = Type.Object({
  id: Id,
  operationId: Id,
  kind: StringEnum(OUTCOME_KINDS),
  at: Timestamp,
  country: CountryCode,
  hotspotId: Type.Union([Id, Type.Null()]),
  persons: Type.Integer(),
  offences: Type.Array(StringEnum(OFFENCES)),
  status: Type.Union([StringEnum(INVESTIGATION_STATUSES), Type.Null()]),
  notes: Type.String(),
  ...SharingOut,
});

export const OutcomeListQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(OUTCOME_KINDS)),
    country: Type.Optional(CountryCode),
    bureau: Type.Optional(Id),
    hotspot: Type.Optional(Id),
    offence: Type.Optional(StringEnum(OFFENCES)),
    ...TimeRangeQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type OutcomeCreateInput = Type.Static<typeof OutcomeCreate>;
export type OutcomeFilter = Type.Static<typeof OutcomeListQuery>;
