// Background jobs as the API shows them: what was asked, how far it is, and where its result is.
import { type Static, Type } from 'typebox';
import { Id, StringEnum, Timestamp } from '../../server/schemas/common.ts';

export const JOB_KINDS = ['person_matching', 'export', 'import'] as const;
export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
/** What a whole-operation export job may write. */
export const EXPORT_FORMATS = ['ctdc', 'htcds', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const Job = Type.Object({
  id: Id,
  kind: StringEnum(JOB_KINDS),
  operationId: Type.Union([Id, Type.Null()]),
  /** The username of whoever started it. */
  createdBy: Type.Union([Type.String(), Type.Null()]),
  input: Type.Record(Type.String(), Type.Unknown(), { description: 'what the job was asked to do (an export’s format, say)' }),
  state: StringEnum(JOB_STATES),
  progress: Type.Object({
    done: Type.Integer({ minimum: 0 }),
    total: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'null while the job does not know yet' }),
  }),
  /** What the request would have answered had it waited (counts, ids); null until completed. */
  result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** Where to download the file the job made (an export), once completed. */
  resultUrl: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([
    Type.Object({ error: Type.String(), message: Type.String(), field: Type.Optional(Type.String()), row: Type.Optional(Type.Integer()) }),
    Type.Null(),
  ]),
  createdAt: Timestamp,
  startedAt: Type.Union([Timestamp, Type.Null()]),
  finishedAt: Type.Union([Timestamp, Type.Null()]),
});

/** 202 to a request that started a job: the job and where to follow it. */
export const JobAccepted = Type.Object({ job: Job, location: Type.String({ description: 'GET it for the state and progress' }) });

export const JobListQuery = Type.Object(
  {
    active: Type.Optional(Type.Boolean({ description: 'only jobs queued or running' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const JobList = Type.Object({ items: Type.Array(Job) });

export const ExportJobRequest = Type.Object(
  { format: StringEnum(EXPORT_FORMATS, 'ctdc or htcds: victims as CSV; ftm: cases, persons and identifiers as FollowTheMoney JSON lines') },
  { additionalProperties: false },
);

export type JobT = Static<typeof Job>;
export type JobAcceptedT = Static<typeof JobAccepted>;
