// Traveller screening rules: the coordinating bureau changes the checklist, police and border
// bureaus screen, partners and other operations do neither.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor, BureauKind, Role } from './actor.ts';
import { canChangeChecklist, canReadChecklist, canReadScreening, canScreenTravellers } from './travellers.ts';

const op = randomUUID();
const secretariat = randomUUID();
const nepal = randomUUID();

function actor(
  roles: Role[],
  bureauId = nepal,
  kind: BureauKind = 'national_bureau',
  operations = [op],
): Actor {
  return {
    userId: randomUUID(),
    username: 'u',
    bureauId,
    bureauCountry: 'NP',
    bureauKind: kind,
    roles: new Set(roles),
    operationIds: new Set(operations),
  };
}

const operation = { id: op, coordinator_bureau_id: secretariat };

describe('traveller screening access', () => {
  it('lets every bureau taking part read the checklist, and nobody outside', () => {
    expect(canReadChecklist(actor(['partner'], nepal, 'partner'), operation)).toBe(true);
    expect(canReadChecklist(actor(['officer'], nepal, 'national_bureau', []), operation)).toBe(false);
  });
  it("lets only the coordinating bureau's coordinators and admins change the checklist", () => {
    expect(canChangeChecklist(actor(['coordinator'], secretariat, 'coordinator'), operation)).toBe(true);
    expect(canChangeChecklist(actor(['admin'], secretariat, 'coordinator'), operation)).toBe(true);
    expect(canChangeChecklist(actor(['analyst'], secretariat, 'coordinator'), operation)).toBe(false);
    expect(canChangeChecklist(actor(['admin', 'officer']), operation)).toBe(false);
  });
  it('throws when handed an operation without its coordinating bureau', () => {
    expect(() => canChangeChecklist(actor(['coordinator']), { id: op } as typeof operation)).toThrow(
      /coordinator_bureau_id/,
    );
  });
  it('lets field teams, officers and admins of police bureaus screen; not analysts, partners or outsiders', () => {
    for (const role of ['field', 'officer', 'admin'] as const)
      expect(canScreenTravellers(actor([role]), op), role).toBe(true);
    expect(canScreenTravellers(actor(['analyst', 'coordinator']), op)).toBe(false);
    expect(canScreenTravellers(actor(['admin'], nepal, 'partner'), op)).toBe(false);
    expect(canScreenTravellers(actor(['field'], nepal, 'national_bureau', []), op)).toBe(false);
  });
  it('shows a recorded screening as its sharing allows', () => {
    const own = { operation_id: op, owner_bureau_id: nepal, sharing: 'owner' as const, shared_with: [] };
    expect(canReadScreening(actor(['field']), own)).toBe(true);
    expect(canReadScreening(actor(['officer'], randomUUID()), own)).toBe(false);
    expect(() => canReadScreening(actor(['field']), { operation_id: op })).toThrow(/needs owner_bureau_id/);
  });
});
