// What the entity form says when the server refuses a look-up past its hourly limits: the wait in
// whole minutes, in the reader's language, not the server's English.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LookupsLimited } from '../../../../src/modules/entities/probes.ts';
import en from '../../locales/en/entities.json' with { type: 'json' };

let entities: typeof import('./entities.ts');
let ApiError: typeof import('../../api.ts').ApiError;
beforeAll(async () => {
  // api.ts reads the session's token (and the clock's skew) from localStorage when loaded.
  vi.stubGlobal('localStorage', { getItem: () => null, setItem() {}, removeItem() {} });
  entities = await import('./entities.ts');
  ({ ApiError } = await import('../../api.ts'));
});

const t = ((key: string, options?: { count?: number }) => `${key}:${options?.count ?? ''}`) as never;

describe('a refused look-up', () => {
  it('says how many minutes to wait, rounded up, from the server’s retryAfter', () => {
    const body = new LookupsLimited(90, 'user', false).toJSON() as { error: string; message: string; retryAfter: number };
    const error = new ApiError(429, body.error, body.message, undefined, { retryAfter: body.retryAfter });
    expect(entities.writeProblem(error, t)).toBe('entities.errors.limited:2');
    expect(entities.writeProblem(new ApiError(429, 'rate_limited', '', undefined, { retryAfter: 1 }), t)).toBe('entities.errors.limited:1');
    expect(en.entities.errors.limited_other).toContain('{{count}}');
  });
});
