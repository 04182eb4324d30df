// Prevention campaigns (radio spots, pamphlets, outreach at borders and markets…) as the API takes
// and gives them.
import { type Static, Type } from 'typebox';
import {
  CountryCode,
  DateOnly,
  Id,
  PageQuery,
  SharingFields,
  SharingOut,
  StringEnum,
  Timestamp,
} from '../../server/schemas/common.ts';

export const CAMPAIGN_CHANNELS = [
  'radio',
  'pamphlets',
  'border_outreach',
  'markets',
  'massage_parlours',
  'social_media',
  'television',
  'schools',
  'other',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export const MAX_PLACES = 50;
/** The reach column is a PostgreSQL integer. */
export const MAX_REACH = 2_147_483_647;

const Title = Type.String({ minLength: 1, maxLength: 300 });
const Places = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: MAX_PLACES,
  description: 'towns, districts, crossings or markets, written in their own script (e.g. बिरगंज)',
});
const Audience = Type.String({
  maxLength: 500,
  description: 'who the campaign speaks to, e.g. "young women seeking work abroad"',
});
const Reach = Type.Integer({
  minimum: 0,
  maximum: MAX_REACH,
  description: 'estimated number of people reached',
});
const Notes = Type.String({ maxLength: 10_000 });

export const CampaignCreate = Type.Object(
  {
    title: Title,
    channel: StringEnum(CAMPAIGN_CHANNELS),
    country: Type.Optional({
      ...CountryCode,
      description: "where the campaign runs; defaults to your bureau's country",
    }),
    places: Type.Optional(Places),
    audience: Type.Optional(Audience),
    startsOn: DateOnly,
    endsOn: { ...DateOnly, description: 'YYYY-MM-DD, on or after startsOn' },
    reach: Type.Optional(Reach),
    notes: Type.Optional(Notes),
    ...SharingFields,
  },
  { additionalProperties: false },
);
export type CampaignCreateT = Static<typeof CampaignCreate>;

export const CampaignUpdate = Type.Object(
  {
    title: Type.Optional(Title),
    channel: Type.Optional(StringEnum(CAMPAIGN_CHANNELS)),
    country: Type.Optional(CountryCode),
    places: Type.Optional(Places),
    audience: Type.Optional(Audience),
    startsOn: Type.Optional(DateOnly),
    endsOn: Type.Optional(DateOnly),
    reach: Type.Optional(
      // null first: with type coercion on, an integer branch first would turn null into 0.
      Type.Union([Type.Null(), Reach], {
        description: 'estimated number of people reached; null removes the estimate',
      }),
    ),
    notes: Type.Optional(Notes),
    ...SharingFields,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CampaignUpdateT = Static<typeof CampaignUpdate>;

export const Campaign = Type.Object({
  id: Id,
  operationId: Id,
  title: Type.String(),
  channel: StringEnum(CAMPAIGN_CHANNELS),
  country: CountryCode,
  places: Type.Array(Type.String()),
  audience: Type.String(),
  startsOn: DateOnly,
  endsOn: DateOnly,
  reach: Type.Union([Type.Integer(), Type.Null()]),
  notes: Type.String(),
  createdAt: Timestamp,
  ...SharingOut,
});
export type CampaignT = Static<typeof Campaign>;

const CampaignFilterFields = {
  country: Type.Optional(CountryCode),
  channel: Type.Optional(StringEnum(CAMPAIGN_CHANNELS)),
  bureau: Type.Optional({ ...Id, description: 'campaigns of this bureau' }),
  from: Type.Optional({ ...DateOnly, description: 'campaigns still running on or after this day' }),
  to: Type.Optional({ ...DateOnly, description: 'campaigns started on or before this day' }),
};

export const CampaignListQuery = Type.Object(
  { ...CampaignFilterFields, ...PageQuery },
  { additionalProperties: false },
);
export const CampaignSummaryQuery = Type.Object(CampaignFilterFields, { additionalProperties: false });
/** What narrows both the list and the summary. */
export type CampaignFilter = Static<typeof CampaignSummaryQuery>;
export type CampaignListFilter = Static<typeof CampaignListQuery>;

const Figures = {
  campaigns: Type.Integer(),
  reach: Type.Integer({ description: 'sum of the estimated reach of the campaigns that have one' }),
  withoutReach: Type.Integer({ description: 'campaigns with no reach estimate, left out of `reach`' }),
};

export const CampaignSummary = Type.Object({
  operationId: Id,
  totals: Type.Object(Figures),
  byCountryChannel: Type.Array(
    Type.Object({ country: CountryCode, channel: StringEnum(CAMPAIGN_CHANNELS), ...Figures }),
  ),
});
export type CampaignSummaryT = Static<typeof CampaignSummary>;
