// The screener's trained text model: 5-fold cross-validated precision, recall and F1 of the
// fraudulent class on EMSCAD's train_balanced.csv, and scoring throughput on raw EMSCAD ads.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadScreenerModel } from '../src/screening/model/model.ts';
import { adTextForModel } from '../src/screening/model/prepare.ts';
import { crossValidate, readLabelledAds } from '../src/screening/model/train.ts';

const EMSCAD = resolve(import.meta.dirname, '../../shared/data/emscad');
const SCORED_ADS = 20_000;

/** Raw ads of an EMSCAD postings file (fj_small.csv), their fields joined as the model reads them. */
function readRawAds(path: string): string[] {
  const records = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  return records.map((r) =>
    adTextForModel({
      company: r.company_profile,
      text: [r.description, r.requirements, r.benefits].join(' '),
      title: r.title,
      location: r.location,
    }),
  );
}

/** Prints the CV figures (the same folds and settings as the committed model) and ads scored per second. */
export async function benchScreenerModel() {
  const model = loadScreenerModel();
  const { hyperparameters, crossValidation } = model.file;
  console.log('\n## Screener text model (hashed word + character n-grams, logistic regression)');
  console.log('| measure | value |');
  console.log('|---|---|');
  const started = performance.now();
  const rows = readLabelledAds(resolve(EMSCAD, 'train_balanced.csv'));
  const cv = crossValidate(rows, crossValidation.folds, crossValidation.seed, hyperparameters);
  const cvSeconds = (performance.now() - started) / 1000;
  console.log(
    `| train_balanced.csv ads (fraudulent) | ${rows.length} (${rows.filter((r) => r.fraudulent).length}) |`,
  );
  console.log(`| 5-fold CV precision | ${cv.precision.toFixed(3)} |`);
  console.log(`| 5-fold CV recall | ${cv.recall.toFixed(3)} |`);
  console.log(`| 5-fold CV F1 | ${cv.f1.toFixed(3)} |`);
  console.log(`| 5-fold CV accuracy | ${cv.accuracy.toFixed(3)} |`);
  console.log(`| CV seconds | ${cvSeconds.toFixed(1)} |`);

  const raw = readRawAds(resolve(EMSCAD, 'fj_small.csv'));
  const ads = Array.from({ length: SCORED_ADS }, (_, i) => raw[i % raw.length]!);
  const meanChars = ads.reduce((sum, ad) => sum + ad.length, 0) / ads.length;
  for (let i = 0; i < 500; i++) model.probability(ads[i]!); // warm-up
  let flagged = 0;
  const scoring = performance.now();
  for (const ad of ads) if (model.probability(ad) >= 0.5) flagged++;
  const seconds = (performance.now() - scoring) / 1000;
  console.log(
    `| ads scored (fj_small.csv repeated; mean characters) | ${ads.length.toLocaleString('en')} (${meanChars.toFixed(0)}) |`,
  );
  console.log(
    `| scoring throughput, one core (ads/s) | ${Math.round(ads.length / seconds).toLocaleString('en')} |`,
  );
  console.log(`| mean ms per ad | ${((seconds * 1000) / ads.length).toFixed(3)} |`);
  console.log(
    `| mean ms per 1,500 characters | ${((seconds * 1000 * 1500) / (ads.length * meanChars)).toFixed(3)} |`,
  );
  console.log(`| share scored ≥ 0.5 | ${(flagged / ads.length).toFixed(3)} |`);
}
