// Bulk screening of an ad feed: CSV in (`id,text`, optionally title, pay, location, contact, url,
// company), CSV out (`id,score,level,flags`). Streams row by row, so a file of a million ads runs
// in constant memory; a bad row stops the run with its row number and the caller's output is
// discarded (see `cordon screen ads`), never left half written.
import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { Invalid } from '../../errors.ts';
import { csvCell } from '../exports/cells.ts';
import { screenAd } from '../../screening/screen.ts';
import { type Ad, AD_FIELDS } from '../../screening/types.ts';

export interface BulkSummary {
  ads: number;
  low: number;
  medium: number;
  high: number;
}

const MAX_TEXT = 100_000;
/** Characters of one CSV record: an unclosed quote must not read the rest of a huge file into memory. */
const MAX_RECORD = 200_000;

/**
 * Screens every ad of a CSV stream into a CSV stream.
 * @example await screenAdsCsv(createReadStream('ads.csv'), createWriteStream('scores.csv'))
 */
export async function screenAdsCsv(
  input: Readable,
  output: Writable,
  options: { onProgress?: (ads: number) => void } = {},
): Promise<BulkSummary> {
  const summary: BulkSummary = { ads: 0, low: 0, medium: 0, high: 0 };
  let checkedHeader = false;
  const screen = new Transform({
    objectMode: true,
    transform(fields: Record<string, string>, _encoding, done) {
      // Rows are counted as imports count them: the header is row 1, each record one row.
      const row = summary.ads + 2;
      if (!checkedHeader) {
        checkedHeader = true;
        for (const column of ['id', 'text']) {
          if (!(column in fields))
            return done(new Invalid(`the CSV needs a column "${column}" (columns: id,text)`, column, 1));
        }
      }
      const text = fields.text ?? '';
      if (text.length > MAX_TEXT)
        return done(new Invalid(`text is longer than ${MAX_TEXT} characters`, 'text', row));
      const ad: Ad = { text };
      for (const field of AD_FIELDS) {
        const value = fields[field];
        if (field !== 'text' && value) ad[field] = value;
      }
      const verdict = screenAd(ad);
      summary.ads += 1;
      summary[verdict.level] += 1;
      if (summary.ads % 500 === 0) options.onProgress?.(summary.ads);
      done(null, [
        csvCell(fields.id),
        verdict.score.toFixed(3),
        verdict.level,
        verdict.flags.map((f) => f.flag).join(';'),
      ]);
    },
  });
  try {
    await pipeline(
      input,
      parse({ bom: true, columns: true, skip_empty_lines: true, relax_column_count: false, max_record_size: MAX_RECORD }),
      screen,
      stringify({ header: true, columns: ['id', 'score', 'level', 'flags'] }),
      output,
    );
  } catch (error) {
    // csv-parse's own errors (an unclosed quote, a row with too many fields) name the line.
    const csv = error as { code?: string; lines?: number; message: string };
    if (csv.code?.startsWith('CSV_')) throw new Invalid(csv.message, 'csv', csv.lines);
    throw error;
  }
  options.onProgress?.(summary.ads);
  return summary;
}
