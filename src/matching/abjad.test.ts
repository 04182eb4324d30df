import { describe, expect, it } from 'vitest';
import { abjadToLatin, consonantSkeleton } from './abjad.ts';

describe('abjadToLatin', () => {
  it('writes Arabic letters in Latin, و and ي as vowels between consonants', () => {
    expect(abjadToLatin('محمد')).toBe('mhmd');
    expect(abjadToLatin('يوسف')).toBe('yusf');
  });

  it('reads Hebrew geresh letters and doubled vav as foreign sounds', () => {
    expect(abjadToLatin("ג'ורג'")).toBe('jurj');
    expect(abjadToLatin('דוויד')).toBe('dvid');
  });
});

describe('consonantSkeleton', () => {
  it('gives a vowelled name and its unvowelled transliteration the same consonants', () => {
    expect(consonantSkeleton('muhammad')).toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('yusuf')).toBe(consonantSkeleton('yusf'));
    expect(consonantSkeleton('douglas')).toBe(consonantSkeleton('dglas'));
    expect(consonantSkeleton('george')).toBe(consonantSkeleton('jurj'));
  });

  it('leaves off the Arabic article', () => {
    expect(consonantSkeleton('alhashmi')).toBe(consonantSkeleton('hashimi'));
  });

  it('keeps different consonants apart', () => {
    expect(consonantSkeleton('hassan')).not.toBe(consonantSkeleton('mahmud'));
  });
});
