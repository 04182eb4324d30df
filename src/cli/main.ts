// The `cordon` command line: one file per command, each a thin call into a module's service.
// Only the named command's file is loaded (`serve` alone pulls in the whole server, some 0.9 s
// of start-up that `cordon users list` has no use for); help and unknown commands load them all.
import { Command } from 'commander';

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

const program = new Command('cordon')
  .description('Cordon: operations against human trafficking and scam centres')
  .showHelpAfterError();
const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);

await program.parseAsync(process.argv);
