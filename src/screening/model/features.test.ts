import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures } from './features.ts';

const ad = 'urgent hiring data entry typing work home earn 500 weekly experience needed send full names age';

describe('extractFeatures', () => {
  it('gives the same vector for the same text, every time', () => {
    const first = extractFeatures(ad, DEFAULT_FEATURE_OPTIONS);
    extractFeatures('something else entirely', DEFAULT_FEATURE_OPTIONS);
    const second = extractFeatures(ad, DEFAULT_FEATURE_OPTIONS);
    expect(Array.from(second.indices)).toEqual(Array.from(first.indices));
    expect(Array.from(second.values)).toEqual(Array.from(first.values));
  });

  it('returns in-range indices and a unit-length vector', () => {
    const { indices, values } = extractFeatures(ad, DEFAULT_FEATURE_OPTIONS);
    expect(indices.length).toBeGreaterThan(100);
    expect(new Set(indices).size).toBeGreaterThan(indices.length * 0.99);
    expect(Math.max(...indices)).toBeLessThan(1 << DEFAULT_FEATURE_OPTIONS.bucketBits);
    expect(Math.min(...indices)).toBeGreaterThanOrEqual(0);
    const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('tells word order apart through bigrams, and not without them', () => {
    const sorted = (indices: Int32Array) => Array.from(indices).sort((a, b) => a - b);
    const withBigrams = (text: string) => sorted(extractFeatures(text, DEFAULT_FEATURE_OPTIONS).indices);
    expect(withBigrams('typing job')).not.toEqual(withBigrams('job typing'));
    const unigrams = { ...DEFAULT_FEATURE_OPTIONS, wordBigrams: false };
    const without = (text: string) => sorted(extractFeatures(text, unigrams).indices);
    expect(without('typing job')).toEqual(without('job typing'));
  });

  it('shares character n-grams between related words', () => {
    const a = new Set(extractFeatures('recruitment', DEFAULT_FEATURE_OPTIONS).indices);
    const b = extractFeatures('recruiting', DEFAULT_FEATURE_OPTIONS).indices;
    const c = extractFeatures('plumber', DEFAULT_FEATURE_OPTIONS).indices;
    expect(Array.from(b).filter((i) => a.has(i)).length).toBeGreaterThan(5);
    expect(Array.from(c).filter((i) => a.has(i)).length).toBe(0);
  });

  it('gives an empty vector for empty text', () => {
    expect(extractFeatures('', DEFAULT_FEATURE_OPTIONS).indices.length).toBe(0);
  });
});
