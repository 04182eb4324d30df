// canWriteCampaign: the owner bureau's admins, officers, coordinators and partners, nobody else.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.ts';
import { canWriteCampaign } from './campaigns.ts';

const op = randomUUID();
const nepal = randomUUID();
const india = randomUUID();

function actor(roles: Role[], bureauId = nepal, operations = [op]): Actor {
  return {
    userId: randomUUID(),
    username: 'u',
    bureauId,
    bureauCountry: bureauId === nepal ? 'NP' : 'IN',
    bureauKind: 'national_bureau',
    roles: new Set(roles),
    operationIds: new Set(operations),
  };
}

const campaign = { operation_id: op, owner_bureau_id: nepal, sharing: 'operation' as const, shared_with: [] };

describe('canWriteCampaign', () => {
  it('lets every campaigning role of the owner bureau change the campaign', () => {
    for (const role of ['admin', 'officer', 'coordinator', 'partner'] as const) {
      expect(canWriteCampaign(actor([role]), campaign), role).toBe(true);
    }
  });
  it('denies field and analyst roles, other bureaus and bureaus that left the operation', () => {
    expect(canWriteCampaign(actor(['field', 'analyst']), campaign)).toBe(false);
    expect(canWriteCampaign(actor(['officer', 'coordinator'], india), campaign)).toBe(false);
    expect(canWriteCampaign(actor(['partner'], nepal, []), campaign)).toBe(false);
  });
  it('throws when handed a record without its sharing columns', () => {
    expect(() => canWriteCampaign(actor(['partner']), { operation_id: op, owner_bureau_id: nepal })).toThrow(
      /needs sharing/,
    );
  });
});
