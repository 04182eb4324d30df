// Latency of GET /api/operations/:id/results (through HTTP, as the coordinator) on the PostgreSQL
// server at 270,000 inspections (the demo) and at 10,000,000.
import { readConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { benchDatabase, percentile, serverReachable, stageDemo } from './setup.ts';

const RUNS = 30;
const LARGE = Number(process.env.BENCH_LARGE_INSPECTIONS ?? 10_000_000);

async function measure(app: Awaited<ReturnType<typeof buildApp>>, operationId: string, token: string) {
  const times: number[] = [];
  let inspections = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const res = await app.inject({ url: `/api/operations/${operationId}/results`, headers: { authorization: `Bearer ${token}` } });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`results answered ${res.statusCode}: ${res.body}`);
    inspections = res.json().totals.inspections;
    if (i >= 3) times.push(ms); // the first calls warm caches
  }
  times.sort((a, b) => a - b);
  return { inspections, p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function benchResults() {
  if (!(await serverReachable())) {
    console.log('\n(results latency skipped: no PostgreSQL server reachable)');
    return;
  }
  const bench = await benchDatabase('postgres', 'results');
  try {
    const operationId = await stageDemo(bench.database);
    const app = await buildApp({ database: bench.database, config: readConfig({}) });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'coordinator', password: 'bench password' } });
    const token = login.json().token as string;
    console.log(`\n## GET /api/operations/:id/results on the ${bench.name} (${RUNS} calls)`);
    console.log('| inspections | p50 ms | p95 ms |');
    console.log('|---|---|---|');
    const small = await measure(app, operationId, token);
    console.log(`| ${small.inspections.toLocaleString('en')} | ${small.p50.toFixed(1)} | ${small.p95.toFixed(1)} |`);

    // Grow to LARGE inspections server-side: the same hotspots, bureaus and days, many more checks.
    const started = performance.now();
    const client = await bench.database.pool.connect();
    const extra = LARGE - small.inspections;
    const chunk = 2_000_000;
    for (let done = 0; done < extra; done += chunk) {
      const n = Math.min(chunk, extra - done);
      await client.query(
        `insert into inspections (operation_id, owner_bureau_id, sharing, hotspot_id, at, kind, persons_checked)
         with h as (
           select row_number() over (order by id) - 1 as n, operation_id, id, owner_bureau_id
             from hotspots where operation_id = $2
         )
         select h.operation_id, h.owner_bureau_id, 'operation', h.id,
                timestamptz '2023-10-16 00:00:00+00' + ((g * 7919) % 432000) * interval '1 second',
                (array['premises_inspection','document_check','vehicle_check','traveller_check','patrol'])[1 + g % 5],
                g % 20
           from generate_series($3::bigint, $3::bigint + $1::bigint - 1) g
           join h on h.n = g % (select count(*) from h)`,
        [n, operationId, done],
      );
    }
    await client.query('analyze');
    client.release();
    process.stderr.write(`(grew to ${LARGE.toLocaleString('en')} inspections in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    const large = await measure(app, operationId, token);
    console.log(`| ${large.inspections.toLocaleString('en')} | ${large.p50.toFixed(1)} | ${large.p95.toFixed(1)} |`);
    await app.close();
  } finally {
    await bench.close();
  }
}
