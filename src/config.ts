// The environment, read and validated once. Nothing else in Cordon reads process.env.
import { dirname, resolve } from 'node:path';
import { ROLES, type Role } from './access/actor.ts';
import { connectionHosts, withHosts } from './db/failover.ts';
import type { HashCost } from './modules/auth/passwords.ts';

export interface Config {
  /** PostgreSQL server URL; when absent Cordon runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** A hot standby the dashboards' aggregates are read from (CORDON_READ_URL); the primary when unset. */
  readUrl: string | undefined;
  /** A Redis server the public routes' request limits are counted in (REDIS_URL); the database when unset. */
  redisUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Processes `cordon serve` runs on one port (CORDON_WORKERS, or --workers); more than one needs DATABASE_URL. */
  workers: number;
  /** On SIGTERM a process stops accepting and finishes what is in flight for at most this long (CORDON_SHUTDOWN_SECONDS). */
  shutdownSeconds: number;
  /** Password of the demo users; when absent a random one is made and printed. */
  demoPassword: string | undefined;
  sessionHours: number;
  /** A session unused this long ends (CORDON_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** Roles whose users must sign in with a TOTP code (CORDON_TOTP_REQUIRED_ROLES, comma-separated). */
  totpRequiredRoles: Role[];
  /** Failed logins from one client address, across usernames, allowed per 15 minutes. */
  loginAddressFailures: number;
  /** Failed logins at one username before each further attempt waits (2, 4, 8 … seconds, at most 15 minutes). */
  loginAccountFailures: number;
  /**
   * Whom to believe about the client's address (X-Forwarded-For), for the login throttle and the
   * sessions list: false (the socket's peer), true (any proxy), or the proxies' addresses/CIDRs.
   */
  trustProxy: boolean | string;
  /**
   * Identifiers attached to cases (each a look-up that may reveal a hidden record) allowed per
   * user and per bureau in any hour (CORDON_PROBE_USER_PER_HOUR, CORDON_PROBE_BUREAU_PER_HOUR).
   */
  probeUserPerHour: number;
  probeBureauPerHour: number;
  /** Distinct identifiers of one bureau's hidden records one user may look up in an hour before that bureau is alerted (CORDON_PROBE_ALERT_HITS). */
  probeAlertHits: number;
  logLevel: string;
  /** Largest CSV body an import over HTTP accepts. */
  importMaxBytes: number;
  /** An import over HTTP of a larger file runs as a background job (202) instead of in the request (CORDON_IMPORT_JOB_MB). */
  importJobBytes: number;
  /**
   * A job taken by a process that then dies is given to another after this long (CORDON_JOB_LEASE_SECONDS,
   * PostgreSQL server only). Keep it above the longest job: a job still running when its lease ends
   * is started again elsewhere, and that second run, finding the first one's work committed, does nothing.
   */
  jobLeaseSeconds: number;
  /** The file a job made (an export) is kept this many days after it finished (CORDON_JOB_RESULT_DAYS). */
  jobResultDays: number;
  /** The operation whose helplines and bureaus the public job-offer checker uses; the newest when unset. */
  publicOperationId: string | undefined;
  /** Ed25519 key that signs the audit chain's checkpoints (CORDON_AUDIT_KEY_FILE); made on first use. Keep it away from the database. */
  auditKeyFile: string;
  /** Append-only file of signed checkpoints (CORDON_AUDIT_CHECKPOINT_FILE). */
  auditCheckpointFile: string;
  /** The running server signs a checkpoint this often when the chain has grown (CORDON_AUDIT_CHECKPOINT_MINUTES; 0: only at shutdown and on demand). */
  auditCheckpointMinutes: number;
  /**
   * The cost of new password hashes (CORDON_PASSWORD_HASH_COST): 'standard' (argon2id at its
   * library's defaults); 'test' (cheap, for the test suite's processes only: refused unless Vitest
   * runs the process, and always when NODE_ENV is production).
   */
  passwordHashCost: HashCost;
  /** CORDON_DEBUG=1: the CLI prints an unexpected error's whole stack (which may hold data) instead of one line. */
  debug: boolean;
}

export type ProbeSettings = Pick<Config, 'probeUserPerHour' | 'probeBureauPerHour' | 'probeAlertHits'>;

/**
 * Look-up limits far above case work (a case holds a handful of identifiers; 120 an hour is some
 * 25 cases) and an alert at 5 identifiers of one bureau's hidden records within an hour.
 */
export const PROBE_DEFAULTS: ProbeSettings = { probeUserPerHour: 120, probeBureauPerHour: 600, probeAlertHits: 5 };

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${name} must be a whole number, got "${value}"`);
  }
  return n;
}

function trustProxy(value: string | undefined): boolean | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  // Trusting every hop would let a client write its own address into X-Forwarded-For.
  if (text === 'true') throw new Error('CORDON_TRUST_PROXY: name the reverse proxies (addresses or CIDRs, comma-separated) rather than trusting every hop');
  return text;
}

function hashCost(env: NodeJS.ProcessEnv): HashCost {
  const value = env.CORDON_PASSWORD_HASH_COST?.trim() || 'standard';
  if (value !== 'standard' && value !== 'test') throw new Error(`CORDON_PASSWORD_HASH_COST must be standard or test, got "${value}"`);
  // Cheap hashes make stolen ones cheap to crack: only ever inside the test suite.
  if (value === 'test' && (!env.VITEST || env.NODE_ENV === 'production')) {
    throw new Error('CORDON_PASSWORD_HASH_COST=test is for the test suite only: unset it (passwords must be hashed at the standard cost)');
  }
  return value;
}

function roles(name: string, value: string | undefined): Role[] {
  const names = (value ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = names.find((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown) throw new Error(`${name}: "${unknown}" is not a role (${ROLES.join(', ')})`);
  return names as Role[];
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** Reads the configuration from an environment (process.env by default). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const given = env.DATABASE_URL?.trim() || undefined;
  if (given && !POSTGRES_URL.test(given)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const hosts = env.CORDON_DATABASE_HOSTS?.trim();
  if (hosts && !given) throw new Error('CORDON_DATABASE_HOSTS: set DATABASE_URL too (the user, password and database the hosts share)');
  if (hosts && !/^(\[[0-9a-fA-F:]+\]|[\w.-]+)(:\d+)?(,\s*(\[[0-9a-fA-F:]+\]|[\w.-]+)(:\d+)?)*$/.test(hosts)) {
    throw new Error('CORDON_DATABASE_HOSTS: host:port pairs, comma-separated (db1:5432,db2:5432)');
  }
  // Several hosts: the primary first, then its standbys; Cordon writes to whichever is the primary.
  const databaseUrl = given && hosts ? withHosts(given, hosts) : given;
  for (const { host, port } of databaseUrl ? connectionHosts(databaseUrl) : []) {
    if (!host || !Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(`${hosts ? 'CORDON_DATABASE_HOSTS' : 'DATABASE_URL'}: "${host}:${port}" is not a host and port (1-65535)`);
    }
  }
  const readUrl = env.CORDON_READ_URL?.trim() || undefined;
  if (readUrl && !POSTGRES_URL.test(readUrl)) throw new Error('CORDON_READ_URL must start with postgres:// or postgresql://');
  if (readUrl && !databaseUrl) throw new Error('CORDON_READ_URL: a standby of the server in DATABASE_URL; set DATABASE_URL too (PGlite has no standby)');
  if (readUrl && connectionHosts(readUrl).length > 1) throw new Error('CORDON_READ_URL: one standby, one host (several would be searched for a primary)');
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) throw new Error('REDIS_URL must start with redis:// or rediss:// and name a host');
  const dataDir = resolve(env.CORDON_DATA_DIR?.trim() || '.cordon/data');
  return {
    databaseUrl,
    readUrl,
    redisUrl,
    dataDir,
    port: integer('PORT', env.PORT, 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    workers: Math.max(1, integer('CORDON_WORKERS', env.CORDON_WORKERS, 1)),
    shutdownSeconds: integer('CORDON_SHUTDOWN_SECONDS', env.CORDON_SHUTDOWN_SECONDS, 25),
    demoPassword: env.CORDON_DEMO_PASSWORD || undefined,
    sessionHours: integer('CORDON_SESSION_HOURS', env.CORDON_SESSION_HOURS, 12),
    sessionIdleMinutes: integer('CORDON_SESSION_IDLE_MINUTES', env.CORDON_SESSION_IDLE_MINUTES, 60),
    totpRequiredRoles: roles('CORDON_TOTP_REQUIRED_ROLES', env.CORDON_TOTP_REQUIRED_ROLES),
    loginAddressFailures: integer('CORDON_LOGIN_ADDRESS_FAILURES', env.CORDON_LOGIN_ADDRESS_FAILURES, 30),
    loginAccountFailures: integer('CORDON_LOGIN_ACCOUNT_FAILURES', env.CORDON_LOGIN_ACCOUNT_FAILURES, 10),
    trustProxy: trustProxy(env.CORDON_TRUST_PROXY),
    probeUserPerHour: Math.max(1, integer('CORDON_PROBE_USER_PER_HOUR', env.CORDON_PROBE_USER_PER_HOUR, PROBE_DEFAULTS.probeUserPerHour)),
    probeBureauPerHour: Math.max(1, integer('CORDON_PROBE_BUREAU_PER_HOUR', env.CORDON_PROBE_BUREAU_PER_HOUR, PROBE_DEFAULTS.probeBureauPerHour)),
    probeAlertHits: Math.max(1, integer('CORDON_PROBE_ALERT_HITS', env.CORDON_PROBE_ALERT_HITS, PROBE_DEFAULTS.probeAlertHits)),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    importMaxBytes: integer('CORDON_IMPORT_MAX_MB', env.CORDON_IMPORT_MAX_MB, 1024) * 1048576,
    importJobBytes: integer('CORDON_IMPORT_JOB_MB', env.CORDON_IMPORT_JOB_MB, 8) * 1048576,
    // pg-boss refuses a lease of a day or more.
    jobResultDays: Math.max(1, integer('CORDON_JOB_RESULT_DAYS', env.CORDON_JOB_RESULT_DAYS, 7)),
    jobLeaseSeconds: Math.min(86_399, Math.max(1, integer('CORDON_JOB_LEASE_SECONDS', env.CORDON_JOB_LEASE_SECONDS, 900))),
    publicOperationId: env.CORDON_PUBLIC_OPERATION?.trim() || undefined,
    // Beside the data folder, never inside it: a copy of the folder must not carry the key.
    auditKeyFile: resolve(env.CORDON_AUDIT_KEY_FILE?.trim() || `${dirname(dataDir)}/audit-key.pem`),
    auditCheckpointFile: resolve(env.CORDON_AUDIT_CHECKPOINT_FILE?.trim() || `${dirname(dataDir)}/audit-checkpoints.jsonl`),
    auditCheckpointMinutes: integer('CORDON_AUDIT_CHECKPOINT_MINUTES', env.CORDON_AUDIT_CHECKPOINT_MINUTES, 10),
    passwordHashCost: hashCost(env),
    debug: env.CORDON_DEBUG === '1',
  };
}
