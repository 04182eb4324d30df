// Entities as the API gives them: a case's identifiers as written and normalised, whether each is
// valid, and where else in the operation it appears; entities added by hand; hits on records the
// caller may not see; and the link graph across cases and countries.
import { type Static, Type } from 'typebox';
import { IDENTIFIER_KINDS } from '../../entities/identifiers/identifier.ts';
import { CountryCode, DateOnly, Id, StringEnum, Timestamp } from '../../server/schemas/common.ts';

/** The kinds of entity a case holds: every identifier kind, one list for the normaliser and the API. */
export const ENTITY_KINDS = IDENTIFIER_KINDS;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const EntityLink = Type.Object({ caseId: Id, title: Type.String(), ownerCountry: CountryCode });

export const CaseEntity = Type.Object({
  id: Id,
  kind: StringEnum(ENTITY_KINDS),
  personId: Type.Union([Id, Type.Null()]),
  source: Type.String({ description: 'contact, document or manual' }),
  masked: Type.Boolean({ description: "a child victim's identifier: only the owner bureau's officers see it" }),
  raw: Type.Union([Type.String(), Type.Null()], { description: 'as written; null when masked' }),
  value: Type.Union([Type.String(), Type.Null()], { description: 'normalised (E.164, checksummed address…); null when masked' }),
  valid: Type.Boolean(),
  problem: Type.Union([Type.String(), Type.Null()], { description: 'why it is not valid' }),
  details: Type.Record(Type.String(), Type.String()),
  links: Type.Array(EntityLink, { description: 'other cases you may see where the same identifier appears' }),
  hiddenMatch: Type.Boolean({
    description: 'the same identifier appears in a record you may not see; nothing more about it is told',
  }),
  hit: Type.Union([Id, Type.Null()], {
    description: 'when hiddenMatch: the token to ask the holding bureau for cooperation with (POST /api/hits/:hit/request)',
  }),
  can: Type.Object({ remove: Type.Boolean({ description: 'an entity added by hand that you may remove' }) }),
});
export type CaseEntityT = Static<typeof CaseEntity>;

export const CaseEntities = Type.Object({
  caseId: Id,
  can: Type.Object({ add: Type.Boolean({ description: 'you may add entities to this case by hand' }) }),
  entities: Type.Array(CaseEntity),
});

export const EntityCreate = Type.Object(
  {
    kind: StringEnum(ENTITY_KINDS),
    value: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'as written: the number, address, handle, URL, name of the company or compound, or text of the job ad',
    }),
    personId: Type.Optional(Id),
    platform: Type.Optional(Type.String({ maxLength: 40, description: 'for a handle: telegram, whatsapp, line, wechat…' })),
    country: Type.Optional(
      Type.Union([CountryCode], {
        description: "issuing country of a document; country of a company or compound; a phone's region when it has no country code",
      }),
    ),
    documentType: Type.Optional(StringEnum(['passport', 'identity_card', 'residence_permit', 'visa', 'driving_licence', 'other'] as const)),
    title: Type.Optional(Type.String({ maxLength: 200, description: 'a job ad: its title' })),
    url: Type.Optional(Type.String({ maxLength: 500, description: 'a job ad: where it was posted' })),
    place: Type.Optional(Type.String({ maxLength: 200, description: 'a scam compound: town or district' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type EntityCreateT = Static<typeof EntityCreate>;

export const EntityCreated = Type.Object({ id: Id, entity: CaseEntity });

export const EntityParams = Type.Object({ id: Id, entityId: Id });

export const HitRequestCreate = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 10000, description: 'what you ask the holding bureau' }),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    priority: Type.Optional(StringEnum(['normal', 'urgent'] as const)),
    dueOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type HitRequestCreateT = Static<typeof HitRequestCreate>;

/** A hit on one of the caller's bureau's records, as its holder sees it. */
export const HitReceived = Type.Object({
  hit: Id,
  kind: Type.String(),
  value: Type.String({ description: 'the identifier looked at, as held in your record' }),
  caseId: Id,
  caseTitle: Type.String(),
  seeker: Type.Object({ id: Id, country: CountryCode, name: Type.String() }),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
  requestId: Type.Union([Id, Type.Null()], { description: 'the cooperation request the seeker sent from this hit' }),
});
export type HitReceivedT = Static<typeof HitReceived>;

export const ProbeAlert = Type.Object({
  id: Id,
  seeker: Type.Object({ id: Id, country: CountryCode, name: Type.String() }, { description: 'the bureau of the user who looked' }),
  user: Type.Object({ id: Id, username: Type.String(), displayName: Type.String() }, { description: 'the user who looked' }),
  identifiers: Type.Integer({ minimum: 1, description: "distinct identifiers of your bureau's records, hidden from them, that they looked up" }),
  windowStart: Timestamp,
  windowEnd: Timestamp,
});
export type ProbeAlertT = Static<typeof ProbeAlert>;

/** 429: too many identifiers looked up in the last hour; `retryAfter` in seconds (also the Retry-After header). */
export const LookupsLimitedBody = Type.Object({ error: Type.Literal('rate_limited'), message: Type.String(), retryAfter: Type.Integer({ minimum: 1 }) });

export const GraphQuery = Type.Object(
  {
    depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, default: 2, description: 'hops from case to case' })),
  },
  { additionalProperties: false },
);

export const GraphNode = Type.Object({
  id: Type.String({ description: 'case:<id>, person:<id>, entity:<kind>:<value> or hidden:<hit>' }),
  type: StringEnum(['case', 'person', 'entity', 'hidden'] as const),
  label: Type.String(),
  kind: Type.Optional(Type.String({ description: 'entity and hidden nodes: the identifier kind' })),
  caseId: Type.Optional(Id),
  personId: Type.Optional(Id),
  entityId: Type.Optional(Type.String({ description: 'entity nodes: the id of one of its mentions you may see' })),
  country: Type.Optional(CountryCode),
  role: Type.Optional(Type.String()),
  hit: Type.Optional(Id),
});
export type GraphNodeT = Static<typeof GraphNode>;

export const GraphEdge = Type.Object({
  id: Type.String(),
  source: Type.String(),
  target: Type.String(),
  type: StringEnum(['in_case', 'uses', 'mentions', 'same_person', 'hidden_match'] as const, 
    'in_case: person in case; uses: a person\'s identifier; mentions: a case-level entity; same_person: a confirmed (or proposed) person match; hidden_match: held in a record you may not see'),
  status: Type.Optional(Type.String({ description: 'same_person: confirmed or proposed' })),
});
export type GraphEdgeT = Static<typeof GraphEdge>;

export const Graph = Type.Object({
  start: Type.String({ description: 'the node the walk started from' }),
  depth: Type.Integer(),
  truncated: Type.Boolean({ description: 'the walk stopped at the node limit' }),
  countries: Type.Array(CountryCode, { description: 'the owner countries of the cases in the graph' }),
  nodes: Type.Array(GraphNode),
  edges: Type.Array(GraphEdge),
});
export type GraphT = Static<typeof Graph>;
