// `cordon serve`: the web application and the API on localhost, with the demo loaded into an empty
// database. The web application is built first when dist/web is missing. A PGlite folder is this
// process's alone while it serves (see src/db/data-dir-lock.ts): other commands are told to use the API.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { buildApp } from '../server/app.ts';
import { startCheckpointWriter } from '../server/plugins/audit-checkpoints.ts';
import { webIsBuilt } from '../server/plugins/web.ts';
import { action } from './context.ts';
import { cliIo } from './io.ts';
import { loadIfEmpty } from './demo.ts';

export function serveCommand(program: Command) {
  program
    .command('serve')
    .description('run the Cordon server (loads the demo operation into an empty database)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)')
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo operation into an empty database')
    .option('--no-web', 'serve the API only: do not build the web application when dist/web is missing')
    .action(
      action(async (options: { port?: string; host?: string; demo: boolean; web: boolean }) => {
        const config = readConfig(cliIo().env);
        const database = await openDatabase({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          holder: 'cordon serve',
        });
        const where = database.engine === 'pglite' ? config.dataDir : 'the PostgreSQL server in DATABASE_URL';
        cliIo().stderr.write(`cordon: database ready (${database.engine}, ${where})\n`);
        if (options.demo) await loadIfEmpty(database, config);
        if (options.web && !webIsBuilt()) {
          cliIo().stderr.write('cordon: building the web application (once)…\n');
          const { build } = await import('vite');
          await build({
            configFile: resolve(import.meta.dirname, '../../web/vite.config.ts'),
            logLevel: 'warn',
          });
        }
        const app = await buildApp({ database, config, logger: true });
        const port = options.port ? Number(options.port) : config.port;
        const host = options.host ?? config.host;
        await app.listen({ port, host });
        const address = app.server.address();
        const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${typeof address === 'object' && address ? address.port : port}`;
        // Commands refused while the server holds the folder are told where to send their work instead.
        database.lock?.note({ url: base });
        cliIo().stderr.write(`cordon: open ${base}/ (API at ${base}/api, docs at ${base}/api/docs)\n`);
        const checkpoints = startCheckpointWriter(database, config, (message) => app.log.warn(message));
        cliIo().stderr.write(`cordon: audit checkpoints signed into ${config.auditCheckpointFile} (key ${config.auditKeyFile})\n`);
        const stop = async () => {
          await app.close();
          await checkpoints.stop();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
