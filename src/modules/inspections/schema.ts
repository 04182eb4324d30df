import { Type } from 'typebox';
import { CountryCode, Id, PageQuery, SharingFields, SharingOut, StringEnum, Timestamp, TimeRangeQuery } from '../../server/schemas/common.ts';

export { INSPECTION_KINDS } from '../../shared/vocabulary.ts';
import { INSPECTION_KINDS, NOTES_MAX_LENGTH } from '../../shared/vocabulary.ts';
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const InspectionCreate = Type.Object(
  {
    hotspotId: Id,
    at: Timestamp,
    kind: StringEnum(INSPECTION_KINDS),
    personsChecked: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    notes: Type.Optional(Type.String({ maxLength: NOTES_MAX_LENGTH })),
    ...SharingFields,
  },
  { additionalProperties: false },
);

export const Inspection = Type.Object({
  id: Id,
  operationId: Id,
  hotspotId: Type.Union([Id, Type.Null()], { description: 'null when the hotspot is not shared with the caller' }),
  country: CountryCode,
  at: Timestamp,
  kind: StringEnum(INSPECTION_KINDS),
  personsChecked: Type.Integer(),
  notes: Type.String(),
  ...SharingOut,
});

export const InspectionListQuery = Type.Object(
  {
    country: Type.Optional(CountryCode),
    bureau: Type.Optional(Id),
    hotspot: Type.Optional(Id),
    kind: Type.Optional(StringEnum(INSPECTION_KINDS)),
    ...TimeRangeQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type InspectionCreateInput = Type.Static<typeof InspectionCreate>;
export type InspectionFilter = Type.Static<typeof InspectionListQuery>;
