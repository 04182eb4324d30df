// Scores a linkage against FEBRL's truth (records numbered alike are one person). Used only to
// measure results, never to fit: the model sees no labels.
import type { PersonMatch } from './linkage.ts';
import type { PersonRecord } from './records.ts';

export type LinkageQuality = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
};

/** The person a FEBRL record id names: 'rec-1070-dup-0' → '1070'. */
export function febrlPerson(recordId: string): string {
  const person = /^rec-(\d+)-/.exec(recordId)?.[1];
  if (person === undefined)
    throw new Error(`"${recordId}" is not a FEBRL record id (rec-<number>-org or rec-<number>-dup-<k>)`);
  return person;
}

function countByPerson(records: readonly PersonRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(febrlPerson(r.id), (counts.get(febrlPerson(r.id)) ?? 0) + 1);
  return counts;
}

/**
 * Precision, recall and F1 of matches against FEBRL ids; pass `right` for linkage, omit it for
 * deduplication (then every pair of records of one person counts once).
 *
 * @example
 * scoreAgainstFebrl(result.matches, fileA, fileB).f1; // 0.99…
 */
export function scoreAgainstFebrl(
  matches: readonly PersonMatch[],
  left: readonly PersonRecord[],
  right?: readonly PersonRecord[],
): LinkageQuality {
  const leftCounts = countByPerson(left);
  let truth = 0;
  if (right) {
    const rightCounts = countByPerson(right);
    for (const [person, n] of leftCounts) truth += n * (rightCounts.get(person) ?? 0);
  } else {
    for (const n of leftCounts.values()) truth += (n * (n - 1)) / 2;
  }
  const truePositives = matches.filter((m) => febrlPerson(m.leftId) === febrlPerson(m.rightId)).length;
  const falsePositives = matches.length - truePositives;
  const falseNegatives = truth - truePositives;
  const precision = matches.length ? truePositives / matches.length : 0;
  const recall = truth ? truePositives / truth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
