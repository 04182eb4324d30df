// Load on loopback (issue 14, item 8): autocannon against `cordon serve --workers 1, 2 and 4` on the
// PostgreSQL server with the demo loaded, beside a bare Fastify + pg primary-key lookup measured in
// the same run as the ceiling. Three loads: GET /api/inspections/:id, GET /api/operations/:id/results,
// and POST /api/operations/:id/inspections with an Idempotency-Key each; after the writes the
// stored count must equal the acknowledged count exactly. Then one worker under the read load with
// --cpu-prof: where its time goes, by function and by package.
// BENCH_LOAD_SECONDS (default 15) per load, BENCH_LOAD_CONNECTIONS (default 50),
// BENCH_LOAD_WORKERS (default 1,2,4).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { benchDatabase, serverReachable, stageDemo } from './setup.ts';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const WORKER_COUNTS = (process.env.BENCH_LOAD_WORKERS ?? '1,2,4').split(',').map(Number);
const ROOT = resolve(import.meta.dirname, '..');
const USER = 'officer-tr';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Sent {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Starts a process and waits until its output says it listens. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn('node', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let waited = 0; !ready.test(output); waited += 100) {
    if (child.exitCode !== null || waited > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not start: ${output}`);
    }
    await sleep(100);
  }
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/**
 * One autocannon run; `next` gives each request in turn. `answered` hears each request's status
 * (a connection sends one request at a time, so its context knows which request was answered).
 */
async function load(base: string, headers: Record<string, string>, next: () => Sent, answered?: (sent: Sent, status: number) => void): Promise<Figures> {
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [
      {
        setupRequest: (request, context) => {
          const sent = next();
          (context as { sent?: Sent }).sent = sent;
          const { path, method = 'GET', body, headers: extra } = sent;
          return { ...request, path, method, ...(body ? { body } : {}), headers: { ...request.headers, ...extra } };
        },
        onResponse: (status, _body, context) => {
          const sent = (context as { sent?: Sent }).sent;
          if (sent) answered?.(sent, status);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const row = (what: string, processes: string, f: Figures, ceiling?: number) =>
  `| ${what} | ${processes} | ${Math.round(f.rps).toLocaleString('en')} | ${f.p50} | ${f.p99} | ${f.errors} | ${ceiling ? `${Math.round((100 * f.rps) / ceiling)}%` : ''} |`;

/** Self time by function and by package of a V8 CPU profile. */
function summariseProfile(file: string, skipMs: number, top = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    // Start-up (module loading, schema compilation) and idle time are left out.
    if (at < skipMs * 1000 || byId.get(id)?.callFrame.functionName === '(idle)') return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(`file://${ROOT}/`, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('src/') ? `cordon ${where.split('/').slice(0, 3).join('/')}` : where === '' ? `(${functionName || 'native'})` : where.startsWith('node:') ? 'node core' : where);
    const fn = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
  // Who calls the costliest native function: the first JavaScript frame above it.
  const parent = new Map<number, number>();
  for (const node of profile.nodes as { id: number; children?: number[] }[]) for (const child of node.children ?? []) parent.set(child, node.id);
  const callers = new Map<string, number>();
  for (const [id, us] of self) {
    if (byId.get(id)!.callFrame.url !== '') continue;
    let up = parent.get(id);
    const chain: string[] = [];
    while (up !== undefined && chain.length < 3) {
      const frame = byId.get(up)!.callFrame;
      // The first frames outside node's own streams say whose write it is.
      if (frame.url && !frame.url.startsWith('node:')) chain.push(`${frame.functionName || '(anonymous)'} ${frame.url.replace(`file://${ROOT}/`, '')}:${frame.lineNumber + 1}`);
      up = parent.get(up);
    }
    const key = `${byId.get(id)!.callFrame.functionName} ← ${chain.join(' ← ')}`;
    callers.set(key, (callers.get(key) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log('\nSelf time by package (one worker, inspection by id; busy time, start-up left out):\n\n| package or file | self time |\n|---|---|');
  for (const [name, us] of sorted(byPackage)) console.log(`| ${name} | ${pct(us)} |`);
  console.log('\nNative time by its callers:\n\n| native function ← callers | self time |\n|---|---|');
  for (const [name, us] of sorted(callers).slice(0, 6)) console.log(`| \`${name}\` | ${pct(us)} |`);
  console.log('\nSelf time by function:\n\n| function | self time |\n|---|---|');
  for (const [name, us] of sorted(byFunction)) console.log(`| \`${name.trim()}\` | ${pct(us)} |`);
}

export async function benchLoad() {
  if (!(await serverReachable())) {
    console.log('\n(load skipped: no PostgreSQL server reachable)');
    return;
  }
  const bench = await benchDatabase('postgres', 'load');
  const children: ChildProcess[] = [];
  const profiles = mkdtempSync(join(tmpdir(), 'cordon-bench-profile-'));
  try {
    const operationId = await stageDemo(bench.database);
    const databaseUrl = bench.url as string;
    const owner = await bench.database.db.selectFrom('bureaus').select('id').where('country', '=', 'TR').executeTakeFirstOrThrow();
    const ids = (
      await bench.database.db.selectFrom('inspections').select('id').where('operation_id', '=', operationId).where('owner_bureau_id', '=', owner.id).limit(5000).execute()
    ).map((r) => r.id);
    const hotspot = await bench.database.db.selectFrom('hotspots').select('id').where('owner_bureau_id', '=', owner.id).executeTakeFirstOrThrow();
    let n = 0;
    const byId = (prefix: string) => () => ({ path: `${prefix}${ids[n++ % ids.length]}` });

    // The ceiling.
    const barePort = await freePort();
    const bare = await startProcess(['--import', 'tsx', 'bench/bare-server.ts', databaseUrl, String(barePort)], process.env, /listening/);
    children.push(bare);
    await load(`http://127.0.0.1:${barePort}`, {}, byId('/inspections/')); // warm-up
    const ceiling = await load(`http://127.0.0.1:${barePort}`, {}, byId('/inspections/'));
    await stop(bare);

    console.log(`\n## Load on loopback (autocannon, ${CONNECTIONS} connections, ${SECONDS} s a load, PostgreSQL server, the demo's 270,000 inspections)\n`);
    console.log('| load | processes | req/s | p50 ms | p99 ms | errors | of the ceiling |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(row('bare Fastify + pg, primary-key lookup (ceiling)', '1', ceiling));

    const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', CORDON_AUDIT_KEY_FILE: join(profiles, 'key.pem'), CORDON_AUDIT_CHECKPOINT_FILE: join(profiles, 'checkpoints.jsonl') };
    const countStored = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from inspections where notes like 'load %'`.execute(bench.database.db)).rows[0]!.n,
      );
    for (const workers of WORKER_COUNTS) {
      const port = await freePort();
      const serve = await startProcess(['bin/cordon.js', 'serve', '--no-demo', '--no-web', '--port', String(port), '--workers', String(workers)], env, /open http/);
      children.push(serve);
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: 'bench password' }) });
      const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      await load(base, auth, byId('/api/inspections/')); // warm-up: every worker's caches and pools
      const read = await load(base, auth, byId('/api/inspections/'));
      console.log(row('GET /api/inspections/:id', String(workers), read, ceiling.rps));
      const results = await load(base, auth, () => ({ path: `/api/operations/${operationId}/results` }));
      console.log(row('GET /api/operations/:id/results', String(workers), results, ceiling.rps));
      const before = await countStored();
      // Every write sent, by key; those still unanswered when the load stops are sent again with
      // their key afterwards, as a field client retries: each key must be stored exactly once.
      const sent = new Map<string, { request: Sent; status: number | null }>();
      const write = await load(
        base,
        { ...auth, 'content-type': 'application/json' },
        () => {
          const key = randomUUID();
          const request: Sent = {
            path: `/api/operations/${operationId}/inspections`,
            method: 'POST',
            headers: { 'idempotency-key': key },
            body: JSON.stringify({ hotspotId: hotspot.id, at: '2023-10-17T10:00:00Z', kind: 'vehicle_check', personsChecked: 2, notes: `load ${workers} ${key}` }),
          };
          sent.set(key, { request, status: null });
          return request;
        },
        (request, status) => {
          const entry = sent.get(request.headers?.['idempotency-key'] ?? '');
          if (entry) entry.status = status;
        },
      );
      let retried = 0;
      for (const entry of sent.values()) {
        if (entry.status === 201) continue;
        const answer = await fetch(`${base}${entry.request.path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', ...entry.request.headers }, body: entry.request.body as string });
        entry.status = answer.status;
        retried += 1;
      }
      const acknowledged = [...sent.values()].filter((e) => e.status === 201).length;
      const stored = (await countStored()) - before;
      const distinct = Number((await sql<{ n: number }>`select count(distinct notes)::int as n from inspections where notes like ${`load ${workers} %`}`.execute(bench.database.db)).rows[0]!.n);
      console.log(row('POST /api/operations/:id/inspections', String(workers), write, ceiling.rps));
      const exact = stored === acknowledged && distinct === stored && acknowledged === sent.size;
      console.log(
        `|   after the writes (${retried} unanswered at the stop, sent again with their key) | | ${sent.size.toLocaleString('en')} sent, ${acknowledged.toLocaleString('en')} acknowledged, ${stored.toLocaleString('en')} stored${exact ? ': equal, none twice' : ': NOT EQUAL'} | | | | |`,
      );
      await stop(serve);
      if (!exact) process.exitCode = 1;
    }

    // Where one worker's time goes under the read load.
    const port = await freePort();
    const spawned = Date.now();
    const profiled = await startProcess(['--cpu-prof', `--cpu-prof-dir=${profiles}`, 'bin/cordon.js', 'serve', '--no-demo', '--no-web', '--port', String(port)], env, /open http/);
    children.push(profiled);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: 'bench password' }) });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const loadFrom = Date.now() - spawned;
    await load(base, auth, byId('/api/inspections/'));
    await stop(profiled);
    const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
    if (file) summariseProfile(join(profiles, file), loadFrom);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(profiles, { recursive: true, force: true });
    await bench.close();
  }
}
