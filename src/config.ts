// The environment, read and validated once. Nothing else in Cordon reads process.env.
import { resolve } from 'node:path';

export interface Config {
  /** PostgreSQL server URL; when absent Cordon runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Password of the demo users; when absent a random one is made and printed. */
  demoPassword: string | undefined;
  sessionHours: number;
  logLevel: string;
  /** Largest CSV body an import over HTTP accepts. */
  importMaxBytes: number;
  /** The operation whose helplines and bureaus the public job-offer checker uses; the newest when unset. */
  publicOperationId: string | undefined;
  /** CORDON_DEBUG=1: the CLI prints an unexpected error's whole stack (which may hold data) instead of one line. */
  debug: boolean;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${name} must be a whole number, got "${value}"`);
  }
  return n;
}

/** Reads the configuration from an environment (process.env by default). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    databaseUrl,
    dataDir: resolve(env.CORDON_DATA_DIR?.trim() || '.cordon/data'),
    port: integer('PORT', env.PORT, 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    demoPassword: env.CORDON_DEMO_PASSWORD || undefined,
    sessionHours: integer('CORDON_SESSION_HOURS', env.CORDON_SESSION_HOURS, 12),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    importMaxBytes: integer('CORDON_IMPORT_MAX_MB', env.CORDON_IMPORT_MAX_MB, 1024) * 1048576,
    publicOperationId: env.CORDON_PUBLIC_OPERATION?.trim() || undefined,
    debug: env.CORDON_DEBUG === '1',
  };
}
