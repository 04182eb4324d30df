// Reported offers as officers see them.
import type { Actor } from '../../access/actor.ts';
import { canReviewPublicReport } from '../../access/screening.ts';
import type { FlagId } from '../../screening/types.ts';
import type { PublicReportT } from './schema.ts';

interface ReportRow {
  operation_id: string;
  id: string;
  owner_bureau_id: string;
  sharing: 'owner' | 'listed' | 'operation';
  shared_with: string[];
  country: string;
  language: string;
  ad: Record<string, string>;
  score: number;
  level: 'low' | 'medium' | 'high';
  flags: string[];
  reporter_contact: string | null;
  status: 'new' | 'reviewed' | 'dismissed';
  created_at: Date;
}

/** The short reference a person may quote: the first eight characters of the report's id, upper case. */
export function reportReference(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

export function presentPublicReport(actor: Actor, row: ReportRow): PublicReportT {
  return {
    id: row.id,
    reference: reportReference(row.id),
    country: row.country,
    language: row.language,
    ad: { text: row.ad.text ?? '', ...row.ad },
    score: row.score,
    level: row.level,
    flags: row.flags as FlagId[],
    contact: row.reporter_contact,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    can: { review: canReviewPublicReport(actor, row) },
  };
}
