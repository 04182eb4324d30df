import { describe, expect, it } from 'vitest';
import { soundKey } from './sound-keys.ts';

describe('soundKey', () => {
  it('spells the romanisations of a Korean name alike', () => {
    expect(soundKey('park')).toBe(soundKey('bag'));
    expect(soundKey('chung')).toBe(soundKey('jeong'));
    expect(soundKey('lee')).toBe(soundKey('i'));
    expect(soundKey('choi')).toBe(soundKey('choe'));
  });

  it('keeps different names apart', () => {
    expect(soundKey('kim')).not.toBe(soundKey('park'));
  });
});
