// A person match as a caller sees it: only ever built for a caller who may see both persons
// (canSeeMatch), so it carries both persons' names and cases and nothing from the database besides.
import type { MatchSide } from '../../access/matches.ts';
import type { MatchRow } from './repo.ts';
import type { PersonMatchT } from './schema.ts';

type SideName = 'left' | 'right';

/** One person of a match row, with what decides who may see them. */
export function sideOf(row: MatchRow, side: SideName): MatchSide & { id: string; case_id: string } {
  return side === 'left'
    ? { id: row.left_id, case_id: row.left_case_id, operation_id: row.operation_id, owner_bureau_id: row.left_owner_bureau_id, sharing: row.left_sharing, shared_with: row.left_shared_with, is_child: row.left_is_child }
    : { id: row.right_id, case_id: row.right_case_id, operation_id: row.operation_id, owner_bureau_id: row.right_owner_bureau_id, sharing: row.right_sharing, shared_with: row.right_shared_with, is_child: row.right_is_child };
}

function personOf(row: MatchRow, side: SideName): PersonMatchT['left'] {
  const left = side === 'left';
  return {
    id: left ? row.left_id : row.right_id,
    name: left ? row.left_name : row.right_name,
    role: left ? row.left_role : row.right_role,
    caseId: left ? row.left_case_id : row.right_case_id,
    caseTitle: left ? row.left_case_title : row.right_case_title,
    ownerCountry: left ? row.left_owner_country : row.right_owner_country,
    birthDate: left ? row.left_birth_date : row.right_birth_date,
    nationalities: left ? row.left_nationalities : row.right_nationalities,
  };
}

/** The explanation as stored: a list of { field, level, weight }. */
function evidenceOf(explanation: unknown): PersonMatchT['explanation'] {
  if (!Array.isArray(explanation)) return [];
  return explanation.map((e: { field?: unknown; level?: unknown; weight?: unknown }) => ({
    field: String(e.field ?? ''),
    level: String(e.level ?? ''),
    weight: Number(e.weight ?? 0),
  }));
}

export function presentMatch(row: MatchRow): PersonMatchT {
  return {
    id: row.id,
    score: row.score,
    explanation: evidenceOf(row.explanation),
    status: row.status,
    note: row.note,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decidedBy: row.decided_by_username ?? null,
    left: personOf(row, 'left'),
    right: personOf(row, 'right'),
  };
}
