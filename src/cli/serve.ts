// `cordon serve`: the web application and the API on localhost, with the demo loaded into an empty
// database. The web application is built first when dist/web is missing. A PGlite folder is this
// process's alone while it serves (see src/db/data-dir-lock.ts): other commands are told to use the API.
//
// `--workers N` (PostgreSQL only) runs N processes on one port with node's cluster: the primary
// migrates, loads the demo, builds the web application and signs the audit checkpoints, then
// forks the workers, which serve; a worker that dies is started again. Everything a worker keeps
// (sessions, rate limits, idempotency keys, throttles) lives in the database, so N behave as one.
// On SIGTERM or SIGINT each process stops accepting, finishes what is in flight (at most
// CORDON_SHUTDOWN_SECONDS) and exits.
import cluster, { type Worker } from 'node:cluster';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Config, readConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { Invalid } from '../errors.ts';
import { buildApp } from '../server/app.ts';
import { startCheckpointWriter } from '../server/plugins/audit-checkpoints.ts';
import { webIsBuilt } from '../server/plugins/web.ts';
import { action } from './context.ts';
import { loadIfEmpty } from './demo.ts';
import { cliIo } from './io.ts';

interface ServeOptions {
  port?: string;
  host?: string;
  workers?: string;
  demo: boolean;
  web: boolean;
}

export function serveCommand(program: Command) {
  program
    .command('serve')
    .description('run the Cordon server (loads the demo operation into an empty database)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)')
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .option('--workers <n>', 'processes serving the port (default CORDON_WORKERS or 1); more than one needs DATABASE_URL')
    .option('--no-demo', 'do not load the demo operation into an empty database')
    .option('--no-web', 'serve the API only: do not build the web application when dist/web is missing')
    .action(
      action(async (options: ServeOptions) => {
        const config = readConfig(cliIo().env);
        if (cluster.isWorker) return serveAsWorker(config, options);
        const workers = options.workers === undefined ? config.workers : Number(options.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Invalid(`--workers must be a whole number from 1 to 64, got "${options.workers}"`, 'workers');
        if (workers > 1 && !config.databaseUrl) {
          throw new Invalid('--workers needs a PostgreSQL server: set DATABASE_URL (a PGlite folder has one owner process)', 'workers');
        }
        return workers > 1 ? servePrimary(config, options, workers) : serveAlone(config, options);
      }),
    );
}

/** Opens the database and makes it ready to serve: migrated, the demo loaded, the web application built. */
async function prepare(config: Config, options: ServeOptions) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, readUrl: config.readUrl, dataDir: config.dataDir, holder: 'cordon serve' });
  const where = database.engine === 'pglite' ? config.dataDir : 'the PostgreSQL server in DATABASE_URL';
  cliIo().stderr.write(`cordon: database ready (${database.engine}, ${where})\n`);
  if (options.demo) await loadIfEmpty(database, config);
  if (options.web && !webIsBuilt()) {
    cliIo().stderr.write('cordon: building the web application (once)…\n');
    const { build } = await import('vite');
    await build({ configFile: resolve(import.meta.dirname, '../../web/vite.config.ts'), logLevel: 'warn' });
  }
  return database;
}

function baseUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
}

function announce(config: Config, base: string) {
  cliIo().stderr.write(`cordon: open ${base}/ (API at ${base}/api, docs at ${base}/api/docs)\n`);
  cliIo().stderr.write(`cordon: audit checkpoints signed into ${config.auditCheckpointFile} (key ${config.auditKeyFile})\n`);
}

/** Runs `stop` once on SIGTERM or SIGINT; exits 1 if it has not finished within the deadline. */
function onStopSignal(config: Config, stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      cliIo().stderr.write(`cordon: still stopping ${config.shutdownSeconds} s after ${signal}; exiting now\n`);
      process.exit(1);
    }, config.shutdownSeconds * 1000 + 2000);
    deadline.unref();
    stop().then(
      () => process.exit(),
      (error: unknown) => {
        cliIo().stderr.write(`cordon: error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** One process: prepares, serves, signs checkpoints. */
async function serveAlone(config: Config, options: ServeOptions) {
  const database = await prepare(config, options);
  const app = await buildApp({ database, config, logger: true });
  const port = options.port ? Number(options.port) : config.port;
  const host = options.host ?? config.host;
  await app.listen({ port, host });
  const address = app.server.address();
  const base = baseUrl(host, typeof address === 'object' && address ? address.port : port);
  // Commands refused while the server holds the folder are told where to send their work instead.
  database.lock?.note({ url: base });
  announce(config, base);
  await app.jobs.start();
  const checkpoints = startCheckpointWriter(database, config, (message) => app.log.warn(message));
  onStopSignal(config, async () => {
    await app.close();
    await checkpoints.stop();
    await database.close();
  });
}

/** A worker of `--workers`: serves until told to stop. The primary has prepared the database. */
async function serveAsWorker(config: Config, options: ServeOptions) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, readUrl: config.readUrl, dataDir: config.dataDir, holder: 'cordon serve' });
  const app = await buildApp({ database, config, logger: true });
  try {
    await app.listen({ port: options.port ? Number(options.port) : config.port, host: options.host ?? config.host });
  } catch (error) {
    // Not listening: nothing may keep the process alive (the primary sees it exit and stops).
    await app.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  await app.jobs.start();
  onStopSignal(config, async () => {
    await app.close();
    await database.close();
  });
}

/** The primary of `--workers`: prepares the database, forks the workers, restarts one that dies. */
async function servePrimary(config: Config, options: ServeOptions, workers: number) {
  const database = await prepare(config, options);
  const host = options.host ?? config.host;
  let stopping = false;
  let announced = false;
  const started: Worker[] = [];
  const listening = new Set<Worker>();
  const fork = () => started.push(cluster.fork());
  cluster.on('listening', (worker, address) => {
    listening.add(worker);
    // Said once every worker listens: until then, "N worker processes serve the port" would not be true.
    if (announced || listening.size < workers) return;
    announced = true;
    announce(config, baseUrl(host, address.port));
    cliIo().stderr.write(`cordon: ${workers} worker processes serve the port\n`);
  });
  cluster.on('exit', (worker, code, signal) => {
    started.splice(started.indexOf(worker), 1);
    if (stopping) return;
    if (!listening.has(worker)) {
      // It could not start (the port is taken, the database refused): starting it again would not help.
      cliIo().stderr.write(`cordon: a worker could not start (${signal ?? `exit ${code}`}; its error is above); stopping\n`);
      process.kill(process.pid, 'SIGTERM');
      process.exitCode = 1;
      return;
    }
    cliIo().stderr.write(`cordon: worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another\n`);
    setTimeout(fork, 1000).unref();
  });
  const checkpoints = startCheckpointWriter(database, config, (message) => cliIo().stderr.write(`cordon: ${message}\n`));
  onStopSignal(config, async () => {
    stopping = true;
    const exited = started.map((worker) => new Promise((done) => worker.once('exit', done)));
    for (const worker of started) worker.process.kill('SIGTERM');
    await Promise.all(exited);
    await checkpoints.stop();
    await database.close();
  });
  for (let i = 0; i < workers; i++) fork();
}
