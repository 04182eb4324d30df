import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.ts';

describe('jaroWinkler', () => {
  it('gives the published values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('JELLYFISH', 'SMELLYFISH')).toBeCloseTo(0.896, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
  });

  it('gives the Jaro value without a shared prefix', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('ABC', 'XBC')).toBeCloseTo(jaro('ABC', 'XBC'), 10);
  });

  it('is 1 for identical and 0 for empty or disjoint strings', () => {
    expect(jaroWinkler('smith', 'smith')).toBe(1);
    expect(jaroWinkler('', 'smith')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('is symmetric', () => {
    expect(jaroWinkler('neumann', 'newman')).toBeCloseTo(jaroWinkler('newman', 'neumann'), 10);
  });
});
