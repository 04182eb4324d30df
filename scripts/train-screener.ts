// `npm run train:screener [path/to/train.csv]`: cross-validates the screener model, prints the
// figures, trains it on every row and writes src/screening/model/screener-model.json.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL_PATH } from '../src/screening/model/model.ts';
import { readLabelledAds, trainScreener } from '../src/screening/model/train.ts';

const source = resolve(
  process.argv[2] ?? resolve(import.meta.dirname, '../../shared/data/emscad/train_balanced.csv'),
);
const started = performance.now();
const rows = readLabelledAds(source);
console.log(
  `Training on ${rows.length} ads from ${source} (${rows.filter((r) => r.fraudulent).length} fraudulent).`,
);
const { file, crossValidation: cv } = trainScreener(rows, { source });
const pct = (x: number) => x.toFixed(3);
console.log('| fold | precision | recall | F1 | accuracy |');
console.log('|---|---|---|---|---|');
cv.perFold.forEach((f, i) => {
  console.log(`| ${i + 1} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${pct(f.accuracy)} |`);
});
console.log(`| all | ${pct(cv.precision)} | ${pct(cv.recall)} | ${pct(cv.f1)} | ${pct(cv.accuracy)} |`);
console.log(`Platt calibration: a = ${file.calibration.a.toFixed(4)}, b = ${file.calibration.b.toFixed(4)}`);
const json = `${JSON.stringify(file, null, 2)}\n`;
writeFileSync(MODEL_PATH, json);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Wrote ${MODEL_PATH} (${(json.length / 1024).toFixed(0)} KB) in ${seconds} s.`);
