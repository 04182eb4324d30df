// Builds a small operation for a test: a coordinating bureau and national bureaus of Türkiye,
// India and Nepal (plus one bureau outside the operation), users in every role, two hotspots.
// Records are written straight to the database: factories set the stage, the tests go through HTTP.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/connection.ts';
import type { Sharing } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface World {
  operationId: string;
  otherOperationId: string;
  bureaus: Record<'coord' | 'tr' | 'in' | 'np' | 'outsider' | 'partner', string>;
  hotspots: { tr: string; np: string; trPrivate: string };
}

/** Usernames made by makeWorld, by bureau and role. */
export const USERS = {
  coordinator: 'coordinator',
  coordAdmin: 'coord-admin',
  analyst: 'analyst',
  officerTr: 'officer-tr',
  fieldTr: 'field-tr',
  officerIn: 'officer-in',
  officerNp: 'officer-np',
  partnerNp: 'partner-np',
  outsider: 'officer-br',
} as const;

export async function makeWorld(database: Database): Promise<World> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const db = database.db;
  const bureaus = { coord: randomUUID(), tr: randomUUID(), in: randomUUID(), np: randomUUID(), outsider: randomUUID(), partner: randomUUID() };
  await db
    .insertInto('bureaus')
    .values([
      { id: bureaus.coord, country: 'FR', name: 'Secretariat', kind: 'coordinator' },
      { id: bureaus.tr, country: 'TR', name: 'NCB Ankara', kind: 'national_bureau' },
      { id: bureaus.in, country: 'IN', name: 'NCB New Delhi', kind: 'national_bureau' },
      { id: bureaus.np, country: 'NP', name: 'NCB Kathmandu', kind: 'national_bureau' },
      { id: bureaus.outsider, country: 'BR', name: 'NCB Brasília', kind: 'national_bureau' },
      { id: bureaus.partner, country: 'NP', name: 'Shelter Kathmandu', kind: 'partner' },
    ])
    .execute();
  const user = (username: string, bureau: string, roles: string[]) => ({
    username,
    display_name: username,
    bureau_id: bureau,
    roles,
    password_hash: hash,
  });
  await db
    .insertInto('users')
    .values([
      user(USERS.coordinator, bureaus.coord, ['coordinator']),
      user(USERS.coordAdmin, bureaus.coord, ['admin']),
      user(USERS.analyst, bureaus.coord, ['analyst']),
      user(USERS.officerTr, bureaus.tr, ['officer']),
      user(USERS.fieldTr, bureaus.tr, ['field']),
      user(USERS.officerIn, bureaus.in, ['officer']),
      user(USERS.officerNp, bureaus.np, ['officer']),
      user(USERS.partnerNp, bureaus.np, ['partner']),
      user(USERS.outsider, bureaus.outsider, ['officer']),
    ])
    .execute();
  const operationId = randomUUID();
  const otherOperationId = randomUUID();
  await db
    .insertInto('operations')
    .values([
      { id: operationId, name: 'Test operation', coordinator_bureau_id: bureaus.coord },
      { id: otherOperationId, name: 'Other operation', coordinator_bureau_id: bureaus.coord },
    ])
    .execute();
  await db
    .insertInto('operation_bureaus')
    .values([
      { operation_id: operationId, bureau_id: bureaus.tr },
      { operation_id: operationId, bureau_id: bureaus.in },
      { operation_id: operationId, bureau_id: bureaus.np },
      { operation_id: otherOperationId, bureau_id: bureaus.outsider },
    ])
    .execute();
  const hotspots = { tr: randomUUID(), np: randomUUID(), trPrivate: randomUUID() };
  await db
    .insertInto('hotspots')
    .values([
      makeHotspotRow(operationId, hotspots.tr, bureaus.tr, 'TR', 'Çeşme coast', 'coastline_sector', 'operation'),
      makeHotspotRow(operationId, hotspots.np, bureaus.np, 'NP', 'Birgunj border crossing', 'border_crossing', 'operation'),
      makeHotspotRow(operationId, hotspots.trPrivate, bureaus.tr, 'TR', 'Kapıkule', 'border_crossing', 'owner'),
    ])
    .execute();
  return { operationId, otherOperationId, bureaus, hotspots };
}

function makeHotspotRow(
  operationId: string,
  id: string,
  bureau: string,
  country: string,
  name: string,
  kind: string,
  sharing: Sharing,
) {
  return {
    operation_id: operationId,
    id,
    owner_bureau_id: bureau,
    sharing,
    shared_with: [],
    country,
    name,
    kind,
    latitude: 38.3,
    longitude: 26.3,
  };
}
