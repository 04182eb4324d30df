import { Type } from 'typebox';
import { CountryCode, Id, PageQuery, SharingFields, SharingOut, StringEnum } from '../../server/schemas/common.ts';

export const HOTSPOT_KINDS = [
  'border_crossing',
  'airport',
  'seaport',
  'bus_terminal',
  'recruitment_office',
  'massage_parlour',
  'market',
  'coastline_sector',
  'scam_compound',
  'other',
] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

export const HotspotCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    country: CountryCode,
    kind: StringEnum(HOTSPOT_KINDS),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    ...SharingFields,
  },
  { additionalProperties: false },
);

export const Hotspot = Type.Object({
  id: Id,
  operationId: Id,
  name: Type.String(),
  country: CountryCode,
  kind: StringEnum(HOTSPOT_KINDS),
  latitude: Type.Number(),
  longitude: Type.Number(),
  ...SharingOut,
});

export const HotspotListQuery = Type.Object(
  {
    country: Type.Optional(CountryCode),
    kind: Type.Optional(StringEnum(HOTSPOT_KINDS)),
    bureau: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type HotspotCreateInput = Type.Static<typeof HotspotCreate>;
export type HotspotFilter = Type.Static<typeof HotspotListQuery>;
