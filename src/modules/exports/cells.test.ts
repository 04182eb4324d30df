import { describe, expect, it } from 'vitest';
import { csvCell } from './cells.ts';

describe('csvCell', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+49 30 1234', '-cmd', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(text)).toBe(`'${text}`);
    }
    expect(csvCell(['ok', '=bad'])).toBe('ok;=bad');
    expect(csvCell(['=bad', 'ok'])).toBe("'=bad;ok");
  });
  it('leaves numbers, plain text and empties alone', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('Çeşme coast')).toBe('Çeşme coast');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2023-10-16T08:00:00Z'))).toBe('2023-10-16T08:00:00.000Z');
  });
});
