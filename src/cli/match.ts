// `cordon match people --operation ID`: runs person matching over an operation's persons and stores
// the new candidate matches for analysts to confirm or reject. A system run: no acting user.
import type { Command } from 'commander';
import { proposePersonMatches } from '../modules/matches/service.ts';
import { action, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

export function matchCommand(program: Command) {
  const match = program.command('match').description('find the same person or entity across cases');
  match
    .command('people')
    .description("store candidate matches between the operation's persons; decided pairs are never proposed again")
    .requiredOption('--operation <id>', 'operation id')
    .option('--threshold <probability>', 'lowest probability stored as a proposal', '0.5')
    .action(
      action(async (options: { operation: string; threshold: string }) => {
        const progress = (note: string) => cliIo().stderr.write(`match: ${note}\n`);
        await withDatabase(async (database) => {
          const result = await proposePersonMatches(database, options.operation, { threshold: Number(options.threshold), onProgress: progress });
          cliIo().stdout.write(`persons: ${result.persons}\ncandidate pairs: ${result.candidatePairs}\nnew proposals: ${result.proposed}\nmodel: ${result.model}\n`);
        }, (server) => `ask it to as an analyst, coordinator or admin of a police bureau: POST ${server}/api/operations/${options.operation}/person-matches/run (Authorization: Bearer <token from POST ${server}/api/auth/login>), or from the web application's person matches screen`);
      }),
    );
}
