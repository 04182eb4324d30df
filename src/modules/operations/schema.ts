import { Type } from 'typebox';
import { CountryCode, DateOnly, Id } from '../../server/schemas/common.ts';

export const PhaseCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), startsOn: DateOnly, endsOn: DateOnly },
  { additionalProperties: false },
);

export const OperationCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    phases: Type.Array(PhaseCreate, { maxItems: 50, default: [] }),
    bureauIds: Type.Array(Id, { maxItems: 300, description: 'participating bureaus', default: [] }),
    funders: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, default: [] }),
  },
  { additionalProperties: false },
);

export const Phase = Type.Object({ id: Id, name: Type.String(), startsOn: DateOnly, endsOn: DateOnly });

export const ParticipantBureau = Type.Object({
  id: Id,
  country: CountryCode,
  name: Type.String(),
  kind: Type.String(),
});

export const Operation = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  coordinatorBureauId: Id,
  phases: Type.Array(Phase),
  bureaus: Type.Array(ParticipantBureau),
  funders: Type.Array(Type.String()),
  /** What the caller may do in the operation, so clients show only what will be accepted. */
  can: Type.Object({
    manage: Type.Boolean({ description: 'change the operation, its phases and bureaus' }),
    logEntries: Type.Boolean({ description: 'log inspections and outcomes' }),
    openCases: Type.Boolean(),
    recordCampaigns: Type.Boolean(),
    sendRequests: Type.Boolean({ description: 'send cooperation requests' }),
  }),
});

export type OperationCreateInput = {
  name: string;
  description?: string | undefined;
  phases: { name: string; startsOn: string; endsOn: string }[];
  bureauIds: string[];
  funders: string[];
};
