// Deduplication at scale: a million generated person records (BENCH_PEOPLE=N for another size)
// through `dedupePeople`, with the time of each phase, peak memory, pairs compared and F1.
import { dedupePeople } from '../src/matching/linkage.ts';
import { generatePeople, scoreGenerated } from './people.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Peak RSS and heap, sampled every 100 ms while the run goes on. */
function watchMemory() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed + now.arrayBuffers);
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      // maxRSS (KiB) also catches peaks between samples.
      return { rss: Math.max(rss, process.resourceUsage().maxRSS * 1024), heap };
    },
  };
}

/** Prints records, pairs compared, seconds per phase, peak memory and F1 against the generator's truth. */
export async function benchDedupeScale() {
  const count = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
  console.log(`\n## Deduplication of ${count.toLocaleString('en')} generated people (dedupePeople)`);
  let started = performance.now();
  const records = generatePeople(count);
  const generating = (performance.now() - started) / 1000;
  const memory = watchMemory();
  started = performance.now();
  // Yield once so that the memory sampler has started before the synchronous run.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const result = dedupePeople(records, { onProgress: (note) => process.stderr.write(`  ${note}\n`) });
  const total = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const quality = scoreGenerated(result.matches, records);
  const { blocking, comparing, em, scoring } = result.seconds;
  console.log(
    '| records | pairs compared | blocking s | comparing s | EM s | scoring s | total s | peak RSS | peak heap | precision | recall | F1 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const cells = [
    count.toLocaleString('en'),
    result.candidatePairs.toLocaleString('en'),
    blocking.toFixed(1),
    comparing.toFixed(1),
    em.toFixed(2),
    scoring.toFixed(1),
    total.toFixed(1),
    mb(peak.rss),
    mb(peak.heap),
    quality.precision.toFixed(4),
    quality.recall.toFixed(4),
    quality.f1.toFixed(4),
  ];
  console.log(`| ${cells.join(' | ')} |`);
  console.log(
    `(records generated in ${generating.toFixed(1)} s, not counted; ${result.matches.length.toLocaleString('en')} matches, TP / FP / FN ${quality.truePositives} / ${quality.falsePositives} / ${quality.falseNegatives})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDedupeScale();
