// canAddEntities: the case's own bureau, officers, admins and analysts; canReadHits: police roles.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor, BureauKind, Role } from './actor.ts';
import { canAddEntities, canReadHits } from './entities.ts';

const op = randomUUID();
const nepal = randomUUID();
const india = randomUUID();

function actor(roles: Role[], bureauId = nepal, kind: BureauKind = 'national_bureau', operations = [op]): Actor {
  return {
    userId: randomUUID(),
    username: 'u',
    bureauId,
    bureauCountry: bureauId === nepal ? 'NP' : 'IN',
    bureauKind: kind,
    roles: new Set(roles),
    operationIds: new Set(operations),
  };
}

const c = { operation_id: op, owner_bureau_id: nepal };

describe('canAddEntities', () => {
  it("lets the case's bureau's officers, admins and analysts add entities", () => {
    for (const role of ['admin', 'officer', 'analyst'] as const) expect(canAddEntities(actor([role]), c), role).toBe(true);
  });
  it('refuses field teams, coordinators and partners of the same bureau', () => {
    for (const role of ['field', 'coordinator', 'partner'] as const) expect(canAddEntities(actor([role]), c), role).toBe(false);
  });
  it('refuses another bureau, even its officers, and an operation the bureau is not in', () => {
    expect(canAddEntities(actor(['officer'], india), c)).toBe(false);
    expect(canAddEntities(actor(['officer'], nepal, 'national_bureau', []), c)).toBe(false);
  });
});

describe('canReadHits', () => {
  it('lets police roles read hits on their records', () => {
    for (const role of ['admin', 'coordinator', 'officer', 'analyst'] as const) expect(canReadHits(actor([role]), op), role).toBe(true);
  });
  it('refuses field teams, partner bureaus and outsiders', () => {
    expect(canReadHits(actor(['field']), op)).toBe(false);
    expect(canReadHits(actor(['officer'], nepal, 'partner'), op)).toBe(false);
    expect(canReadHits(actor(['officer'], nepal, 'national_bureau', []), op)).toBe(false);
  });
});
