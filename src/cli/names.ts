// `cordon names compare --in F.csv --out G.csv`: scores each pair of names (columns name1,name2)
// across scripts and word orders, streaming rows through with `score` and `match` added.
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { Invalid } from '../errors.ts';
import { compareNames } from '../matching/names.ts';
import { action } from './context.ts';
import { cliIo } from './io.ts';

type Row = Record<string, string>;

const HELP = `
Input: a CSV with a header row and columns name1,name2 (other columns are passed through).
Output: the same rows with two columns added: score (0..1) and match (true when score ≥ --threshold).
Names in any script are transliterated (pinyin for Chinese) and compared whatever their word order.

Example:
  cordon names compare --in pairs.csv --out scored.csv`;

function scoreRows(threshold: number, onRow: (row: number) => void) {
  let row = 1;
  return new Transform({
    objectMode: true,
    transform(record: Row, _encoding, done) {
      row++;
      if (record.name1 === undefined || record.name2 === undefined) {
        done(new Invalid('the file needs columns name1 and name2 in its header row', 'name1', 1));
        return;
      }
      const { score } = compareNames(record.name1, record.name2);
      onRow(row);
      done(null, { ...record, score: score.toFixed(4), match: String(score >= threshold) });
    },
  });
}

export function namesCommand(program: Command) {
  const names = program
    .command('names')
    .description('compare person names across scripts, spellings and word orders');
  names
    .command('compare')
    .description('score each pair of names in a CSV (columns name1,name2) and say whether they match')
    .requiredOption('--in <file>', 'CSV with columns name1,name2')
    .requiredOption('--out <file>', 'the same rows with score and match columns added')
    .option('--threshold <score>', 'lowest score that counts as a match', '0.85')
    .addHelpText('after', HELP)
    .action(
      action(async (options: { in: string; out: string; threshold: string }) => {
        const threshold = Number(options.threshold);
        if (!(threshold >= 0 && threshold <= 1))
          throw new Invalid('--threshold is a score from 0 to 1', 'threshold');
        let rows = 0;
        const report = (row: number) => {
          rows = row - 1;
          if (rows % 10_000 === 0)
            cliIo().stderr.write(`names: ${rows.toLocaleString('en')} pairs compared\n`);
        };
        await pipeline(
          createReadStream(options.in),
          parse({ columns: (header: string[]) => header.map((h) => h.trim()), bom: true }),
          scoreRows(threshold, report),
          stringify({ header: true }),
          createWriteStream(options.out),
        );
        cliIo().stderr.write(
          `names: ${rows.toLocaleString('en')} pairs compared, written to ${options.out}\n`,
        );
      }),
    );
}
