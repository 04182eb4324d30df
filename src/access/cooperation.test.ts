// Who may read, send, answer and close cooperation requests; partners and third bureaus never.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor, BureauKind, Role } from './actor.ts';
import { canCloseRequest, canPostToRequest, canReadRequest, canSendRequest } from './cooperation.ts';

const op = randomUUID();
const coord = randomUUID();
const np = randomUUID();
const india = randomUUID();
const tr = randomUUID();

function actor(
  roles: Role[],
  bureauId: string,
  kind: BureauKind = 'national_bureau',
  operations: string[] = [op],
): Actor {
  return {
    userId: randomUUID(),
    username: 'u',
    bureauId,
    bureauCountry: 'XX',
    bureauKind: kind,
    roles: new Set(roles),
    operationIds: new Set(operations),
  };
}

const nepalToIndia = {
  operation_id: op,
  from_bureau_id: np,
  addressee_ids: [india],
  coordinator_bureau_id: coord,
};
const operation = { id: op, coordinator_bureau_id: coord };

describe('canReadRequest', () => {
  it('lets every reading role of the sender and the addressees read', () => {
    for (const role of ['officer', 'field', 'analyst', 'admin'] as const) {
      expect(canReadRequest(actor([role], np), nepalToIndia), role).toBe(true);
      expect(canReadRequest(actor([role], india), nepalToIndia), role).toBe(true);
    }
  });
  it('keeps it from third bureaus, the coordinator, partners and bureaus outside the operation', () => {
    expect(canReadRequest(actor(['officer'], tr), nepalToIndia)).toBe(false);
    expect(canReadRequest(actor(['coordinator'], coord, 'coordinator'), nepalToIndia)).toBe(false);
    expect(canReadRequest(actor(['partner'], np), nepalToIndia)).toBe(false);
    expect(canReadRequest(actor(['officer'], india, 'national_bureau', []), nepalToIndia)).toBe(false);
  });
  it('throws when handed a request without its addressees', () => {
    const { addressee_ids: _, ...partial } = nepalToIndia;
    expect(() => canReadRequest(actor(['officer'], np), partial)).toThrow(/addressee_ids/);
  });
});

describe('writing', () => {
  it('lets officers and admins send; coordinators only in the coordinating bureau', () => {
    expect(canSendRequest(actor(['officer'], np), operation)).toBe(true);
    expect(canSendRequest(actor(['admin'], np), operation)).toBe(true);
    expect(canSendRequest(actor(['coordinator'], coord, 'coordinator'), operation)).toBe(true);
    expect(canSendRequest(actor(['coordinator'], tr, 'coordinator'), operation)).toBe(false);
    for (const role of ['field', 'analyst', 'partner'] as const)
      expect(canSendRequest(actor([role], np), operation), role).toBe(false);
    expect(canSendRequest(actor(['officer'], np, 'national_bureau', []), operation)).toBe(false);
  });
  it('lets both sides post, and only the sender close', () => {
    expect(canPostToRequest(actor(['officer'], india), nepalToIndia)).toBe(true);
    expect(canPostToRequest(actor(['field'], india), nepalToIndia)).toBe(false);
    expect(canPostToRequest(actor(['officer'], tr), nepalToIndia)).toBe(false);
    expect(canCloseRequest(actor(['officer'], np), nepalToIndia)).toBe(true);
    expect(canCloseRequest(actor(['officer'], india), nepalToIndia)).toBe(false);
    expect(canCloseRequest(actor(['analyst'], np), nepalToIndia)).toBe(false);
  });
});
