import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('hashes passwords at the standard cost unless the test suite asks for less', () => {
    expect(readConfig({}).passwordHashCost).toBe('standard');
    expect(readConfig({ CORDON_PASSWORD_HASH_COST: 'standard' }).passwordHashCost).toBe('standard');
    expect(readConfig({ CORDON_PASSWORD_HASH_COST: 'test', VITEST: 'true' }).passwordHashCost).toBe('test');
  });

  it('refuses the test cost outside the test suite, and always in production', () => {
    expect(() => readConfig({ CORDON_PASSWORD_HASH_COST: 'test' })).toThrow(/CORDON_PASSWORD_HASH_COST=test is for the test suite only/);
    expect(() => readConfig({ CORDON_PASSWORD_HASH_COST: 'test', VITEST: 'true', NODE_ENV: 'production' })).toThrow(/test suite only/);
    expect(() => readConfig({ CORDON_PASSWORD_HASH_COST: 'cheap', VITEST: 'true' })).toThrow(/CORDON_PASSWORD_HASH_COST must be standard or test, got "cheap"/);
  });

  it('names the variable of a setting that is not a whole number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number, got "eighty"/);
  });

  it('runs one worker unless told, and finishes in-flight work for 25 s on SIGTERM', () => {
    expect(readConfig({})).toMatchObject({ workers: 1, shutdownSeconds: 25 });
    expect(readConfig({ CORDON_WORKERS: '4', CORDON_SHUTDOWN_SECONDS: '5' })).toMatchObject({ workers: 4, shutdownSeconds: 5 });
    expect(() => readConfig({ CORDON_WORKERS: 'two' })).toThrow(/CORDON_WORKERS must be a whole number/);
  });

  it('reads the job settings and REDIS_URL, naming the variable of a bad one', () => {
    expect(readConfig({})).toMatchObject({ importJobBytes: 8 * 1048576, jobLeaseSeconds: 900, jobResultDays: 7, redisUrl: undefined });
    // pg-boss refuses a lease of a day or more.
    expect(readConfig({ CORDON_JOB_LEASE_SECONDS: '100000' }).jobLeaseSeconds).toBe(86_399);
    expect(readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(() => readConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(() => readConfig({ CORDON_IMPORT_JOB_MB: 'eight' })).toThrow(/CORDON_IMPORT_JOB_MB must be a whole number/);
  });

  it('puts CORDON_DATABASE_HOSTS in DATABASE_URL, and refuses it alone or malformed', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://cordon@localhost/cordon', CORDON_DATABASE_HOSTS: 'db1:5432,db2:5432' });
    expect(config.databaseUrl).toBe('postgres://cordon@db1:5432,db2:5432/cordon');
    expect(() => readConfig({ CORDON_DATABASE_HOSTS: 'db1:5432' })).toThrow(/CORDON_DATABASE_HOSTS: set DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://u@h/db', CORDON_DATABASE_HOSTS: 'db1:5432;db2' })).toThrow(/CORDON_DATABASE_HOSTS: host:port pairs/);
  });

  it('takes CORDON_READ_URL beside a DATABASE_URL only', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u@db1/c', CORDON_READ_URL: 'postgres://u@db2/c' }).readUrl).toBe('postgres://u@db2/c');
    expect(readConfig({}).readUrl).toBeUndefined();
    expect(() => readConfig({ CORDON_READ_URL: 'postgres://u@db2/c' })).toThrow(/CORDON_READ_URL: a standby/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://u@db1/c', CORDON_READ_URL: 'mysql://x' })).toThrow(/CORDON_READ_URL must start/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://u@db1/c', CORDON_READ_URL: 'postgres://u@db2,db3/c' })).toThrow(/CORDON_READ_URL: one standby/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://u@db1:x,db2/c' })).toThrow(/DATABASE_URL: "db1:NaN"/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://u@h/c', CORDON_DATABASE_HOSTS: 'db1:99999' })).toThrow(/CORDON_DATABASE_HOSTS: "db1:99999"/);
  });
});
