// `cordon audit verify | checkpoint | keygen`: walk the audit chain and report the first broken
// link, checked against signed checkpoints kept outside the database.
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createSigningKey, keyFingerprint, publicKeyFrom, verifyCheckpoints, writeCheckpoint } from '../access/audit-checkpoints.ts';
import { verifyAudit } from '../access/audit.ts';
import { readConfig } from '../config.ts';
import { Invalid } from '../errors.ts';
import { action, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

export function auditCommand(program: Command) {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check that no audit entry was changed, inserted or deleted; with --checkpoints, also against signed checkpoints')
    .option('--checkpoints <file>', 'signed checkpoints (JSON lines) to check the chain against')
    .option('--public-key <pem>', 'the public key (or the private key) that signed them (default: CORDON_AUDIT_KEY_FILE)')
    .action(
      action(async (options: { checkpoints?: string; publicKey?: string }) => {
        const config = readConfig(cliIo().env);
        const keyPath = options.publicKey ?? config.auditKeyFile;
        if (options.checkpoints && !existsSync(keyPath)) {
          throw new Invalid(`no key at ${keyPath} to check the checkpoints with: give --public-key`, 'public-key');
        }
        const checkpoints = options.checkpoints ? readFileSync(options.checkpoints, 'utf8') : undefined;
        const publicKey = checkpoints !== undefined ? publicKeyFrom(keyPath) : undefined;
        await withDatabase(async (database) => {
          const verdict = await verifyAudit(database.db);
          if (!verdict.ok) {
            cliIo().stdout.write(`AUDIT LOG TAMPERED: ${verdict.problem}\n`);
            cliIo().exit(2);
            return;
          }
          if (checkpoints === undefined || !publicKey) {
            cliIo().stdout.write(`audit log intact: ${verdict.entries} entries, head ${verdict.headHash}\n`);
            return;
          }
          const signed = await verifyCheckpoints(database.db, checkpoints, publicKey);
          if (!signed.ok) {
            cliIo().stdout.write(`AUDIT LOG TAMPERED: ${signed.problem}\n`);
            cliIo().exit(2);
            return;
          }
          cliIo().stdout.write(
            `audit log intact: ${verdict.entries} entries, head ${verdict.headHash}; ${signed.checkpoints} signed checkpoints hold (the last at entry ${signed.lastSeq ?? 0}, key ${keyFingerprint(publicKey)})\n`,
          );
        }, (server) => `sign a checkpoint with POST ${server}/api/audit/checkpoints as an admin of the coordinating bureau, and verify when the server is stopped`);
      }),
    );
  audit
    .command('checkpoint')
    .description("sign the chain's head now and append it to the checkpoint file (CORDON_AUDIT_CHECKPOINT_FILE)")
    .action(
      action(async () =>
        withDatabase(
          async (database, config) => {
            const checkpoint = await writeCheckpoint(database.db, { keyFile: config.auditKeyFile, file: config.auditCheckpointFile }, { force: true });
            cliIo().stdout.write(
              checkpoint
                ? `checkpoint of entry ${checkpoint.seq} (${checkpoint.hash}) appended to ${config.auditCheckpointFile}\n`
                : 'the audit log is empty: nothing to sign\n',
            );
          },
          (server) => `sign one with POST ${server}/api/audit/checkpoints as an admin of the coordinating bureau`,
        ),
      ),
    );
  audit
    .command('keygen')
    .description('write a new Ed25519 key to sign checkpoints with (never overwrites one)')
    .requiredOption('--out <file>', 'where to write the private key (PEM, mode 0600)')
    .action(
      action(async (options: { out: string }) => {
        const key = createSigningKey(options.out);
        const publicKey = createPublicKey(key);
        cliIo().stdout.write(`${options.out}: key ${keyFingerprint(publicKey)}; give auditors its public key:\n`);
        cliIo().stdout.write(publicKey.export({ type: 'spki', format: 'pem' }) as string);
      }),
    );
}
