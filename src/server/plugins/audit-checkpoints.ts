// The running server signs the audit chain's head when it starts, every few minutes while the
// chain grows, and when it stops, so at most one interval of entries is ever unanchored.
import { type Checkpoint, writeCheckpoint } from '../../access/audit-checkpoints.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connection.ts';

export interface CheckpointWriter {
  /** Signs the head if it moved since the last checkpoint; the writes never overlap. */
  tick(): Promise<Checkpoint | undefined>;
  /** Stops the timer and signs a last checkpoint. */
  stop(): Promise<void>;
}

/**
 * Starts signing checkpoints for a server; `warn` hears about a failed write (the server keeps going).
 * @example const writer = startCheckpointWriter(database, config, (m) => app.log.warn(m)); … await writer.stop()
 */
export function startCheckpointWriter(database: Database, config: Config, warn: (message: string) => void): CheckpointWriter {
  const settings = { keyFile: config.auditKeyFile, file: config.auditCheckpointFile };
  let lastSeq: number | undefined;
  let running: Promise<Checkpoint | undefined> = Promise.resolve(undefined);
  const tick = () => {
    running = running.then(async () => {
      try {
        const written = await writeCheckpoint(database.db, settings, lastSeq === undefined ? {} : { after: lastSeq });
        if (written) lastSeq = written.seq;
        return written;
      } catch (error) {
        warn(`could not sign an audit checkpoint into ${settings.file}: ${(error as Error).message}`);
        return undefined;
      }
    });
    return running;
  };
  const minutes = config.auditCheckpointMinutes;
  const timer = minutes > 0 ? setInterval(() => void tick(), minutes * 60_000) : undefined;
  timer?.unref();
  void tick();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await tick();
    },
  };
}
