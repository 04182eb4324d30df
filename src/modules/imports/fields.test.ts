import { describe, expect, it } from 'vitest';
import { Invalid } from '../../errors.ts';
import { copyArray, copyValue } from './csv-copy.ts';
import { parseChoice, parseCount, parseList, parseTime } from './fields.ts';

describe('parseTime', () => {
  it('reads ISO 8601 with a zone, and without one as UTC', () => {
    expect(parseTime('2023-10-16T08:30:00+07:00', 'at').toISOString()).toBe('2023-10-16T01:30:00.000Z');
    expect(parseTime('2023-10-16 08:30', 'at').toISOString()).toBe('2023-10-16T08:30:00.000Z');
    expect(parseTime('2023-10-16', 'at').toISOString()).toBe('2023-10-16T00:00:00.000Z');
  });
  it('names field and row when it cannot', () => {
    for (const bad of ['16/10/2023', 'yesterday', '2023-02-30T00:00:00Z', '']) {
      try {
        parseTime(bad, 'at', 7);
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(Invalid);
        expect((error as Invalid).field).toBe('at');
        expect((error as Invalid).row).toBe(7);
      }
    }
  });
});

describe('parseCount, parseChoice, parseList', () => {
  it('accepts whole numbers within bounds', () => {
    expect(parseCount('12', 'n', 2)).toBe(12);
    expect(parseCount('', 'n', 2, 1, 1)).toBe(1);
    expect(() => parseCount('1.5', 'n', 2)).toThrow(Invalid);
    expect(() => parseCount('0', 'n', 2, 1)).toThrow(/at least 1/);
  });
  it('matches choices case-insensitively and lists them on error', () => {
    expect(parseChoice('Patrol', ['patrol', 'document_check'] as const, 'kind')).toBe('patrol');
    expect(() => parseChoice('raid', ['patrol'] as const, 'kind')).toThrow(/one of: patrol/);
  });
  it('splits lists on ; , space or |', () => {
    expect(parseList('IN; NP,TR|BD')).toEqual(['IN', 'NP', 'TR', 'BD']);
    expect(parseList('')).toEqual([]);
  });
});

describe('copyValue', () => {
  it('escapes what COPY text format would misread', () => {
    expect(copyValue('a\tb\nc\\d\r')).toBe('a\\tb\\nc\\\\d\\r');
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(5)).toBe('5');
  });
});

describe('COPY text values', () => {
  it('quotes array elements and escapes what COPY treats specially', () => {
    expect(copyArray(['IN', 'NP'])).toBe('{"IN","NP"}');
    expect(copyArray(['a,b', 'say "hi"', 'back\\slash'])).toBe('{"a,b","say \\"hi\\"","back\\\\slash"}');
    expect(copyValue('tab\there\nnew\\')).toBe('tab\\there\\nnew\\\\');
    expect(copyValue(null)).toBe('\\N');
  });
});
