// Signed checkpoints of the audit chain on demand, for the admins of the coordinating bureau.
import type { Actor } from '../../access/actor.ts';
import { canSignCheckpoint, writeCheckpoint } from '../../access/audit-checkpoints.ts';
import { appendAudit } from '../../access/audit.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import { Forbidden } from '../../errors.ts';

/**
 * Records who asked, then signs the chain's head (which holds that entry) and appends it to the
 * checkpoint file outside the database.
 * @example const checkpoint = await signCheckpointNow(database, config, admin)
 */
export async function signCheckpointNow(database: Database, config: Config, actor: Actor) {
  if (!canSignCheckpoint(actor)) throw new Forbidden('signing an audit checkpoint needs the admin role in the coordinating bureau');
  await database.db.transaction().execute((tx) => appendAudit(tx, actor, { action: 'checkpoint', entity: 'audit_log' }));
  const checkpoint = await writeCheckpoint(database.db, { keyFile: config.auditKeyFile, file: config.auditCheckpointFile }, { force: true });
  // The entry written above means the log is never empty here.
  if (!checkpoint) throw new Error('the audit log is empty after an entry was appended');
  return checkpoint;
}
