// `cordon cooperation stats --operation ID --user NAME`: requests received and sent per bureau and
// the hours each took to answer, as a table (or JSON with --json).
import type { Command } from 'commander';
import { cooperationStats } from '../modules/cooperation/service.ts';
import { action, actingUser, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

const hours = (h: number | null) => (h === null ? '—' : h.toFixed(1));

export function cooperationCommand(program: Command) {
  const cooperation = program.command('cooperation').description('cooperation requests between bureaus');
  cooperation
    .command('stats')
    .description('per bureau: requests received and sent, median and 90th-percentile hours to first answer')
    .requiredOption('--operation <id>', 'operation id')
    .option('--user <username>', 'the user whose view is shown', cliIo().env.CORDON_USER)
    .option('--json', 'print JSON instead of a table')
    .action(
      action(async (options: { operation: string; user?: string; json?: boolean }) => {
        await withDatabase(async (database) => {
          const actor = await actingUser(database, options.user);
          const stats = await cooperationStats(database, actor, options.operation);
          if (options.json) {
            cliIo().stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
            return;
          }
          const lines = [['bureau', 'received', 'sent', 'answered', 'median h', 'p90 h']];
          for (const b of stats.bureaus) {
            lines.push([`${b.country} ${b.name}`, String(b.received), String(b.sent), String(b.answered), hours(b.medianHoursToFirstAnswer), hours(b.p90HoursToFirstAnswer)]);
          }
          const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
          for (const l of lines) cliIo().stdout.write(`${l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}\n`);
        }, (server) => `read them from it as that user: GET ${server}/api/operations/${options.operation}/cooperation/stats (Authorization: Bearer <token from POST ${server}/api/auth/login>)`);
      }),
    );
}
