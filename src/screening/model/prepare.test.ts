import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { adTextForModel, prepareForModel } from './prepare.ts';

const EMSCAD = resolve(import.meta.dirname, '../../../../shared/data/emscad');
const read = (file: string) =>
  parse(readFileSync(resolve(EMSCAD, file)), { columns: true }) as Record<string, string>[];
const training = read('train_balanced.csv');
const rawAds = read('fj_small.csv');

describe('prepareForModel', () => {
  it('leaves the training text as it is, since that text was prepared the same way', () => {
    const unchanged = training.filter((row) => prepareForModel(row.text!) === row.text).length;
    expect(unchanged).toBe(training.length);
  });

  it('turns a raw EMSCAD ad into the words of its training row', () => {
    const raw = rawAds.find((ad) => ad.title!.includes('Rhomobile Technical Mobility'))!;
    const row = training.find((r) => r.text!.startsWith('1 technical lead rhomobile'))!;
    const prepared = prepareForModel(raw.description!);
    expect(
      prepared.startsWith('1 technical lead rhomobile technical mobility lead developer notes case'),
    ).toBe(true);
    // Phones stay as `phone_<hash>`, URLs and e-mail addresses go, as in the training row.
    expect(prepared).toContain(
      'desk phone_46ed5da44d683bbb700c54f51cd225fc80203b64e1c674f7e6d9f826a0223f31 ext 299',
    );
    expect(prepared).not.toMatch(/url_|email_|#/);
    const trainingWords = new Set(row.text!.split(' '));
    const words = prepared.split(' ');
    expect(words.filter((w) => trainingWords.has(w)).length / words.length).toBeGreaterThan(0.97);
  });

  it('keeps no stop-words, capitals or punctuation from real raw ads', () => {
    const stopWords = new Set([
      'the',
      'and',
      'you',
      'is',
      'a',
      'to',
      'of',
      'our',
      'we',
      'will',
      'not',
      'don',
      't',
      's',
    ]);
    for (const ad of rawAds) {
      const prepared = prepareForModel(adTextForModel({ text: ad.description!, title: ad.title }));
      expect(prepared).not.toMatch(/[A-Z,.;!?()"'#/&]|\s{2}|^\s|\s$/);
      expect(prepared.split(' ').filter((w) => stopWords.has(w))).toEqual([]);
    }
  });

  it('reads HTML entities, glued paragraphs and colons as the training text does', () => {
    expect(prepareForModel("We're hiring! Call #PHONE_ab12# — don't wait.")).toBe(
      'hiring call phone_ab12 — wait',
    );
    expect(prepareForModel('Sales &amp; Marketing')).toBe('sales amp marketing');
    expect(prepareForModel('Strong ProjectsExperience in iOS and MySQL')).toBe(
      'strong projects experience ios mysql',
    );
    expect(prepareForModel('Hours: 8:30 to 5:30, apply at #URL_0a1b# or #EMAIL_ff00#')).toBe(
      'hours 8:30 5:30 apply',
    );
  });
});
