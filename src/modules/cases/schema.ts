// Case files: the case, the persons in it and the victims' journeys, as the API takes and gives them.
import { type Static, Type } from 'typebox';
import { OFFENCES } from '../outcomes/schema.ts';
import { CountryCode, DateOnly, Id, PageQuery, SharingFields, SharingOut, StringEnum } from '../../server/schemas/common.ts';

export const CASE_STATUSES = ['open', 'closed'] as const;
export const PERSON_ROLES = ['victim', 'suspect', 'recruiter', 'facilitator', 'witness'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
/** Age bands as the CTDC dataset groups them, for victims whose exact age is not known. */
export const AGE_BANDS = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const DOCUMENT_KINDS = ['passport', 'national_id', 'visa', 'residence_permit', 'driving_licence', 'other'] as const;
export const CONTACT_KINDS = ['phone', 'email', 'handle', 'url'] as const;

export const RECRUITMENT_CHANNELS = ['online_job_ad', 'social_media', 'messaging_app', 'agency', 'acquaintance', 'family'] as const;
export const TRAVEL_MODES = ['air', 'land', 'sea'] as const;
export const EXPLOITATION_TYPES = ['forced_criminality', 'sexual_exploitation', 'forced_labour', 'other'] as const;
export const FRAUD_SCHEMES = [
  'crypto_investment',
  'romance',
  'work_from_home',
  'task_scam',
  'lottery',
  'online_gambling',
  'telecom_impersonation',
  'bank_impersonation',
] as const;
export const CONTROL_MEANS = [
  'debt_bondage',
  'threats',
  'abuse',
  'false_promises',
  'drugs_alcohol',
  'denial_of_needs',
  'excessive_hours',
  'withheld_documents',
  'armed_guard',
] as const;
export const EXIT_KINDS = ['rescued', 'escaped', 'released_after_ransom', 'deported'] as const;

const Text = (maxLength = 500, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

export const Place = Type.Object(
  { country: CountryCode, city: Type.Optional(Text(200, 'city, province or compound as written')) },
  { additionalProperties: false },
);
export type PlaceT = Static<typeof Place>;

export const Recruitment = Type.Object(
  {
    channel: StringEnum(RECRUITMENT_CHANNELS),
    platform: Type.Optional(Text(200, 'e.g. Facebook, Telegram, a job site')),
    promisedJob: Type.Optional(Text(300)),
    promisedPay: Type.Optional(Text(200, 'as promised, e.g. "USD 1,500 a month"')),
    promisedDestination: Type.Optional(Place),
    on: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);

export const Leg = Type.Object(
  {
    from: Place,
    to: Place,
    on: Type.Optional(DateOnly),
    mode: StringEnum(TRAVEL_MODES),
    transit: Type.Optional(Type.Boolean({ description: 'the destination is a transit stop, not where the victim was taken' })),
    facilitator: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);
export type LegT = Static<typeof Leg>;

export const Exploitation = Type.Object(
  {
    place: Type.Object(
      { country: CountryCode, city: Type.Optional(Text(200)), compound: Type.Optional(Text(200, 'scam compound or site')) },
      { additionalProperties: false },
    ),
    type: StringEnum(EXPLOITATION_TYPES),
    fraudSchemes: Type.Optional(Type.Array(StringEnum(FRAUD_SCHEMES), { uniqueItems: true, maxItems: FRAUD_SCHEMES.length })),
    months: Type.Optional(Type.Number({ minimum: 0, maximum: 600 })),
    means: Type.Optional(Type.Array(StringEnum(CONTROL_MEANS), { uniqueItems: true, maxItems: CONTROL_MEANS.length })),
    from: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);

export const Exit = Type.Object(
  { kind: StringEnum(EXIT_KINDS), on: Type.Optional(DateOnly), country: Type.Optional(CountryCode) },
  { additionalProperties: false },
);

export const ReturnHome = Type.Object(
  { on: Type.Optional(DateOnly), country: CountryCode },
  { additionalProperties: false },
);

export const JourneyInput = Type.Object(
  {
    recruitment: Type.Optional(Recruitment),
    legs: Type.Array(Leg, { maxItems: 50 }),
    exploitation: Type.Optional(Exploitation),
    exit: Type.Optional(Exit),
    returnHome: Type.Optional(ReturnHome),
  },
  { additionalProperties: false },
);
export type JourneyInputT = Static<typeof JourneyInput>;
export const Journey = Type.Object({ id: Id, ...JourneyInput.properties });
export type JourneyT = Static<typeof Journey>;

export const OtherName = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    script: Type.Optional(Type.String({ pattern: '^[A-Z][a-z]{3}$', description: 'ISO 15924 code, e.g. Latn, Beng, Deva, Hans' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639 code, e.g. bn, ne' })),
  },
  { additionalProperties: false },
);

export const IdentityDocument = Type.Object(
  {
    kind: StringEnum(DOCUMENT_KINDS),
    number: Type.String({ minLength: 1, maxLength: 60 }),
    country: CountryCode,
    expiry: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);

export const Contact = Type.Object(
  {
    kind: StringEnum(CONTACT_KINDS),
    value: Type.String({ minLength: 1, maxLength: 300 }),
    platform: Type.Optional(Text(60, 'for handles: telegram, whatsapp, line, wechat, signal, facebook…')),
  },
  { additionalProperties: false },
);

export const PersonInput = Type.Object(
  {
    role: StringEnum(PERSON_ROLES),
    name: Type.Optional(Type.String({ maxLength: 300, description: 'as written, in its own script' })),
    otherNames: Type.Optional(Type.Array(OtherName, { maxItems: 30 })),
    birthDate: Type.Optional(DateOnly),
    age: Type.Optional(Type.Integer({ minimum: 0, maximum: 120, description: 'age when the case was opened' })),
    ageBand: Type.Optional(StringEnum(AGE_BANDS)),
    gender: Type.Optional(StringEnum(GENDERS)),
    nationalities: Type.Optional(Type.Array(CountryCode, { uniqueItems: true, maxItems: 5 })),
    documents: Type.Optional(Type.Array(IdentityDocument, { maxItems: 20 })),
    contacts: Type.Optional(Type.Array(Contact, { maxItems: 50 })),
    journey: Type.Optional(Type.Integer({ minimum: 0, description: 'with a new case: index into its journeys' })),
    journeyId: Type.Optional(Id),
    notes: Type.Optional(Text(10_000)),
  },
  { additionalProperties: false },
);
export type PersonInputT = Static<typeof PersonInput>;

export const Person = Type.Object({
  id: Id,
  role: StringEnum(PERSON_ROLES),
  /** True when the caller sees a child victim's masked record. */
  masked: Type.Boolean(),
  child: Type.Boolean(),
  name: Type.Union([Type.String(), Type.Null()]),
  otherNames: Type.Array(OtherName),
  birthDate: Type.Union([DateOnly, Type.Null()]),
  age: Type.Union([Type.Integer(), Type.Null()]),
  ageBand: Type.Union([StringEnum(AGE_BANDS), Type.Null()]),
  gender: StringEnum(GENDERS),
  nationalities: Type.Array(CountryCode),
  documents: Type.Array(IdentityDocument),
  contacts: Type.Array(Contact),
  journeyId: Type.Union([Id, Type.Null()]),
  notes: Type.String(),
});
export type PersonT = Static<typeof Person>;

export const CaseCreate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    summary: Type.Optional(Text(20_000)),
    status: Type.Optional(StringEnum(CASE_STATUSES)),
    openedOn: DateOnly,
    closedOn: Type.Optional(DateOnly),
    offences: Type.Optional(Type.Array(StringEnum(OFFENCES), { uniqueItems: true, maxItems: OFFENCES.length })),
    outcomeIds: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 1000, description: 'outcomes the case produced' })),
    journeys: Type.Optional(Type.Array(JourneyInput, { maxItems: 100 })),
    persons: Type.Optional(Type.Array(PersonInput, { maxItems: 1000 })),
    ...SharingFields,
  },
  { additionalProperties: false },
);
export type CaseCreateT = Static<typeof CaseCreate>;

export const CaseUpdate = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    summary: Type.Optional(Text(20_000)),
    status: Type.Optional(StringEnum(CASE_STATUSES)),
    closedOn: Type.Optional(DateOnly),
    offences: Type.Optional(Type.Array(StringEnum(OFFENCES), { uniqueItems: true, maxItems: OFFENCES.length })),
    ...SharingFields,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CaseUpdateT = Static<typeof CaseUpdate>;

export const OutcomeLinks = Type.Object({ outcomeIds: Type.Array(Id, { minItems: 1, maxItems: 1000, uniqueItems: true }) }, { additionalProperties: false });

const CaseFields = {
  id: Id,
  operationId: Id,
  title: Type.String(),
  status: StringEnum(CASE_STATUSES),
  openedOn: DateOnly,
  closedOn: Type.Union([DateOnly, Type.Null()]),
  offences: Type.Array(StringEnum(OFFENCES)),
  ...SharingOut,
};

export const CaseSummary = Type.Object({
  ...CaseFields,
  victims: Type.Integer(),
  children: Type.Integer(),
  persons: Type.Integer(),
});

export const LinkedOutcome = Type.Object({ id: Id, kind: Type.String(), at: Type.String(), country: CountryCode, persons: Type.Integer() });

export const Case = Type.Object({
  ...CaseFields,
  summary: Type.String(),
  persons: Type.Array(Person),
  journeys: Type.Array(Journey),
  outcomes: Type.Array(LinkedOutcome, { description: 'the linked outcomes the caller may see' }),
  hiddenOutcomes: Type.Integer({ description: 'linked outcomes the caller may not see (told to the case owners only; 0 for others)' }),
});
export type CaseT = Static<typeof Case>;

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(CASE_STATUSES)),
    bureau: Type.Optional(Id),
    offence: Type.Optional(StringEnum(OFFENCES)),
    nationality: Type.Optional({ ...CountryCode, description: 'cases with a victim of this nationality' }),
    country: Type.Optional({ ...CountryCode, description: 'cases whose journeys pass through or end in this country' }),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'words in the title' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CaseFilter = Static<typeof CaseListQuery>;

export const Route = Type.Object({
  path: Type.Array(CountryCode, { description: 'countries in travel order, from origin through transit to destination' }),
  victims: Type.Integer(),
  cases: Type.Integer(),
});
