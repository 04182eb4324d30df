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
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
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

export interface Schema {
  bureaus: BureausTable;
  users: UsersTable;
  sessions: SessionsTable;
  operations: OperationsTable;
  operation_phases: OperationPhasesTable;
  operation_bureaus: OperationBureausTable;
  hotspots: HotspotsTable;
  inspections: InspectionsTable;
  inspection_rollup: InspectionRollupTable;
  outcomes: OutcomesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
