// The `cordon link` and `cordon names compare` contracts other tools rely on: columns in,
// columns out, exit code 1 with one sentence on misuse.
import { sharedData } from '../helpers/shared-data.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCordon } from '../helpers/cli.ts';

const FEBRL = sharedData('febrl');
const dir = mkdtempSync(join(tmpdir(), 'cordon-matching-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cordon = (...args: string[]) => runCordon(process.env, args);

describe('cordon link', () => {
  it('deduplicates a FEBRL file into left_id,right_id,score rows', async () => {
    const out = join(dir, 'pairs.csv');
    const run = await cordon('link', '--dedupe', join(FEBRL, 'dataset1.csv'), '--format', 'febrl', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header).toBe('left_id,right_id,score');
    expect(rows.length).toBeGreaterThan(450);
    for (const row of rows.slice(0, 20)) {
      const score = Number(row.split(',')[2]);
      expect(score).toBeGreaterThanOrEqual(0.5);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(run.stderr).toMatch(/candidate pairs/);
  });

  it('links two files in Cordon’s own layout', async () => {
    const left = join(dir, 'left.csv');
    const right = join(dir, 'right.csv');
    const header = 'id,given_name,surname,date_of_birth,postcode,id_number';
    const people = Array.from({ length: 30 }, (_, i) => [
      `P${i}`,
      `given${i}`,
      `family${i}`,
      `19${60 + i}0${1 + (i % 9)}1${i % 10}`,
      `${3000 + i}`,
      `${7_000_000 + i * 131}`,
    ]);
    writeFileSync(left, [header, ...people.map((p) => p.join(','))].join('\n'));
    writeFileSync(
      right,
      [header, ...people.map(([, ...rest]) => [`Q${rest[0]!.slice(5)}`, ...rest].join(','))].join('\n'),
    );
    const out = join(dir, 'linked.csv');
    const run = await cordon('link', '--left', left, '--right', right, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(rows).toContain(`P7,Q7,${rows.find((r) => r.startsWith('P7,'))!.split(',')[2]}`);
    expect(rows.every((r) => r.split(',')[0]!.slice(1) === r.split(',')[1]!.slice(1))).toBe(true);
  });

  it('refuses --dedupe together with --left, with exit code 1', async () => {
    const run = await cordon('link', '--left', 'a.csv', '--dedupe', 'b.csv', '--out', join(dir, 'x.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/either --left and --right/);
  });

  it('names a file that is not there in one line, with exit code 1', async () => {
    const missing = join(dir, 'no-such-file.csv');
    const run = await cordon('link', '--dedupe', missing, '--out', join(dir, 'x.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cordon: ${missing}: no such file or folder\n`);
  });
});

describe('cordon names compare', () => {
  it('adds score and match to every row, keeping the other columns', async () => {
    const input = join(dir, 'names.csv');
    const out = join(dir, 'names-scored.csv');
    writeFileSync(input, 'name1,name2,case\n王小明,Xiaoming Wang,c1\nJohn Smith,Maria Garcia,c2\n');
    const run = await cordon('names', 'compare', '--in', input, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'name1,name2,case,score,match',
      '王小明,Xiaoming Wang,c1,1.0000,true',
      expect.stringMatching(/^John Smith,Maria Garcia,c2,0\.\d{4},false$/),
    ]);
  });

  it('says which columns are missing', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'a,b\nx,y\n');
    const run = await cordon('names', 'compare', '--in', input, '--out', join(dir, 'bad-out.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/name1 and name2/);
  });
});
