// Throughput of `cordon screen ads` on one core: the real command (node bin/cordon.js, pinned to
// one CPU with taskset where it is there) over a CSV of raw EMSCAD ads repeated to ADS rows,
// timed from spawn to exit, so start-up, CSV parsing and writing all count.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';

const RAW = resolve(import.meta.dirname, '../../shared/data/emscad/fj_small.csv');
const CLI = resolve(import.meta.dirname, '../bin/cordon.js');
const ADS = 50_000;

async function rawAds(): Promise<{ title: string; company: string; text: string }[]> {
  const ads: { title: string; company: string; text: string }[] = [];
  for await (const row of createReadStream(RAW).pipe(parse({ columns: true }))) {
    const r = row as Record<string, string>;
    ads.push({ title: r.title ?? '', company: r.company_profile ?? '', text: [r.description, r.requirements, r.benefits].filter(Boolean).join('\n') });
  }
  return ads;
}

export async function benchScreenerThroughput() {
  const ads = await rawAds();
  const dir = mkdtempSync(join(tmpdir(), 'cordon-screen-bench-'));
  try {
    const input = join(dir, 'ads.csv');
    const rows = Array.from({ length: ADS }, (_, i) => {
      const ad = ads[i % ads.length]!;
      return [String(i + 1), ad.text, ad.title, ad.company];
    });
    writeFileSync(input, stringify([['id', 'text', 'title', 'company'], ...rows]));
    const meanChars = Math.round(ads.reduce((n, a) => n + a.text.length + a.title.length + a.company.length, 0) / ads.length);
    const pinned = spawnSync('taskset', ['--version']).status === 0;
    const output = join(dir, 'scores.csv');
    // GNU time gives the command's CPU seconds (on a busy machine the wall clock also counts the
    // time the core spent on other work) and its peak memory, which must not grow with the file.
    const gnuTime = existsSync('/usr/bin/time');
    const command = [...(pinned ? ['taskset', '-c', '1'] : []), process.execPath, CLI, 'screen', 'ads', '--in', input, '--out', output];
    const started = performance.now();
    const run = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S rss %M', ...command], { encoding: 'utf8' })
      : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`cordon screen ads failed: ${run.stderr}`);
    const [, user, system, rss] = run.stderr.match(/cpu ([\d.]+) ([\d.]+) rss (\d+)/) ?? [];
    const cpu = gnuTime ? Number(user) + Number(system) : Number.NaN;
    const peakMb = gnuTime ? Number(rss) / 1024 : Number.NaN;
    const written = readFileSync(output, 'utf8').split('\n').filter(Boolean).length - 1;
    console.log('\n## `cordon screen ads` throughput (one core)');
    console.log('| ads | mean characters per ad | input MB | wall seconds | ads/s (wall) | CPU seconds | ads per CPU second | peak memory MB | pinned to one CPU | load average |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${written.toLocaleString('en')} | ${meanChars.toLocaleString('en')} | ${(statSync(input).size / 1048576).toFixed(1)} | ${seconds.toFixed(1)} | ${Math.round(written / seconds).toLocaleString('en')} | ${cpu.toFixed(1)} | ${Math.round(written / cpu).toLocaleString('en')} | ${peakMb.toFixed(0)} | ${pinned ? 'yes (taskset -c 1)' : 'no'} | ${loadavg()[0]!.toFixed(1)} |`,
    );
    console.log(run.stdout.trim().split('\n').map((l) => `  ${l}`).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
