// The `cordon` command line: one file per command, each a thin call into a module's service.
import { Command } from 'commander';
import { auditCommand } from './audit.ts';
import { cooperationCommand } from './cooperation.ts';
import { demoCommand } from './demo.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { linkCommand } from './link.ts';
import { matchCommand } from './match.ts';
import { namesCommand } from './names.ts';
import { screenCommand } from './screen.ts';
import { serveCommand } from './serve.ts';
import { usersCommand } from './users.ts';

const program = new Command('cordon')
  .description('Cordon: operations against human trafficking and scam centres')
  .showHelpAfterError();
serveCommand(program);
demoCommand(program);
importCommand(program);
exportCommand(program);
usersCommand(program);
auditCommand(program);
cooperationCommand(program);
linkCommand(program);
matchCommand(program);
namesCommand(program);
screenCommand(program);

await program.parseAsync(process.argv);
