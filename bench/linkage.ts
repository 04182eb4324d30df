// Person record linkage on the FEBRL benchmark files: dataset4a × dataset4b (linkage) and
// dataset1 (deduplication), with a model fitted without labels; FEBRL's ids only score it.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { scoreAgainstFebrl } from '../src/matching/evaluate.ts';
import { type LinkageResult, dedupePeople, linkPeople } from '../src/matching/linkage.ts';
import { type PersonRecord, readPersonRecords } from '../src/matching/records.ts';

const FEBRL = resolve(import.meta.dirname, '../../shared/data/febrl');

const read = (file: string) => readPersonRecords(createReadStream(resolve(FEBRL, file)), 'febrl');

function row(
  task: string,
  result: LinkageResult,
  seconds: number,
  left: PersonRecord[],
  right?: PersonRecord[],
) {
  const q = scoreAgainstFebrl(result.matches, left, right);
  const cells = [
    task,
    q.precision.toFixed(4),
    q.recall.toFixed(4),
    q.f1.toFixed(4),
    seconds.toFixed(2),
    result.candidatePairs.toLocaleString('en'),
    `${q.truePositives} / ${q.falsePositives} / ${q.falseNegatives}`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

/** Prints precision, recall, F1, seconds and candidate pairs for both FEBRL tasks. */
export async function benchLinkage() {
  console.log('\n## Person record linkage (FEBRL, Fellegi–Sunter with EM, no labels)');
  console.log('| task | precision | recall | F1 | seconds | candidate pairs | TP / FP / FN |');
  console.log('|---|---|---|---|---|---|---|');
  const [left, right, people] = await Promise.all([
    read('dataset4a.csv'),
    read('dataset4b.csv'),
    read('dataset1.csv'),
  ]);
  let started = performance.now();
  const linked = linkPeople(left, right);
  row('dataset4a × dataset4b (5,000 × 5,000)', linked, (performance.now() - started) / 1000, left, right);
  started = performance.now();
  const deduplicated = dedupePeople(people);
  row('dataset1 dedup (1,000)', deduplicated, (performance.now() - started) / 1000, people);
}
