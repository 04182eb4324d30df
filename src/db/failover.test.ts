import { describe, expect, it } from 'vitest';
import { connectionHosts, isConnectionLost, perHostUrls, withHosts } from './failover.ts';

describe('several hosts in a connection string', () => {
  it('reads libpq’s host list, with the default port, IPv6 in brackets', () => {
    expect(connectionHosts('postgres://cordon:pw@db1:5432,db2/cordon?sslmode=require')).toEqual([
      { host: 'db1', port: 5432 },
      { host: 'db2', port: 5432 },
    ]);
    expect(connectionHosts('postgresql://u@[::1]:5433,10.0.0.2:6432/db')).toEqual([
      { host: '::1', port: 5433 },
      { host: '10.0.0.2', port: 6432 },
    ]);
  });

  it('makes one URL per host, keeping the user, password, database and options but target_session_attrs', () => {
    expect(perHostUrls('postgres://cordon:pw@db1:5432,db2:5433/cordon?target_session_attrs=read-write&sslmode=require')).toEqual([
      'postgres://cordon:pw@db1:5432/cordon?sslmode=require',
      'postgres://cordon:pw@db2:5433/cordon?sslmode=require',
    ]);
    expect(perHostUrls('postgres://u@[::1]:5433,h/db?target_session_attrs=read-write')).toEqual(['postgres://u@[::1]:5433/db', 'postgres://u@h:5432/db']);
    expect(perHostUrls('postgres://u@one:5432/db')).toHaveLength(1);
  });

  it('puts CORDON_DATABASE_HOSTS in place of the URL’s hosts', () => {
    expect(withHosts('postgres://cordon:pw@localhost/cordon?x=1', 'db1:5432, db2:5432')).toBe('postgres://cordon:pw@db1:5432,db2:5432/cordon?x=1');
  });

  it('tells a lost connection or a standby from an ordinary error', () => {
    expect(isConnectionLost(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isConnectionLost('ECONNREFUSED')).toBe(false);
  });
});
