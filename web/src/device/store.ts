// The device's own database (IndexedDB, through idb): the outbox of field records not yet on the
// server, and the copy of what the field screens read, kept for working with no network. It
// outlives the tab, the browser and a phone's reboot; signing out empties it.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** A field record made on this device, waiting for (or refused by) the server. */
export interface OutboxRecord {
  /** Made on the device; also the record's Idempotency-Key, so every send of it is one create. */
  id: string;
  /** The order records are sent in: the order they were made. */
  seq: number;
  kind: 'inspection' | 'outcome' | 'screening';
  operationId: string;
  /** Whose record: only that user's session sends it. */
  userId: string;
  path: string;
  body: Record<string, unknown>;
  /** When it was made, by the device's clock. */
  createdAt: string;
  state: 'waiting' | 'sending' | 'sent' | 'refused';
  attempts: number;
  /** When the next automatic send may be tried (back-off after a failure). */
  nextAttemptAt: number;
  /** The server's reason, when it refused the record. */
  refusal?: { status: number; error: string; message: string; field?: string };
  sentAt?: string;
  /** The id the server gave the stored record. */
  serverId?: string;
  /** What the officer sees in the list: the place's name and a few words. */
  label: { place: string; persons: number; kindOf: string };
}

interface DeviceSchema extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { seq: number } };
  cache: { key: string; value: unknown };
}

let opened: Promise<IDBPDatabase<DeviceSchema>> | null = null;

export function deviceDb(): Promise<IDBPDatabase<DeviceSchema>> {
  opened ??= openDB<DeviceSchema>('cordon-device', 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('seq', 'seq');
      db.createObjectStore('cache');
    },
    // Another tab opened a newer version: let it, and open again on the next call.
    blocking() {
      void opened?.then((db) => db.close());
      opened = null;
    },
  });
  return opened;
}
