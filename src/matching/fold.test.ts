import { describe, expect, it } from 'vitest';
import { foldMarks } from './fold.ts';

describe('foldMarks', () => {
  it('folds Vietnamese and Spanish marks and leaves ASCII alone', () => {
    expect(foldMarks('nguyễn')).toBe('nguyen');
    expect(foldMarks('garcía')).toBe('garcia');
    expect(foldMarks('smith')).toBe('smith');
  });
});
