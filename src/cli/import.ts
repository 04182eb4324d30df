// `cordon import inspections|outcomes FILE --operation ID --user NAME [--force]`: all rows or none,
// and a file the bureau imported into the operation before only with --force.
import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { importInspections } from '../modules/inspections/service.ts';
import { Invalid } from '../errors.ts';
import { fileSha256 } from '../modules/imports/files.ts';
import { importOutcomes } from '../modules/outcomes/service.ts';
import { action, actingUser, progressBar, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

const IMPORTERS = { inspections: importInspections, outcomes: importOutcomes } as const;

export function importCommand(program: Command) {
  program
    .command('import')
    .description('import a CSV file of inspections or outcomes into an operation: every row or none')
    .argument('<kind>', 'inspections | outcomes')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--operation <id>', 'operation id')
    .option('--force', 'import the file even if your bureau imported the same file into the operation before')
    .option('--user <username>', 'the user the records are imported as (their bureau owns them)', cliIo().env.CORDON_USER)
    .action(
      action(async (kind: string, file: string, options: { operation: string; user?: string; force?: boolean }) => {
        const importer = IMPORTERS[kind as keyof typeof IMPORTERS];
        if (!importer) throw new Invalid(`cannot import "${kind}": choose inspections or outcomes`, 'kind');
        const size = statSync(file).size;
        // Hashed first, so that a file imported before is refused before a row of it is read.
        const sha256 = await fileSha256(file);
        await withDatabase(async (database) => {
          const actor = await actingUser(database, options.user);
          const bar = progressBar(kind, size, 'bytes');
          const started = Date.now();
          try {
            const rows = await importer(database, actor, options.operation, createReadStream(file), {
              onProgress: (_rows, bytes) => bar.update(bytes),
              force: options.force,
              sha256,
            });
            bar.update(size);
            bar.stop();
            const seconds = (Date.now() - started) / 1000;
            cliIo().stdout.write(`imported ${rows} ${kind} in ${seconds.toFixed(1)}s (${Math.round(rows / seconds)} rows/s)\n`);
          } finally {
            bar.stop();
          }
        }, (server) =>
          `upload the file to it as that user: curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" --data-binary @${file} ${server}/api/operations/${options.operation}/imports/${kind}${options.force ? '?force=true' : ''} (the token from POST ${server}/api/auth/login)`,
        );
      }),
    );
}
