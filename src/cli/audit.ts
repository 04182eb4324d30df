// `cordon audit verify`: walk the audit chain and report the first broken link.
import type { Command } from 'commander';
import { verifyAudit } from '../access/audit.ts';
import { action, withDatabase } from './context.ts';

export function auditCommand(program: Command) {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check that no audit entry was changed, inserted or deleted')
    .action(
      action(async () =>
        withDatabase(async (database) => {
          const verdict = await verifyAudit(database.db);
          if (verdict.ok) {
            process.stdout.write(`audit log intact: ${verdict.entries} entries, head ${verdict.headHash}\n`);
          } else {
            process.stdout.write(`AUDIT LOG TAMPERED: ${verdict.problem}\n`);
            process.exitCode = 2;
          }
        }),
      ),
    );
}
