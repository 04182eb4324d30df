// The `cordon` command line: one file per command, each a thin call into a module's service.
// Only the named command's file is loaded (`serve` alone pulls in the whole server, some 0.9 s
// of start-up that `cordon users list` has no use for); help and unknown commands load them all.
import { Command, CommanderError } from 'commander';
import { type CliIo, withCliIo } from './io.ts';

type Register = (program: Command) => void;

const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  demo: async () => (await import('./demo.ts')).demoCommand,
  import: async () => (await import('./import.ts')).importCommand,
  export: async () => (await import('./export.ts')).exportCommand,
  users: async () => (await import('./users.ts')).usersCommand,
  audit: async () => (await import('./audit.ts')).auditCommand,
  cooperation: async () => (await import('./cooperation.ts')).cooperationCommand,
  link: async () => (await import('./link.ts')).linkCommand,
  match: async () => (await import('./match.ts')).matchCommand,
  names: async () => (await import('./names.ts')).namesCommand,
  screen: async () => (await import('./screen.ts')).screenCommand,
};

/**
 * Runs `cordon` with `argv` (node's: the first two are the program, then the command). Without
 * `io`, as the `cordon` process itself (commander exits the process on a usage error); with it, in
 * this process, reading and writing only `io`: a usage error or help sets `io.exit` instead.
 * @example await runCli(['node', 'cordon', 'users', 'list'], io)
 */
export async function runCli(argv: string[], io?: CliIo): Promise<void> {
  const program = new Command('cordon')
    .description('Cordon: operations against human trafficking and scam centres')
    .showHelpAfterError();
  // The commands registered below inherit both (commander copies them to each subcommand).
  if (io) {
    program
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      });
  }
  const named = argv[2];
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  await withCliIo(io, async () => {
    for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);
    try {
      await program.parseAsync(argv);
    } catch (error) {
      if (!(io && error instanceof CommanderError)) throw error;
      io.exit(error.exitCode);
    }
  });
}
