// Cooperation requests between the bureaus of an operation, as the API takes and gives them:
// the request, its addressees, its thread of messages, the inbox and sent lists and the statistics.
import { type Static, Type } from 'typebox';
import { CountryCode, DateOnly, Id, PageQuery, StringEnum, Timestamp } from '../../server/schemas/common.ts';

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const BOXES = ['inbox', 'sent', 'all'] as const;

const Body = (description: string) => Type.String({ minLength: 1, maxLength: 20_000, description });

export const CooperationRequestCreate = Type.Object(
  {
    to: Type.Array(Id, {
      minItems: 1,
      maxItems: 50,
      description:
        'ids of the bureaus asked: each takes part in the operation, none is your own or a partner bureau',
    }),
    caseId: Type.Optional({
      ...Id,
      description:
        "a case your bureau owns: sending shares it with the addressees' countries (an `owner` case becomes `listed`; a `listed` one gains them)",
    }),
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    priority: Type.Optional(
      StringEnum(
        PRIORITIES,
        'default normal; forced to urgent, whatever is sent, when the case has a child victim',
      ),
    ),
    dueOn: Type.Optional({ ...DateOnly, description: 'YYYY-MM-DD, today (UTC) or later' }),
    message: Body('the first message of the thread: what is asked'),
  },
  { additionalProperties: false },
);
export type CooperationRequestCreateT = Static<typeof CooperationRequestCreate>;

export const CooperationRequestCreated = Type.Object({
  id: Id,
  priority: StringEnum(PRIORITIES, 'as stored: urgent when the case has a child victim'),
});

export const CooperationMessageCreate = Type.Object(
  { body: Body('the message') },
  { additionalProperties: false },
);

export const BureauRef = Type.Object({ id: Id, country: CountryCode, name: Type.String() });

export const Addressee = Type.Object({
  id: Type.Union([Id, Type.Null()]),
  country: Type.Union([CountryCode, Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  hidden: Type.Boolean({
    description: 'a request sent from a hit: the holding bureau is not named to the sender until it answers',
  }),
  firstAnswerAt: Type.Union([Timestamp, Type.Null()], {
    description: "when the bureau's first message was posted",
  }),
});

const RequestFields = {
  id: Id,
  operationId: Id,
  subject: Type.String(),
  priority: StringEnum(PRIORITIES),
  status: StringEnum(REQUEST_STATUSES),
  dueOn: Type.Union([DateOnly, Type.Null()]),
  createdAt: Timestamp,
  closedAt: Type.Union([Timestamp, Type.Null()]),
  overdue: Type.Boolean({ description: 'still open (nobody has answered) and past its due date' }),
  caseId: Type.Union([Id, Type.Null()]),
  fromHit: Type.Boolean({ description: 'sent from a hit on a record the sender may not see' }),
  from: BureauRef,
  to: Type.Array(Addressee),
  /** What the caller may do with the request, so clients hide buttons without repeating the rules. */
  can: Type.Object({ post: Type.Boolean(), close: Type.Boolean() }),
};

export const CooperationRequestSummary = Type.Object({ ...RequestFields, messages: Type.Integer() });
export type CooperationRequestSummaryT = Static<typeof CooperationRequestSummary>;

export const CooperationMessage = Type.Object({
  id: Id,
  bureauId: Id,
  country: CountryCode,
  author: Type.Union([Type.String(), Type.Null()], { description: 'username of the author' }),
  at: Timestamp,
  body: Type.String(),
});
export type CooperationMessageT = Static<typeof CooperationMessage>;

export const CooperationRequest = Type.Object({ ...RequestFields, messages: Type.Array(CooperationMessage) });
export type CooperationRequestT = Static<typeof CooperationRequest>;

export const CooperationListQuery = Type.Object(
  {
    box: Type.Optional(
      StringEnum(BOXES, 'inbox: sent to your bureau; sent: sent by your bureau; all (default): both'),
    ),
    status: Type.Optional(StringEnum(REQUEST_STATUSES)),
    priority: Type.Optional(StringEnum(PRIORITIES)),
    case: Type.Optional({ ...Id, description: 'requests about this case' }),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CooperationFilter = Static<typeof CooperationListQuery>;

const Hours = Type.Union([Type.Number(), Type.Null()], { description: 'null when the bureau answered none' });

export const BureauCooperation = Type.Object({
  bureauId: Id,
  country: CountryCode,
  name: Type.String(),
  received: Type.Integer(),
  sent: Type.Integer(),
  answered: Type.Integer({ description: 'received requests the bureau has answered' }),
  medianHoursToFirstAnswer: Hours,
  p90HoursToFirstAnswer: Hours,
});

export const CooperationStats = Type.Object({ operationId: Id, bureaus: Type.Array(BureauCooperation) });
export type CooperationStatsT = Static<typeof CooperationStats>;
