// Typed description of the tables, for Kysely. Kept in step with src/db/migrations by hand.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type Sharing = 'owner' | 'listed' | 'operation';
export const SHARINGS = ['owner', 'listed', 'operation'] as const;

/** Columns every bureau-owned record carries. */
export interface Owned {
  owner_bureau_id: string;
  sharing: Sharing;
  shared_with: string[];
}

export interface BureausTable {
  id: Generated<string>;
  country: string;
  name: string;
  kind: 'coordinator' | 'national_bureau' | 'border_agency' | 'partner';
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  bureau_id: string;
  roles: string[];
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  /** Base32 TOTP secret in use (set once a code confirmed it). */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** Base32 TOTP secret being enrolled, until POST /api/auth/totp/enable confirms it. */
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled: Generated<boolean>;
  /** RFC 6238 time step of the last code accepted: a code is accepted once. */
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  last_login_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SessionsTable {
  token_hash: string;
  id: Generated<string>;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  user_agent: string | null;
  address: string | null;
}

/** Consecutive failed (or running) logins per username tried, known or not. */
export interface LoginBackoffTable {
  username: string;
  failures: number;
  last_attempt_at: Date;
}

/** One row per failed login from a client address. */
export interface LoginFailuresTable {
  id: Generated<string>;
  address: string;
  at: Generated<Date>;
}

export interface OperationsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  coordinator_bureau_id: string;
  funders: Generated<string[]>;
  created_at: CreatedAt;
}

export interface OperationPhasesTable {
  id: Generated<string>;
  operation_id: string;
  name: string;
  starts_on: string;
  ends_on: string;
}

export interface OperationBureausTable {
  operation_id: string;
  bureau_id: string;
}

export interface HotspotsTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  country: string;
  name: string;
  kind: string;
  latitude: number;
  longitude: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InspectionsTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  hotspot_id: string;
  at: Date;
  kind: string;
  persons_checked: number;
  notes: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InspectionRollupTable {
  operation_id: string;
  day: string;
  hotspot_id: string;
  owner_bureau_id: string;
  kind: string;
  inspections: number;
  persons_checked: number;
}

export interface OutcomesTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  kind: string;
  at: Date;
  country: string;
  hotspot_id: string | null;
  persons: number;
  offences: string[];
  investigation_status: string | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_bureau_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  operation_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
}

/** A jsonb column: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface CasesTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  title: string;
  summary: Generated<string>;
  status: 'open' | 'closed';
  opened_on: string;
  closed_on: string | null;
  offences: string[];
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface CaseOutcomesTable {
  operation_id: string;
  case_id: string;
  outcome_id: string;
}

export interface JourneysTable {
  operation_id: string;
  id: Generated<string>;
  case_id: string;
  recruitment: Json<unknown> | null;
  exploitation: Json<unknown> | null;
  exit: Json<unknown> | null;
  return_home: Json<unknown> | null;
}

export interface JourneyLegsTable {
  operation_id: string;
  journey_id: string;
  seq: number;
  from_country: string;
  from_city: string;
  to_country: string;
  to_city: string;
  on_date: string | null;
  mode: 'air' | 'land' | 'sea';
  transit: boolean;
  facilitator: string;
}

export interface CasePersonsTable {
  operation_id: string;
  id: Generated<string>;
  case_id: string;
  role: string;
  name: string;
  other_names: Json<unknown>;
  birth_date: string | null;
  age: number | null;
  age_band: string | null;
  gender: 'female' | 'male' | 'other' | 'unknown';
  nationalities: string[];
  documents: Json<unknown>;
  contacts: Json<unknown>;
  journey_id: string | null;
  is_child: boolean;
  notes: Generated<string>;
  created_at: CreatedAt;
}

export interface EntityMentionsTable {
  operation_id: string;
  id: Generated<string>;
  case_id: string;
  person_id: string | null;
  kind: string;
  raw: string;
  value: string;
  valid: boolean;
  problem: string | null;
  details: Json<Record<string, string>>;
  source: 'contact' | 'document' | 'manual';
  position: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EntityHitsTable {
  operation_id: string;
  id: Generated<string>;
  seeker_bureau_id: string;
  kind: string;
  value: string;
  seeker_case_id: string | null;
  first_seen_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EntityHitHoldersTable {
  operation_id: string;
  hit_id: string;
  case_id: string;
  bureau_id: string;
  first_seen_at: CreatedAt;
}

export interface EntityLookupsTable {
  id: Generated<number>;
  operation_id: string;
  user_id: string;
  bureau_id: string;
  identifier_hash: string;
  at: Generated<Date>;
}

export interface EntityLookupHoldersTable {
  lookup_id: number;
  holder_bureau_id: string;
}

export interface ProbeAlertsTable {
  operation_id: string;
  id: Generated<string>;
  holder_bureau_id: string;
  seeker_bureau_id: string;
  seeker_user_id: string;
  identifiers: number;
  window_start: Date;
  window_end: Date;
  created_at: CreatedAt;
}

export interface PersonMatchesTable {
  operation_id: string;
  id: Generated<string>;
  left_person_id: string;
  right_person_id: string;
  score: number;
  explanation: ColumnType<unknown[], string | undefined, string>;
  status: Generated<'proposed' | 'confirmed' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | null;
  note: Generated<string>;
  created_at: CreatedAt;
}

export interface CooperationRequestsTable {
  operation_id: string;
  id: Generated<string>;
  from_bureau_id: string;
  case_id: string | null;
  subject: string;
  priority: 'normal' | 'urgent';
  due_on: string | null;
  status: 'open' | 'answered' | 'closed';
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  closed_at: Date | null;
  hit_id: string | null;
}

export interface CooperationAddresseesTable {
  operation_id: string;
  request_id: string;
  bureau_id: string;
  first_answer_at: Date | null;
}

export interface CooperationMessagesTable {
  operation_id: string;
  id: Generated<string>;
  request_id: string;
  bureau_id: string;
  author_id: string | null;
  body: string;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface CampaignsTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  title: string;
  channel: string;
  country: string;
  places: string[];
  audience: string;
  starts_on: string;
  ends_on: string;
  reach: number | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface OperationHelplinesTable {
  operation_id: string;
  country: string;
  position: number;
  name: string;
  phone: string | null;
  url: string | null;
  hours: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface PublicReportsTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  country: string;
  language: string;
  ad: Json<Record<string, string>>;
  score: number;
  level: 'low' | 'medium' | 'high';
  flags: string[];
  reporter_contact: string | null;
  status: Generated<'new' | 'reviewed' | 'dismissed'>;
  reviewed_by: string | null;
  created_at: CreatedAt;
}

export interface OperationTravellerChecklistsTable {
  operation_id: string;
  indicators: Json<unknown[]>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface TravellerScreeningsTable extends Owned {
  operation_id: string;
  id: Generated<string>;
  hotspot_id: string;
  at: Date;
  indicators: string[];
  score: number;
  level: 'low' | 'medium' | 'high';
  recommended_action: string;
  action_taken: string;
  travellers: number;
  outcome_id: string;
  created_by: string | null;
  created_at: CreatedAt;
}

/** One Idempotency-Key of one user (or of the public routes): see migration 010. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  token: string;
  state: 'pending' | 'written' | 'done';
  locked_at: ColumnType<Date, Date | undefined, Date>;
  status: number | null;
  content_type: string | null;
  body: string | null;
  entity: string | null;
  entity_id: string | null;
  /** How long the key is remembered (migration 014): 24, or 720 for the field records of an outbox. */
  keep_hours: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

/** One file imported into an operation, by its SHA-256: see migration 011. */
export interface ImportFilesTable {
  id: Generated<string>;
  operation_id: string;
  owner_bureau_id: string;
  kind: 'inspection' | 'outcome';
  sha256: string;
  rows: number;
  bytes: ColumnType<string, number | string, never>;
  forced: ColumnType<boolean, boolean | undefined, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type JobKind = 'person_matching' | 'export' | 'import';
export type JobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** A background job: see migration 013. */
export interface JobsTable {
  id: Generated<string>;
  kind: JobKind;
  operation_id: string | null;
  owner_bureau_id: string;
  created_by: string;
  input: ColumnType<Record<string, unknown>, string, string>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  done: ColumnType<number, number | undefined, number>;
  total: number | null;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  result_type: string | null;
  error: ColumnType<{ error: string; message: string; field?: string } | null, string | null | undefined, string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A slice of a job's input or result file. */
export interface JobChunksTable {
  job_id: string;
  part: 'input' | 'result';
  seq: number;
  bytes: Uint8Array;
}

/** A request count of one route and client network in its window: see migration 012. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Date;
}

export interface Schema {
  operation_traveller_checklists: OperationTravellerChecklistsTable;
  traveller_screenings: TravellerScreeningsTable;
  bureaus: BureausTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_backoff: LoginBackoffTable;
  login_failures: LoginFailuresTable;
  operations: OperationsTable;
  operation_phases: OperationPhasesTable;
  operation_bureaus: OperationBureausTable;
  hotspots: HotspotsTable;
  inspections: InspectionsTable;
  inspection_rollup: InspectionRollupTable;
  outcomes: OutcomesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  cases: CasesTable;
  case_outcomes: CaseOutcomesTable;
  journeys: JourneysTable;
  journey_legs: JourneyLegsTable;
  case_persons: CasePersonsTable;
  entity_mentions: EntityMentionsTable;
  entity_hits: EntityHitsTable;
  entity_hit_holders: EntityHitHoldersTable;
  entity_lookups: EntityLookupsTable;
  entity_lookup_holders: EntityLookupHoldersTable;
  probe_alerts: ProbeAlertsTable;
  person_matches: PersonMatchesTable;
  cooperation_requests: CooperationRequestsTable;
  cooperation_addressees: CooperationAddresseesTable;
  cooperation_messages: CooperationMessagesTable;
  campaigns: CampaignsTable;
  operation_helplines: OperationHelplinesTable;
  public_reports: PublicReportsTable;
  idempotency_keys: IdempotencyKeysTable;
  import_files: ImportFilesTable;
  rate_limits: RateLimitsTable;
  jobs: JobsTable;
  job_chunks: JobChunksTable;
}
