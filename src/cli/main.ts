// The `cordon` process: the command line of src/cli/program.ts on this process's arguments,
// environment and streams.
import { runCli } from './program.ts';

await runCli(process.argv);
