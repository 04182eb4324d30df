// Who may run person matching, read and decide matches; a match shows only with both persons visible.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor, BureauKind, Role } from './actor.ts';
import { canDecidePersonMatch, canReadPersonMatches, canRunPersonMatching, canSeeMatch, canSeeMatchSide } from './matches.ts';

const op = randomUUID();
const coord = randomUUID();
const np = randomUUID();
const india = randomUUID();

function actor(roles: Role[], bureauId: string, kind: BureauKind = 'national_bureau', operations: string[] = [op], country = 'XX'): Actor {
  return { userId: randomUUID(), username: 'u', bureauId, bureauCountry: country, bureauKind: kind, roles: new Set(roles), operationIds: new Set(operations) };
}

const operation = { id: op };
const side = (owner: string, extra: object = {}) => ({ operation_id: op, owner_bureau_id: owner, sharing: 'operation' as const, shared_with: [], is_child: false, ...extra });

describe('canRunPersonMatching', () => {
  it('lets analysts, coordinators and admins of bureaus taking part run the model', () => {
    expect(canRunPersonMatching(actor(['analyst'], coord, 'coordinator'), operation)).toBe(true);
    expect(canRunPersonMatching(actor(['coordinator'], coord, 'coordinator'), operation)).toBe(true);
    expect(canRunPersonMatching(actor(['admin'], np), operation)).toBe(true);
  });
  it('refuses officers, field teams, partners and bureaus outside the operation', () => {
    expect(canRunPersonMatching(actor(['officer'], np), operation)).toBe(false);
    expect(canRunPersonMatching(actor(['field'], np), operation)).toBe(false);
    expect(canRunPersonMatching(actor(['analyst', 'admin'], np, 'partner'), operation)).toBe(false);
    expect(canRunPersonMatching(actor(['analyst'], np, 'national_bureau', []), operation)).toBe(false);
  });
});

describe('reading and deciding', () => {
  it('lets every police role but field teams read and decide', () => {
    for (const role of ['admin', 'coordinator', 'analyst', 'officer'] as const) {
      expect(canReadPersonMatches(actor([role], np), operation), role).toBe(true);
      expect(canDecidePersonMatch(actor([role], np), operation), role).toBe(true);
    }
    expect(canReadPersonMatches(actor(['field'], np), operation)).toBe(false);
    expect(canReadPersonMatches(actor(['partner'], np), operation)).toBe(false);
    expect(canDecidePersonMatch(actor(['officer'], np, 'partner'), operation)).toBe(false);
    expect(canDecidePersonMatch(actor(['officer'], np, 'national_bureau', []), operation)).toBe(false);
  });
});

describe('canSeeMatch', () => {
  it('needs both persons visible', () => {
    const officerIn = actor(['officer'], india, 'national_bureau', [op], 'IN');
    expect(canSeeMatch(officerIn, side(np), side(india))).toBe(true);
    expect(canSeeMatch(officerIn, side(np, { sharing: 'owner' }), side(india))).toBe(false);
    expect(canSeeMatch(officerIn, side(np, { sharing: 'listed', shared_with: ['IN'] }), side(india))).toBe(true);
  });
  it("shows a child victim's side only to the owner bureau's officers", () => {
    const child = side(np, { is_child: true });
    expect(canSeeMatchSide(actor(['officer'], np), child)).toBe(true);
    expect(canSeeMatchSide(actor(['analyst'], np), child)).toBe(false);
    expect(canSeeMatchSide(actor(['officer'], india), child)).toBe(false);
    expect(canSeeMatch(actor(['coordinator'], coord, 'coordinator'), child, side(india))).toBe(false);
  });
  it('keeps field teams out even when they see both cases', () => {
    expect(canSeeMatch(actor(['field'], np), side(np), side(np))).toBe(false);
  });
  it('throws when handed a side without is_child', () => {
    const { is_child: _, ...partial } = side(np);
    expect(() => canSeeMatchSide(actor(['officer'], np), partial)).toThrow(/is_child/);
  });
});
