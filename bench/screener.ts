// The ad screener: the text model's 5-fold cross-validated figures and scoring speed
// (bench/screener-model.ts), the red flags against the people's marks on the 50 ads of the
// redflag sample, the combined verdict on raw EMSCAD ads, and `cordon screen ads` on one core
// (bench/screener-throughput.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { redflagAgreement } from '../src/screening/redflag-sample.ts';
import { screenAd } from '../src/screening/screen.ts';
import { benchScreenerModel } from './screener-model.ts';
import { benchScreenerThroughput } from './screener-throughput.ts';

const pct = (n: number) => `${n.toFixed(1)}%`;

function benchRedflagSample() {
  const report = redflagAgreement();
  console.log(`\n## Red flags against the people's marks (redflag-sample, ${report.ads} EMSCAD ads)`);
  console.log("| people's mark | our flag | ours + | people + | TP | FP | FN | TN | agreement | Cohen's κ | LLM agreement | LLM κ |");
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const f of report.flags) {
    const s = f.screener;
    const llm = f.llm ? `${pct(f.llm.agreement)} | ${f.llm.kappa.toFixed(3)}` : '– | –';
    if (!s) {
      console.log(`| ${f.human} | not screened | | | | | | | | | ${llm} |`);
      continue;
    }
    console.log(
      `| ${f.human} | ${f.ours} | ${s.oursPositive} | ${s.humanPositive} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${pct(s.agreement)} | ${s.kappa.toFixed(3)} | ${llm} |`,
    );
  }
}

/** The combined verdict (flags + model) on raw EMSCAD ads with their labels: levels and ranking. */
function benchCombined() {
  const rows = parse(readFileSync(resolve(import.meta.dirname, '../../shared/data/emscad/fj_small.csv')), { columns: true }) as Record<string, string>[];
  const scored = rows.map((r) => ({
    fraudulent: r.fraudulent === '1',
    verdict: screenAd({
      title: r.title,
      company: r.company_profile,
      location: r.location,
      pay: r.salary_range,
      text: [r.description, r.requirements, r.benefits].filter(Boolean).join('\n'),
    }),
  }));
  const count = (fraudulent: boolean, level: string) => scored.filter((s) => s.fraudulent === fraudulent && s.verdict.level === level).length;
  let pairs = 0;
  let won = 0;
  for (const a of scored) {
    if (!a.fraudulent) continue;
    for (const b of scored) {
      if (b.fraudulent) continue;
      pairs++;
      won += a.verdict.score > b.verdict.score ? 1 : a.verdict.score === b.verdict.score ? 0.5 : 0;
    }
  }
  console.log(`\n## Combined verdict on raw EMSCAD ads (fj_small.csv: ${scored.length} ads, ${scored.filter((s) => s.fraudulent).length} fraudulent)`);
  console.log('| ads | high | medium | low |');
  console.log('|---|---|---|---|');
  for (const fraudulent of [true, false]) {
    console.log(`| ${fraudulent ? 'fraudulent' : 'legitimate'} | ${count(fraudulent, 'high')} | ${count(fraudulent, 'medium')} | ${count(fraudulent, 'low')} |`);
  }
  console.log(`ROC AUC of the score: ${(won / pairs).toFixed(3)}`);
}

export async function benchScreener() {
  await benchScreenerModel();
  benchRedflagSample();
  benchCombined();
  await benchScreenerThroughput();
}
