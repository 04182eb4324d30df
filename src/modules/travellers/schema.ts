// Payloads of traveller screening: the operation's checklist, an assessment, a recorded screening.
import { Type } from 'typebox';
import {
  Id,
  PageQuery,
  SharingFields,
  SharingOut,
  StringEnum,
  Timestamp,
} from '../../server/schemas/common.ts';
import {
  ACTIONS_TAKEN,
  INDICATOR_CATEGORIES,
  MAX_WEIGHT,
  RECOMMENDED_ACTIONS,
  RISK_LEVELS,
} from './checklist.ts';

export const LABEL_LANGUAGES = ['en', 'id', 'es', 'zh'] as const;

export const IndicatorId = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,47}$',
  description: 'indicator id: lower-case letters, digits and _',
});
const Weight = Type.Integer({
  minimum: 0,
  maximum: MAX_WEIGHT,
  description: `points the red flag adds, 0–${MAX_WEIGHT}`,
});
const Label = Type.String({ minLength: 1, maxLength: 200 });
const Labels = Type.Object(
  { en: Type.Optional(Label), id: Type.Optional(Label), es: Type.Optional(Label), zh: Type.Optional(Label) },
  {
    additionalProperties: false,
    description: "an operation's own indicator's text per language; en is required",
  },
);

export const TravellerIndicatorSetting = Type.Object(
  {
    id: IndicatorId,
    weight: Weight,
    enabled: Type.Boolean(),
    category: Type.Optional(StringEnum(INDICATOR_CATEGORIES, "the operation's own indicators only")),
    labels: Type.Optional(Labels),
  },
  { additionalProperties: false },
);

export const TravellerChecklistUpdate = Type.Object(
  {
    indicators: Type.Array(TravellerIndicatorSetting, {
      maxItems: 100,
      description: "defaults to reweigh or switch off, and the operation's own indicators",
    }),
  },
  { additionalProperties: false },
);

export const TravellerChecklist = Type.Object({
  operationId: Id,
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      category: StringEnum(INDICATOR_CATEGORIES),
      weight: Type.Integer(),
      enabled: Type.Boolean(),
      custom: Type.Boolean(),
      labels: Type.Record(Type.String(), Type.String()),
      sources: Type.Array(Type.String()),
    }),
  ),
  thresholds: Type.Object({ medium: Type.Integer(), high: Type.Integer() }),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
  can: Type.Object({ update: Type.Boolean(), screen: Type.Boolean() }),
});

const Ticked = Type.Array(IndicatorId, {
  maxItems: 100,
  uniqueItems: true,
  description: 'ids of the red flags seen',
});

export const TravellerAssess = Type.Object({ indicators: Ticked }, { additionalProperties: false });

export const TravellerAssessment = Type.Object({
  score: Type.Integer(),
  level: StringEnum(RISK_LEVELS),
  recommendedAction: StringEnum(RECOMMENDED_ACTIONS),
  weighed: Type.Array(Type.Object({ id: Type.String(), weight: Type.Integer() })),
});

export const TravellerScreeningCreate = Type.Object(
  {
    hotspotId: {
      ...Id,
      description: 'the checkpoint: a border crossing, airport, seaport or bus terminal you may see',
    },
    indicators: { ...Ticked, minItems: 1 },
    travellers: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 500, default: 1, description: 'travellers intercepted together' }),
    ),
    actionTaken: Type.Optional(StringEnum(ACTIONS_TAKEN, 'default intercepted')),
    at: Type.Optional({ ...Timestamp, description: 'when; default now' }),
    ...SharingFields,
  },
  { additionalProperties: false },
);

export const TravellerScreeningRecorded = Type.Object({
  id: Id,
  outcomeId: Id,
  ...TravellerAssessment.properties,
});

export const TravellerScreening = Type.Object({
  id: Id,
  operationId: Id,
  hotspotId: Type.Union([Id, Type.Null()]),
  at: Timestamp,
  indicators: Type.Array(Type.String()),
  score: Type.Integer(),
  level: StringEnum(RISK_LEVELS),
  recommendedAction: StringEnum(RECOMMENDED_ACTIONS),
  actionTaken: StringEnum(ACTIONS_TAKEN),
  travellers: Type.Integer(),
  outcomeId: Id,
  ...SharingOut,
});

export const TravellerScreeningListQuery = Type.Object(
  { hotspot: Type.Optional(Id), level: Type.Optional(StringEnum(RISK_LEVELS)), ...PageQuery },
  { additionalProperties: false },
);

export type TravellerChecklistUpdateInput = Type.Static<typeof TravellerChecklistUpdate>;
export type TravellerScreeningCreateInput = Type.Static<typeof TravellerScreeningCreate>;
export type TravellerScreeningFilter = Type.Static<typeof TravellerScreeningListQuery>;
