// Person matches as the API gives and takes them: a pair of persons judged the same by the
// linkage model, its score and explanation, and the analyst's decision.
import { type Static, Type } from 'typebox';
import { CountryCode, DateOnly, Id, PageQuery, StringEnum, Timestamp } from '../../server/schemas/common.ts';

export const MATCH_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const MATCH_DECISIONS = ['confirmed', 'rejected'] as const;

export const MatchPerson = Type.Object({
  id: Id,
  name: Type.String({ description: 'as written, in its own script' }),
  role: Type.String({ description: 'victim, suspect, recruiter, facilitator or witness' }),
  caseId: Id,
  caseTitle: Type.String(),
  ownerCountry: CountryCode,
  birthDate: Type.Union([DateOnly, Type.Null()]),
  nationalities: Type.Array(CountryCode),
});

export const MatchEvidence = Type.Object({
  field: Type.String({ description: 'nameFirstWord, nameOtherWords, gender, nationality, birthDate or document' }),
  level: Type.String({ description: "how the two values agree: 'exact', 'jaro-winkler ≥ 0.92', 'missing'…" }),
  weight: Type.Number({ description: 'log2(m/u): what this field added to the match weight' }),
});

export const PersonMatch = Type.Object({
  id: Id,
  score: Type.Number({ minimum: 0, maximum: 1, description: 'probability that both are the same person' }),
  explanation: Type.Array(MatchEvidence),
  status: StringEnum(MATCH_STATUSES),
  note: Type.String(),
  decidedAt: Type.Union([Timestamp, Type.Null()]),
  decidedBy: Type.Union([Type.String({ description: 'username' }), Type.Null()]),
  left: MatchPerson,
  right: MatchPerson,
});
export type PersonMatchT = Static<typeof PersonMatch>;

export const HiddenMatch = Type.Object({
  personId: Id,
  hit: Type.String({ description: 'token to ask the holding bureau for cooperation (POST /api/hits/:token/request)' }),
});
export type HiddenMatchT = Static<typeof HiddenMatch>;

export const PersonMatchListQuery = Type.Object(
  { status: Type.Optional(StringEnum(MATCH_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);
export type PersonMatchListQueryT = Static<typeof PersonMatchListQuery>;

export const PersonMatchPage = Type.Object({
  items: Type.Array(PersonMatch),
  next: Type.Union([Type.String(), Type.Null()], { description: 'cursor of the next page, null on the last' }),
  hiddenMatches: Type.Array(HiddenMatch, {
    description: 'matches on your persons with someone you may not see: a hit token only (first page only)',
  }),
});

export const PersonMatchesOfPerson = Type.Object({
  personId: Id,
  items: Type.Array(PersonMatch, { description: 'proposed and confirmed matches, highest score first' }),
  hiddenMatches: Type.Array(HiddenMatch),
});

export const PersonMatchDecision = Type.Object(
  {
    decision: StringEnum(MATCH_DECISIONS),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type PersonMatchDecisionT = Static<typeof PersonMatchDecision>;

export const PersonMatchRun = Type.Object({
  persons: Type.Integer({ description: 'persons of the operation compared' }),
  candidatePairs: Type.Integer({ description: 'pairs the blocking keys put side by side' }),
  proposed: Type.Integer({ description: 'new matches stored; pairs stored before (whatever their decision) are never proposed again' }),
  model: StringEnum(['em', 'priors'] as const, 'em: fitted to the operation; priors: fixed, too few pairs to fit'),
});
export type PersonMatchRunT = Static<typeof PersonMatchRun>;
