import { Type } from 'typebox';
import { CountryCode, DateOnly } from '../../server/schemas/common.ts';

const figures = {
  inspections: Type.Integer(),
  personsChecked: Type.Integer(),
  arrests: Type.Integer(),
  rescues: Type.Integer(),
  investigations: Type.Integer(),
  interceptions: Type.Integer(),
  smugglersApprehended: Type.Integer(),
  migrantsIntercepted: Type.Integer(),
};

export const Results = Type.Object({
  operationId: Type.String(),
  totals: Type.Object({ ...figures, hotspots: Type.Integer(), countries: Type.Integer() }),
  byCountry: Type.Array(Type.Object({ country: CountryCode, hotspots: Type.Integer(), ...figures })),
  byOffence: Type.Array(Type.Object({ offence: Type.String(), count: Type.Integer() })),
  byDay: Type.Array(Type.Object({ day: DateOnly, ...figures })),
  byHotspotKind: Type.Array(Type.Object({ kind: Type.String(), hotspots: Type.Integer(), inspections: Type.Integer() })),
});

export type ResultsBody = Type.Static<typeof Results>;
