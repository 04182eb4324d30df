// `cordon screen ads --in ads.csv --out scores.csv`: screens a feed of job ads for recruitment-scam
// red flags. Needs no database: the screener is the red-flag data and the committed model.
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { screenAdsCsv } from '../modules/screening/bulk.ts';
import { action, progressBar } from './context.ts';
import { cliIo } from './io.ts';

export function screenCommand(program: Command) {
  const screen = program.command('screen').description('screen job ads and offers for recruitment-scam red flags');
  screen
    .command('ads')
    .description('screen a CSV of ads (columns id,text; optional title,pay,location,contact,url,company) into id,score,level,flags')
    .requiredOption('--in <file>', 'CSV of ads')
    .requiredOption('--out <file>', 'CSV to write the scores to (written whole or not at all)')
    .action(
      action(async (options: { in: string; out: string }) => {
        const size = statSync(options.in).size;
        const input = createReadStream(options.in, { highWaterMark: 1 << 20 });
        const bar = progressBar('screen', size, 'bytes');
        input.on('data', () => bar.update(input.bytesRead));
        const partial = `${options.out}.partial`;
        try {
          const summary = await screenAdsCsv(input, createWriteStream(partial));
          renameSync(partial, options.out);
          bar.stop();
          cliIo().stdout.write(`ads: ${summary.ads}\nhigh: ${summary.high}\nmedium: ${summary.medium}\nlow: ${summary.low}\n`);
        } catch (error) {
          bar.stop();
          rmSync(partial, { force: true });
          throw error;
        }
      }),
    );
}
