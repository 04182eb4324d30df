// Bulk screening: CSV in, CSV out, row by row; bad files named by row and column; and the command
// line, which writes its output whole or not at all.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Invalid } from '../../errors.ts';
import { screenAdsCsv } from './bulk.ts';

const exec = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../../bin/cordon.js');

async function run(csv: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const summary = await screenAdsCsv(Readable.from([csv]), out);
  return { summary, csv: Buffer.concat(chunks).toString('utf8') };
}

const SCAM = 'URGENT! Customer service in Sihanoukville, Cambodia. USD 3000/month, no experience. Free flight and visa. Telegram @hr_kh only, send passport copy.';

describe('screenAdsCsv', () => {
  it('writes id, score, level and flags for every ad, in order, reading the optional columns', async () => {
    const { summary, csv } = await run(
      `id,text,company\nA1,"${SCAM}",\nA2,"Senior accountant, 5 years of experience required. Apply on our careers page.",Acme Ltd\n`,
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('id,score,level,flags');
    expect(lines).toHaveLength(3);
    const [id, score, level, flags] = lines[1]!.split(',');
    expect(id).toBe('A1');
    expect(Number(score)).toBeGreaterThanOrEqual(0.7);
    expect(level).toBe('high');
    expect(flags!.split(';')).toEqual(expect.arrayContaining(['risky_destination', 'messaging_only', 'documents_or_fees']));
    expect(lines[2]!.startsWith('A2,')).toBe(true);
    expect(lines[2]!.split(',')[2]).not.toBe('high');
    expect(summary.ads).toBe(2);
    expect(summary.high).toBeGreaterThanOrEqual(1);
  });

  it('defuses an id a spreadsheet would run as a formula', async () => {
    const { csv } = await run('id,text\n"=HYPERLINK(""http://x"")",hello\n');
    expect(csv.split('\n')[1]!.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
  });

  it('names a missing column, an unclosed quote and an overlong text with their rows', async () => {
    await expect(run('id,body\n1,hello\n')).rejects.toMatchObject({ field: 'text', row: 1 });
    const quote = run('id,text\n1,ok\n2,"never closed\n');
    await expect(quote).rejects.toBeInstanceOf(Invalid);
    await expect(quote).rejects.toMatchObject({ field: 'csv' });
    await expect(run(`id,text\n1,ok\n2,${'x'.repeat(100_001)}\n`)).rejects.toMatchObject({ field: 'text', row: 3 });
  });
});

describe('cordon screen ads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-screen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('screens a file into another, and leaves no output behind when a row is bad', async () => {
    const input = join(dir, 'ads.csv');
    const output = join(dir, 'scores.csv');
    writeFileSync(input, `id,text\n1,"${SCAM}"\n2,"Barista wanted in Leeds, £11.50 an hour."\n`);
    const { stdout } = await exec(process.execPath, [CLI, 'screen', 'ads', '--in', input, '--out', output]);
    expect(stdout).toContain('ads: 2');
    expect(readFileSync(output, 'utf8').split('\n')[0]).toBe('id,score,level,flags');

    const bad = join(dir, 'bad.csv');
    const badOut = join(dir, 'bad-scores.csv');
    writeFileSync(bad, 'id,text\n1,ok\n2,"never closed\n');
    const failed = await exec(process.execPath, [CLI, 'screen', 'ads', '--in', bad, '--out', badOut]).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/^cordon: .*\(row \d+, column csv\)/);
    expect(existsSync(badOut)).toBe(false);
    expect(existsSync(`${badOut}.partial`)).toBe(false);
  });
});
