// `cordon users list | add | passwd`: accounts, managed by whoever operates the database.
import type { Command } from 'commander';
import { ROLES, type Role } from '../access/actor.ts';
import { Invalid } from '../errors.ts';
import { createUser, findBureauByName, listAllUsers, resetPassword } from '../modules/bureaus/service.ts';
import { action, type ThroughServer, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

// While `cordon serve` holds the data folder, accounts are managed through it.
const THROUGH_SERVER: ThroughServer = (server) =>
  `manage accounts through it as an admin: the web application, or GET and POST ${server}/api/users (Authorization: Bearer <token from POST ${server}/api/auth/login>)`;

/**
 * The new password from CORDON_NEW_PASSWORD or the first line of standard input. The password
 * policy (12 characters, not common, not the username) is the service's, as for the API.
 */
async function readPassword(): Promise<string> {
  const fromEnv = cliIo().env.CORDON_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (cliIo().stdin.isTTY) throw new Invalid('give the password in CORDON_NEW_PASSWORD or on standard input', 'password');
  let text = '';
  for await (const chunk of cliIo().stdin) text += chunk;
  const [line = ''] = text.split(/\r?\n/);
  if (!line) throw new Invalid('no password on standard input', 'password');
  return line;
}

export function usersCommand(program: Command) {
  const users = program.command('users').description('list and add user accounts, reset passwords');
  users
    .command('list')
    .description('every user with bureau and roles')
    .action(
      action(async () =>
        withDatabase(async (database) => {
          for (const u of await listAllUsers(database.db)) {
            cliIo().stdout.write(`${u.username}\t${u.roles.join(',')}\t${u.disabled ? 'disabled' : 'active'}\t${u.displayName}\n`);
          }
        }, THROUGH_SERVER),
      ),
    );
  users
    .command('add')
    .description('add a user; the password comes from CORDON_NEW_PASSWORD or standard input')
    .argument('<username>')
    .requiredOption('--bureau <name>', 'the bureau the user belongs to (its name, e.g. "NCB Ankara")')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .option('--name <display name>')
    .action(
      action(async (username: string, options: { bureau: string; roles: string; name?: string }) =>
        withDatabase(async (database) => {
          const bureau = await findBureauByName(database.db, options.bureau);
          if (!bureau) throw new Invalid(`no bureau named "${options.bureau}"`, 'bureau');
          const roles = options.roles.split(',').map((r) => r.trim());
          const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
          if (bad) throw new Invalid(`"${bad}" is not a role (${ROLES.join(', ')})`, 'roles');
          const id = await createUser(database, null, {
            username,
            displayName: options.name,
            bureauId: bureau.id,
            roles: roles as Role[],
            password: await readPassword(),
          });
          cliIo().stdout.write(`added ${username} (${id})\n`);
        }, THROUGH_SERVER),
      ),
    );
  users
    .command('passwd')
    .description("set a user's password (from CORDON_NEW_PASSWORD or standard input) and close their sessions")
    .argument('<username>')
    .action(
      action(async (username: string) =>
        withDatabase(async (database) => {
          await resetPassword(database, username, await readPassword());
          cliIo().stdout.write(`password of ${username} changed\n`);
        }, THROUGH_SERVER),
      ),
    );
}
