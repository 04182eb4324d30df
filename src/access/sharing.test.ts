// canReadShared and its SQL form visibleTo must agree on every combination.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { makeWorld, type World } from '../../test/factories/world.ts';
import type { Sharing } from '../db/schema.ts';
import type { Actor, Role } from './actor.ts';
import { canReadShared, canWriteShared, normalizeSharing, visibleTo } from './sharing.ts';

const op = randomUUID();
const mine = randomUUID();
const theirs = randomUUID();

function actor(roles: Role[], country = 'IN', bureauId: string = mine, operations: string[] = [op]): Actor {
  return {
    userId: randomUUID(),
    username: 'u',
    bureauId,
    bureauCountry: country,
    bureauKind: 'national_bureau',
    roles: new Set(roles),
    operationIds: new Set(operations),
  };
}

const record = (sharing: Sharing, shared_with: string[] = [], owner = theirs, operation_id = op) => ({
  operation_id,
  owner_bureau_id: owner,
  sharing,
  shared_with,
});

describe('canReadShared', () => {
  it('lets the owner bureau see its own records whatever their sharing', () => {
    expect(canReadShared(actor(['field']), record('owner', [], mine))).toBe(true);
  });
  it('opens `operation` records to every bureau of the operation, and only to them', () => {
    expect(canReadShared(actor(['officer']), record('operation'))).toBe(true);
    expect(canReadShared(actor(['officer'], 'IN', mine, []), record('operation'))).toBe(false);
  });
  it('opens `listed` records to the named countries only', () => {
    expect(canReadShared(actor(['officer'], 'IN'), record('listed', ['IN', 'NP']))).toBe(true);
    expect(canReadShared(actor(['officer'], 'BD'), record('listed', ['IN', 'NP']))).toBe(false);
  });
  it('keeps `owner` records from everyone else, coordinators included', () => {
    expect(canReadShared(actor(['coordinator', 'admin']), record('owner'))).toBe(false);
  });
  it('gives partners nothing through sharing', () => {
    expect(canReadShared(actor(['partner']), record('operation'))).toBe(false);
    expect(canReadShared(actor(['partner']), record('owner', [], mine))).toBe(true);
  });
  it('gives nothing through sharing to a partner bureau, whatever roles its users hold', () => {
    const inPartnerBureau = { ...actor(['officer', 'analyst']), bureauKind: 'partner' as const };
    expect(canReadShared(inPartnerBureau, record('operation'))).toBe(false);
    expect(canReadShared(inPartnerBureau, record('listed', ['IN']))).toBe(false);
    expect(canReadShared(inPartnerBureau, record('owner', [], mine))).toBe(true);
  });
  it('throws when handed a record without the fields it needs', () => {
    expect(() => canReadShared(actor(['officer']), { owner_bureau_id: theirs })).toThrow(/needs operation_id/);
  });
  it('lets only the owner bureau\'s officers change a record', () => {
    expect(canWriteShared(actor(['officer']), record('operation', [], mine))).toBe(true);
    expect(canWriteShared(actor(['field']), record('operation', [], mine))).toBe(false);
    expect(canWriteShared(actor(['officer']), record('operation'))).toBe(false);
  });
});

describe('normalizeSharing', () => {
  const isCountry = (c: string) => ['IN', 'NP', 'TR'].includes(c);
  it('upper-cases and de-duplicates listed countries', () => {
    expect(normalizeSharing({ sharing: 'listed', sharedWith: ['in', 'IN', ' np'] }, 'owner', isCountry)).toEqual({
      sharing: 'listed',
      shared_with: ['IN', 'NP'],
    });
  });
  it('refuses listed without countries and countries without listed', () => {
    expect(normalizeSharing({ sharing: 'listed' }, 'owner', isCountry)).toMatchObject({ field: 'sharedWith' });
    expect(normalizeSharing({ sharing: 'operation', sharedWith: ['IN'] }, 'owner', isCountry)).toMatchObject({ field: 'sharedWith' });
    expect(normalizeSharing({ sharing: 'listed', sharedWith: ['XX'] }, 'owner', isCountry)).toMatchObject({ field: 'sharedWith' });
  });
  it('falls back to the default', () => {
    expect(normalizeSharing({}, 'operation', isCountry)).toEqual({ sharing: 'operation', shared_with: [] });
  });
});

describe.each(engines)('visibleTo agrees with canReadShared on %s', (engine) => {
  let test: TestDatabase;
  let world: World;
  beforeAll(async () => {
    test = await freshDatabase(engine);
    world = await makeWorld(test.database);
  });
  afterAll(() => test?.drop());

  it('selects exactly the records canReadShared allows, for every actor', async () => {
    const db = test.database.db;
    const owners = [world.bureaus.tr, world.bureaus.in, world.bureaus.np];
    const sharings: [Sharing, string[]][] = [['owner', []], ['operation', []], ['listed', ['IN']], ['listed', ['NP', 'TR']]];
    const rows = owners.flatMap((owner) =>
      sharings.map(([sharing, shared_with]) => ({
        operation_id: world.operationId,
        owner_bureau_id: owner,
        sharing,
        shared_with,
        hotspot_id: world.hotspots.tr,
        at: new Date('2023-10-16T00:00:00Z'),
        kind: 'patrol',
        persons_checked: 1,
      })),
    );
    await db.insertInto('inspections').values(rows).execute();
    const all = await db.selectFrom('inspections').select(['id', 'operation_id', 'owner_bureau_id', 'sharing', 'shared_with']).execute();
    const actors: Actor[] = [
      actor(['officer'], 'TR', world.bureaus.tr, [world.operationId]),
      actor(['officer'], 'IN', world.bureaus.in, [world.operationId]),
      actor(['field'], 'NP', world.bureaus.np, [world.operationId]),
      actor(['partner'], 'NP', world.bureaus.np, [world.operationId]),
      actor(['coordinator'], 'FR', world.bureaus.coord, [world.operationId, world.otherOperationId]),
      actor(['officer'], 'BR', world.bureaus.outsider, [world.otherOperationId]),
    ];
    for (const a of actors) {
      const seen = await db.selectFrom('inspections').select('id').where(visibleTo(a, 'inspections')).execute();
      const expected = all.filter((r) => canReadShared(a, r)).map((r) => r.id);
      expect(seen.map((r) => r.id).sort(), `${[...a.roles]} ${a.bureauCountry}`).toEqual(expected.sort());
    }
  });
});
