import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.ts';
import { canManageUsersOf, secondFactorRequired } from './users.ts';

const actor = (roles: Role[], bureauKind: Actor['bureauKind'] = 'national_bureau'): Actor => ({
  userId: 'u',
  username: 'someone',
  bureauId: 'own',
  bureauCountry: 'TR',
  bureauKind,
  roles: new Set(roles),
  operationIds: new Set(),
});

describe('user management rules', () => {
  it('lets admins manage their own bureau, the coordinating bureau’s admins every bureau, and nobody else', () => {
    expect(canManageUsersOf(actor(['admin']), 'own')).toBe(true);
    expect(canManageUsersOf(actor(['admin']), 'other')).toBe(false);
    expect(canManageUsersOf(actor(['admin'], 'coordinator'), 'other')).toBe(true);
    expect(canManageUsersOf(actor(['officer', 'coordinator'], 'coordinator'), 'own')).toBe(false);
  });

  it('requires a second factor when any of the user’s roles is listed', () => {
    expect(secondFactorRequired(['officer'], ['officer', 'analyst'])).toBe(true);
    expect(secondFactorRequired(['field', 'analyst'], ['analyst'])).toBe(true);
    expect(secondFactorRequired(['field'], ['officer'])).toBe(false);
    expect(secondFactorRequired(['officer'], [])).toBe(false);
  });
});
