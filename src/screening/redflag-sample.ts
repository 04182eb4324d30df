// How far the red flags agree with people's marks on 50 EMSCAD ads (the redflag sample), next to
// how far an LLM agreed with the same people, so the benchmark can print both.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { findRedFlags } from './redflags.ts';
import type { Ad, FlagId } from './types.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REDFLAG_SAMPLE_DIR = resolve(REPO_ROOT, '../shared/data/emscad/redflag-sample');

/**
 * The people's marks and the flag of ours that answers each. The other four marks judge the
 * quality of an ad's writing (a mismatch, a conflict, vagueness, a sales pitch), which no
 * scam-centre indicator reads; they are reported as not screened.
 */
export const HUMAN_FLAG_MAP: readonly { human: string; column: string; ours: FlagId | null }[] = [
  { human: 'sensitive_info', column: 'manual_flag1_sensitive_info', ours: 'documents_or_fees' },
  { human: 'unrealistic_comp', column: 'manual_flag2_unrealistic_comp', ours: 'high_pay' },
  { human: 'pressure_tactics', column: 'manual_flag3_pressure_tactics', ours: 'urgency' },
  { human: 'anon_employer', column: 'manual_flag4_anon_employer', ours: 'vague_company' },
  { human: 'req_role_mismatch', column: 'manual_flag5_req_role_mismatch', ours: null },
  { human: 'info_conflict', column: 'manual_flag6_info_conflict', ours: null },
  { human: 'vague_info', column: 'manual_flag7_vague_info', ours: null },
  { human: 'promo_template', column: 'manual_flag8_promo_template', ours: null },
];

export interface Agreement {
  n: number;
  oursPositive: number;
  humanPositive: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  /** Per cent of ads where both say the same. */
  agreement: number;
  kappa: number;
}

export interface FlagAgreement {
  human: string;
  /** Our flag for this mark, or null when it is not screened. */
  ours: FlagId | null;
  /** Our agreement with the people; null when not screened. */
  screener: Agreement | null;
  /** The LLM's agreement with the same people (manual_vs_ai_comparison.csv). */
  llm: Agreement | null;
}

export interface RedflagSampleReport {
  ads: number;
  flags: FlagAgreement[];
  /** Per ad: its sample id and the flags we raised (for reading the disagreements). */
  rows: { sampleId: string; title: string; ours: FlagId[]; human: string[] }[];
}

/** Cohen's kappa and the confusion counts of two yes/no raters. */
export function agreementOf(ours: boolean[], human: boolean[]): Agreement {
  const n = ours.length;
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    if (ours[i] && human[i]) tp++;
    else if (!ours[i] && !human[i]) tn++;
    else if (ours[i]) fp++;
    else fn++;
  }
  return fromCounts(n, tp, tn, fp, fn);
}

function fromCounts(n: number, tp: number, tn: number, fp: number, fn: number): Agreement {
  const observed = n === 0 ? 0 : (tp + tn) / n;
  const expected = n === 0 ? 0 : ((tp + fp) * (tp + fn) + (tn + fn) * (tn + fp)) / (n * n);
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return {
    n,
    oursPositive: tp + fp,
    humanPositive: tp + fn,
    tp,
    tn,
    fp,
    fn,
    agreement: Math.round(observed * 1000) / 10,
    kappa: Math.round(kappa * 1000) / 1000,
  };
}

/**
 * EMSCAD's scrape turned non-breaking spaces and curly quotes into runs of '?' or U+FFFD, kept
 * HTML entities, and glued list items together ("RIGHT NOWApply"); undo that before reading.
 */
function clean(value: string | undefined): string {
  return (value ?? '')
    .replace(/(?:\uFFFD\??|\?{2,})+/g, ' ')
    .replace(/([A-Z]{2,})(?=[A-Z][a-z])/g, '$1 ')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

/** The Ad an EMSCAD row stands for: text = description + requirements + benefits. */
export function adFromRow(row: Record<string, string>): Ad {
  const text = [row.description, row.requirements, row.benefits]
    .map(clean)
    .filter((part) => part !== '')
    .join('\n');
  const pay = clean(row.salary_range);
  return {
    text,
    title: clean(row.title) || undefined,
    location: clean(row.location) || undefined,
    company: clean(row.company_profile) || undefined,
    pay: pay && pay !== '0-0' ? pay : undefined,
  };
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
}

/** The sample's rows, as read from its CSV. */
export function readSampleRows(dir: string = REDFLAG_SAMPLE_DIR): Record<string, string>[] {
  return readCsv(join(dir, 'sample_for_review.csv'));
}

/**
 * Runs the red flags over the redflag sample and measures agreement with the people's marks.
 * @example const report = redflagAgreement(); report.flags.find((f) => f.human === 'pressure_tactics')?.screener?.agreement
 */
export function redflagAgreement(dir: string = REDFLAG_SAMPLE_DIR): RedflagSampleReport {
  const rows = readSampleRows(dir);
  const llmRows = readCsv(join(dir, 'manual_vs_ai_comparison.csv'));
  const results = rows.map((row) => new Set(findRedFlags(adFromRow(row)).flags.map((hit) => hit.flag)));
  const flags = HUMAN_FLAG_MAP.map(({ human, column, ours }): FlagAgreement => {
    const humanMarks = rows.map((row) => row[column]?.trim() === '1');
    const llmRow = llmRows.find((row) => row['AI Column']?.endsWith(human));
    const llm = llmRow
      ? fromCounts(
          Number(llmRow['N Compared']),
          Number(llmRow['True Positive']),
          Number(llmRow['True Negative']),
          Number(llmRow['False Positive']),
          Number(llmRow['False Negative']),
        )
      : null;
    const screener = ours
      ? agreementOf(
          results.map((flagged) => flagged.has(ours)),
          humanMarks,
        )
      : null;
    return { human, ours, screener, llm };
  });
  return {
    ads: rows.length,
    flags,
    rows: rows.map((row, i) => ({
      sampleId: row.sample_id ?? String(i + 1),
      title: clean(row.title),
      ours: [...results[i]!],
      human: HUMAN_FLAG_MAP.filter(({ column }) => row[column]?.trim() === '1').map(({ human }) => human),
    })),
  };
}
