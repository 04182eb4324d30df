// Where a command reads its environment and standard input and writes its output and exit code.
// A `cordon` process uses its own (process.env, stdin, stdout, stderr, process.exitCode); `runCli`
// can be given others, so that a command runs inside another program (the tests run most
// commands so, without starting a process each time) exactly as it runs on its own.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Sets the command's exit code (the process's, for a `cordon` process). */
  exit(code: number): void;
}

const PROCESS_IO: CliIo = {
  get env() {
    return process.env;
  },
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  exit(code) {
    process.exitCode = code;
  },
};

const running = new AsyncLocalStorage<CliIo>();

/** The running command's environment and streams. */
export function cliIo(): CliIo {
  return running.getStore() ?? PROCESS_IO;
}

/** Runs `work` with `io` as its environment and streams (the process's when none is given). */
export function withCliIo<T>(io: CliIo | undefined, work: () => Promise<T>): Promise<T> {
  return io ? running.run(io, work) : work();
}
