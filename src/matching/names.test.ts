import { describe, expect, it } from 'vitest';
import { compareNames, phoneticKeys } from './names.ts';

describe('compareNames', () => {
  it('matches the same name across scripts and word orders', () => {
    expect(compareNames('王小明', 'Xiaoming WANG').score).toBe(1);
    expect(compareNames('王小明', 'Wang Xiao Ming').score).toBe(1);
    expect(compareNames('Иванов Иван', 'Ivan Ivanov').score).toBe(1);
  });

  it('scores spelling variants high and different people low', () => {
    expect(compareNames('Mohammed Ali', 'Ali Muhammad').score).toBeGreaterThan(0.9);
    expect(compareNames('Jon Smyth', 'John Smith').score).toBeGreaterThan(0.9);
    expect(compareNames('John Smith', 'Maria Garcia').score).toBeLessThan(0.5);
    expect(compareNames('Peter Brown', 'Paul Green').score).toBeLessThan(0.6);
  });

  it('costs a little, not much, for a middle name one side omits', () => {
    const { score } = compareNames('José García', 'Jose Garcia Lopez');
    expect(score).toBeGreaterThan(0.85);
    expect(score).toBeLessThan(1);
  });

  it('explains which tokens were paired', () => {
    const { explanation } = compareNames('Ali Mohammed', 'Muhammad Ali');
    expect(explanation.pairs).toContainEqual({ left: 'ali', right: 'ali', similarity: 1 });
    expect(explanation.phoneticScore).toBe(1);
  });

  it('scores 0 when a side has no name', () => {
    expect(compareNames('', 'Ivan').score).toBe(0);
  });

  it('stays within 0..1 and is symmetric', () => {
    const ab = compareNames('Nguyen Van Minh', 'Minh Nguyen').score;
    expect(ab).toBeCloseTo(compareNames('Minh Nguyen', 'Nguyen Van Minh').score, 10);
    expect(ab).toBeGreaterThan(0);
    expect(ab).toBeLessThanOrEqual(1);
  });
});

describe('phoneticKeys', () => {
  it('gives Double Metaphone keys that agree for names that sound alike', () => {
    expect(phoneticKeys('smith')).toContain('SM0');
    expect(phoneticKeys('smyth')).toContain('SM0');
  });
});

describe('compareNames across abjad and East Asian scripts', () => {
  it('matches unvowelled Arabic and Hebrew with vowelled Latin spellings', () => {
    expect(compareNames('محمد علي', 'Mohamed Ali').score).toBeGreaterThan(0.85);
    expect(compareNames('דאגלס אדמס', 'Douglas Adams').score).toBeGreaterThan(0.85);
    expect(compareNames('محمد علي', 'Maria Garcia').score).toBeLessThan(0.6);
  });

  it('matches Korean names across romanisation systems', () => {
    expect(compareNames('박정희', 'Park Chung-hee').score).toBeGreaterThan(0.7);
    expect(compareNames('박정희', 'Kim Young-sam').score).toBeLessThan(0.6);
    expect(compareNames('이호석', 'Lee Ho-seok').score).toBeGreaterThan(0.85);
  });

  it('reads a foreign name written in Chinese characters', () => {
    expect(compareNames('德克', 'Dirk').score).toBeGreaterThan(0.6);
    expect(compareNames('德克', 'Maria').score).toBeLessThan(0.4);
  });
});
