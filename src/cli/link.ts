// `cordon link --left A.csv --right B.csv --out pairs.csv` and `cordon link --dedupe F.csv --out
// pairs.csv`: the pairs of person records judged the same person, by Fellegi–Sunter linkage.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { Invalid } from '../errors.ts';
import { type LinkageResult, type PersonMatch, dedupePeople, linkPeople } from '../matching/linkage.ts';
import { RECORD_COLUMNS, type RecordFormat, readPersonRecords } from '../matching/records.ts';
import { action } from './context.ts';
import { cliIo } from './io.ts';

type LinkOptions = {
  left?: string;
  right?: string;
  dedupe?: string;
  out: string;
  format: string;
  threshold: string;
  explain?: boolean;
};

const FORMATS: readonly RecordFormat[] = ['cordon', 'febrl'];

const wrap = (columns: string[]) =>
  columns
    .join(', ')
    .replace(/(.{1,60})(, |$)/g, '$1,\n                    ')
    .replace(/,\n\s*$/, '');

const HELP = `
Input formats:
  cordon (default)  a CSV with a header row: an "id" column and any of
                    ${wrap(RECORD_COLUMNS.cordon.filter((c) => c !== 'id'))}
                    (dates of birth as YYYYMMDD or YYYY-MM-DD; empty cells are missing values)
  febrl             FEBRL files as they are (values with leading spaces):
                    ${wrap(RECORD_COLUMNS.febrl)}

Output: a CSV with columns left_id,right_id,score (score = probability 0..1 that both records are
the same person), one row per pair at or above --threshold; --explain adds an "explanation"
column (field:level:weight for each field). Progress goes to stderr.

The model (m and u probabilities, share of matches) is fitted to the files by EM: no labels needed.

Examples:
  cordon link --left a.csv --right b.csv --out pairs.csv
  cordon link --dedupe people.csv --out pairs.csv --format febrl`;

function parseOptions(options: LinkOptions) {
  const format = options.format as RecordFormat;
  if (!FORMATS.includes(format))
    throw new Invalid(`unknown --format "${options.format}": choose cordon or febrl`, 'format');
  const threshold = Number(options.threshold);
  if (!(threshold > 0 && threshold <= 1))
    throw new Invalid('--threshold is a probability: a number above 0 and at most 1', 'threshold');
  const linking = options.left !== undefined || options.right !== undefined;
  if (linking === (options.dedupe !== undefined)) {
    throw new Invalid('give either --left and --right (link two files) or --dedupe (one file)', 'dedupe');
  }
  if (linking && (!options.left || !options.right))
    throw new Invalid('linking two files needs both --left and --right', 'right');
  return { format, threshold };
}

function explanationCell(match: PersonMatch): string {
  return match.explanation
    .map((e) => `${e.field}:${e.level}:${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)}`)
    .join('; ');
}

async function writeMatches(result: LinkageResult, out: string, explain: boolean) {
  const columns = explain
    ? ['left_id', 'right_id', 'score', 'explanation']
    : ['left_id', 'right_id', 'score'];
  const rows = result.matches.map((m) => {
    const row = [m.leftId, m.rightId, m.probability.toFixed(6)];
    return explain ? [...row, explanationCell(m)] : row;
  });
  await pipeline(stringify(rows, { header: true, columns }), createWriteStream(out));
}

export function linkCommand(program: Command) {
  program
    .command('link')
    .description('find the person records that are the same person: between two files, or within one')
    .option('--left <file>', 'first file to link')
    .option('--right <file>', 'second file to link')
    .option('--dedupe <file>', 'one file to deduplicate (instead of --left/--right)')
    .requiredOption('--out <file>', 'CSV of matched pairs: left_id,right_id,score')
    .option('--format <format>', 'input format: cordon | febrl', 'cordon')
    .option('--threshold <probability>', 'lowest probability written as a match', '0.5')
    .option('--explain', 'add an explanation column: each field’s agreement level and weight')
    .addHelpText('after', HELP)
    .action(
      action(async (options: LinkOptions) => {
        const { format, threshold } = parseOptions(options);
        const started = Date.now();
        const progress = (note: string) => cliIo().stderr.write(`link: ${note}\n`);
        const read = async (file: string) => {
          // Opened first, so a missing or unreadable file is a plain message, not a stack trace.
          const stream = createReadStream(file);
          await once(stream, 'open');
          const records = await readPersonRecords(stream, format);
          progress(`read ${records.length.toLocaleString('en')} records from ${file}`);
          return records;
        };
        const result = options.dedupe
          ? dedupePeople(await read(options.dedupe), { threshold, onProgress: progress })
          : linkPeople(await read(options.left!), await read(options.right!), {
              threshold,
              onProgress: progress,
            });
        await writeMatches(result, options.out, options.explain === true);
        progress(
          `wrote ${result.matches.length.toLocaleString('en')} pairs to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
        );
      }),
    );
}
