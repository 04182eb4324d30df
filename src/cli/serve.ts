// `cordon serve`: the API (and later the web app) on localhost, with the demo loaded into an empty database.
import type { Command } from 'commander';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { buildApp } from '../server/app.ts';
import { loadIfEmpty } from './demo.ts';

export function serveCommand(program: Command) {
  program
    .command('serve')
    .description('run the Cordon server (loads the demo operation into an empty database)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)')
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo operation into an empty database')
    .action(async (options: { port?: string; host?: string; demo: boolean }) => {
      const config = readConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const where = database.engine === 'pglite' ? config.dataDir : 'the PostgreSQL server in DATABASE_URL';
      process.stderr.write(`cordon: database ready (${database.engine}, ${where})\n`);
      if (options.demo) await loadIfEmpty(database, config);
      const app = await buildApp({ database, config, logger: true });
      const port = options.port ? Number(options.port) : config.port;
      const host = options.host ?? config.host;
      await app.listen({ port, host });
      process.stderr.write(`cordon: API on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/api (docs at /api/docs)\n`);
      const stop = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
