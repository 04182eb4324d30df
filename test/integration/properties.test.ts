// Hostile input, by property (fast-check): every JSON body and query string schema the API
// publishes, and both CSV imports, get random and mutated input. A value the schema refuses gets
// 400 naming the field it broke (the row and column, for a CSV file) and leaves the row count of
// every table as it was; a value the schema accepts never gets a 500, and a refusal of it writes
// nothing either. The refused values run on PGlite only (nothing but the session is read before
// the schema answers); the accepted values and the CSV files, which reach the database, on both
// engines. CORDON_PROPERTY_RUNS sets the cases per schema (200 unless set); a failure prints the
// seed to run it again with (fast-check's `seed` and `path`).
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { rowCounter, STORES_NOTHING_EXCEPT } from '../helpers/row-counts.ts';
import { accepted, broken, type Schema, type Validator, validator } from '../helpers/schema-arbitraries.ts';
import { INSPECTION_CSV } from '../../src/modules/inspections/service.ts';
import { OUTCOME_CSV } from '../../src/modules/outcomes/service.ts';
import { INVESTIGATION_STATUSES } from '../../src/modules/outcomes/schema.ts';
import { INSPECTION_KINDS, OFFENCES } from '../../src/shared/vocabulary.ts';

const RUNS = Number(process.env.CORDON_PROPERTY_RUNS ?? 200);
/** Schema-valid requests per schema, on top of RUNS refused ones: they reach the services. */
const VALID_RUNS = Math.max(10, Math.round(RUNS / 8));
const OTHER_ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

type Cells = Record<string, string>;
/** The ways to break one cell of a row: the row as each makes it, and the column the 400 must name. */
type Breaking = (cells: Cells) => { cells: Cells; column: string }[];

/** A cell as a spreadsheet writes it: quoted when it holds a comma, a quote, a line break or edge spaces. */
const cell = (value: string) => (/[",\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Free text of any script, commas, quotes and line breaks included (no NUL, no bare CR). */
const notes = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', 'two\nlines', 'a "quoted", word', ' 边境检查 ', 'Çeşme, kıyı'))
  .map((s) => s.replaceAll('\0', ' ').replaceAll('\r', ' '));
const moment = fc
  .date({ min: new Date('2023-10-16T00:00:00Z'), max: new Date('2023-10-21T00:00:00Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().replace('.000Z', '+03:00'), d.toISOString().slice(0, 10)));
const sharing = fc.constantFrom(['', ''], ['operation', ''], ['owner', ''], ['listed', 'IN;NP']).map(([s, w]) => ({ sharing: s!, sharedWith: w! }));
const BAD_TIMES = ['yesterday', '', '2023-02-30T10:00:00Z', '2023-10-16T25:00:00Z', '16/10/2023'];
const BAD_COUNTS = ['-1', 'many', '1.5', '1e3', '9999999999', ' 3 4'];
const TOO_LONG_NOTES = 'x'.repeat(10_001);

interface Target {
  method: string;
  path: string;
  part: 'body' | 'querystring';
  schema: Schema;
  valid: Validator;
}

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string; required?: boolean; schema: Schema }[] }>>;
}

/** Every body and query string schema of the API, from its own OpenAPI document. */
function targets(openapi: OpenApi): Target[] {
  const out: Target[] = [];
  for (const [path, operations] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const body = operation.requestBody?.content['application/json']?.schema;
      if (body) out.push({ method: method.toUpperCase(), path, part: 'body', schema: body, valid: validator(body, 'body') });
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
      if (query.length > 0) {
        const schema: Schema = {
          type: 'object',
          properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
          required: query.filter((p) => p.required).map((p) => p.name),
          additionalProperties: false,
        };
        out.push({ method: method.toUpperCase(), path, part: 'querystring', schema, valid: validator(schema, 'querystring') });
      }
    }
  }
  return out;
}

/** Who sends it: the role that may, so that accepted values reach the service behind the route. */
function senderOf(target: Target): string | null {
  const { method, path } = target;
  if (path === '/api/auth/login' || path.startsWith('/api/public/')) return null;
  if (path.startsWith('/api/bureaus') || path.startsWith('/api/users')) return USERS.coordAdmin;
  if ((method === 'POST' && path === '/api/operations') || method === 'PUT') return USERS.coordinator;
  return USERS.officerTr;
}

/** A query string as it travels: text, a repeated key for a list; undefined when it cannot travel. */
function wire(value: unknown): Record<string, string | string[]> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item)) {
      if (item.some((v) => v === null || typeof v === 'object')) return undefined;
      // As the server will parse it: no value is no key, one value is a plain string.
      if (item.length === 1) out[key] = String(item[0]);
      else if (item.length > 1) out[key] = item.map(String);
    } else if (item === null || typeof item === 'object') return undefined;
    else out[key] = String(item);
  }
  return out;
}

function search(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

describe.each(engines)('hostile input on %s', (engine) => {
  let server: TestServer;
  let world: World;
  let all: Target[];
  let counts: () => Promise<Record<string, number>>;
  let address = 0;

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    all = targets(server.app.swagger() as unknown as OpenApi);
    // Signed in before any count: a sign-in writes a session and its audit entry.
    for (const target of all) {
      const sender = senderOf(target);
      if (sender) await server.token(sender);
    }
    // Public requests count against the limits per address (their table is left out of the counts).
    counts = await rowCounter(server.database, STORES_NOTHING_EXCEPT);
  });
  afterAll(() => server?.drop());

  const urlOf = (target: Target) =>
    target.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' && target.path.startsWith('/api/operations/') ? world.operationId : OTHER_ID));

  /**
   * Sends the value as the target's body or query string; undefined when it cannot be sent so, or
   * when, as text, the schema's verdict on it is not `valid` (a number sent as text may be fine).
   */
  async function send(target: Target, value: unknown, valid: boolean) {
    const url = urlOf(target);
    const options: InjectOptions = { method: target.method as InjectOptions['method'], url };
    if (target.part === 'body') {
      options.payload = JSON.stringify(value);
      options.headers = { 'content-type': 'application/json' };
    } else {
      const query = wire(value);
      if (!query || target.valid(query) !== valid) return undefined;
      options.url = url + search(query);
      if (target.method !== 'GET') options.headers = { 'content-type': 'text/csv' };
    }
    const sender = senderOf(target);
    if (sender === null) {
      address = (address + 1) % 65_000;
      return server.app.inject({ ...options, remoteAddress: `198.18.${address >> 8}.${address & 255}` });
    }
    return server.as(sender, options);
  }

  it('finds every body and query string schema of the API', () => {
    const names = all.map((t) => `${t.method} ${t.path} ${t.part}`);
    expect(names).toContain('POST /api/operations/{id}/inspections body');
    expect(names).toContain('GET /api/operations/{id}/cases querystring');
    expect(names).toContain('POST /api/public/check body');
    expect(all.length).toBeGreaterThanOrEqual(40);
  });

  // The schemas and the error handler answer before any query but the session's: once, on PGlite.
  it.skipIf(engine !== 'pglite')(`answers ${RUNS} broken and random values of each schema with 400 naming the field, and writes nothing`, { timeout: 600_000 }, async () => {
    for (const target of all) {
      const before = await counts();
      const name = `${target.method} ${target.path} (${target.part})`;
      const brokenValues = broken(target.schema, target.valid, target.part);
      // Any JSON at all, or any text query: what the schema refuses must name a field.
      const random =
        target.part === 'body'
          ? fc.jsonValue().map((value) => ({ value, field: undefined as string | undefined, how: 'random JSON' }))
          : fc
              .dictionary(fc.oneof(fc.constantFrom(...Object.keys(target.schema.properties ?? {})), fc.string({ minLength: 1, maxLength: 8 })), fc.string({ unit: 'binary', maxLength: 30 }), { minKeys: 1, maxKeys: 4 })
              .map((value) => ({ value: value as unknown, field: undefined as string | undefined, how: 'random query' }));
      const refused = fc.oneof({ arbitrary: brokenValues, weight: 3 }, { arbitrary: random.filter((r) => !target.valid(r.value)), weight: 1 });
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(refused, async (input) => {
          const res = await send(target, input.value, false);
          if (!res) return;
          sent++;
          const what = `${name}, ${input.how}: ${JSON.stringify(input.value).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, what).toBe(400);
          const body = res.json();
          expect(body.error, what).toBe('invalid');
          expect(typeof body.field === 'string' && body.field.length > 0, what).toBe(true);
          if (input.field !== undefined && target.part === 'body') expect(body.field, what).toBe(input.field);
          if (input.field !== undefined && target.part === 'querystring') expect([input.field, 'querystring'], what).toContain(body.field);
        }),
        { numRuns: RUNS },
      );
      expect(sent, `${name}: too few of the ${RUNS} values could be sent`).toBeGreaterThan(RUNS / 2);
      expect(await counts(), `${name}: a refused request wrote a row`).toEqual(before);
    }
  });

  async function jobsFinished() {
    for (let waited = 0; ; waited += 20) {
      const { n } = await server.database.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow();
      if (Number(n) === 0) return;
      if (waited > 30_000) throw new Error(`${n} jobs still unfinished after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('never answers 500 to a value the schema accepts, and writes nothing when it refuses one', { timeout: 600_000 }, async () => {
    for (const target of all) {
      const name = `${target.method} ${target.path} (${target.part})`;
      await fc.assert(
        fc.asyncProperty(accepted(target.schema).filter(target.valid), async (value) => {
          const before = await counts();
          const res = await send(target, value, true);
          if (!res) return;
          const what = `${name}: ${JSON.stringify(value).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          // A job started (202) writes as it runs: the next request's counts wait for it to end.
          if (res.statusCode === 202) await jobsFinished();
          if (res.statusCode >= 400) {
            expect(res.json().error, what).toMatch(/^[a-z_]+$/);
            // A refused sign-in, password change or second factor is counted and audited, by design.
            if (!target.path.startsWith('/api/auth/')) expect(await counts(), `${what}: a refusal wrote a row`).toEqual(before);
          }
        }),
        { numRuns: VALID_RUNS },
      );
    }
  });

  /**
   * A file of valid rows with one of them broken, or its header: the row (the line the record
   * starts on) and column a 400 must name.
   */
  function csvFile(columns: { required: readonly string[]; optional: readonly string[] }, rows: fc.Arbitrary<Cells>, breakings: Breaking[]) {
    const names = [...columns.required, ...columns.optional];
    return fc
      .record({ rows: fc.array(rows, { minLength: 1, maxLength: 8 }), style: fc.constantFrom('camel', 'snake'), at: fc.nat(), how: fc.nat(), header: fc.nat() })
      .map(({ rows, style, at, how, header }) => {
        // A copy: fast-check hands the same generated rows to the cases it shrinks to.
        const all = rows.map((r) => ({ ...r }));
        const heading = (name: string) => (style === 'snake' ? snake(name) : name);
        const line = (cells: Cells, columns: string[]) => columns.map((c) => cell(cells[c] ?? '')).join(',');
        // One in eight files breaks the header instead: a required column missing, or a column the import does not know.
        if (header % 8 === 0) {
          const dropped = columns.required[how % columns.required.length]!;
          const unknown = ['victim', 'passportNumber', 'salary'][how % 3]!;
          const kept = how % 2 ? names.filter((n) => n !== dropped) : [...names, unknown];
          const csv = [kept.map(heading).join(','), ...all.map((r) => line(r, kept))].join('\n');
          return { csv, row: 1, columns: how % 2 ? [dropped, snake(dropped)] : [unknown, snake(unknown)], how: how % 2 ? `missing column ${dropped}` : `unknown column ${unknown}` };
        }
        const index = at % all.length;
        const applicable = breakings.flatMap((b) => b(all[index]!));
        const chosen = applicable[how % applicable.length]!;
        all[index] = chosen.cells;
        const lines = [names.map(heading).join(','), ...all.map((r) => line(r, names))];
        // Rows are numbered by the line their record starts on: a quoted line break is a line.
        const row = 2 + lines.slice(1, index + 1).reduce((n, l) => n + l.split('\n').length, 0);
        return { csv: `${lines.join('\n')}\n`, row, columns: [chosen.column, snake(chosen.column)], how: `${chosen.column} = ${JSON.stringify(chosen.cells[chosen.column]).slice(0, 40)}` };
      });
  }

  const set = (cells: Cells, change: Cells, column: string) => [{ cells: { ...cells, ...change }, column }];
  const pick = (values: string[]) => (cells: Cells, column: string) => values.flatMap((value) => set(cells, { [column]: value }, column));

  async function refusesEveryBrokenFile(kind: 'inspections' | 'outcomes', file: fc.Arbitrary<{ csv: string; row: number; columns: string[]; how: string }>) {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const res = await server.as(USERS.officerTr, {
          method: 'POST',
          url: `/api/operations/${world.operationId}/imports/${kind}`,
          headers: { 'content-type': 'text/csv' },
          payload: f.csv,
        });
        const what = `${kind}, ${f.how}, row ${f.row}:\n${f.csv.slice(0, 600)}\n→ ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBe(400);
        const body = res.json();
        expect(body.error, what).toBe('invalid');
        expect(body.row, what).toBe(f.row);
        expect(f.columns, what).toContain(body.column);
      }),
      { numRuns: RUNS },
    );
    // Random bytes as a file: refused, never a 500.
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const res = await server.as(USERS.officerTr, {
          method: 'POST',
          url: `/api/operations/${world.operationId}/imports/${kind}`,
          headers: { 'content-type': 'text/csv' },
          payload: text,
        });
        expect(res.statusCode, `${JSON.stringify(text)} → ${res.body}`).toBe(400);
        expect(typeof res.json().row, res.body).toBe('number');
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 4)) },
    );
    expect(await counts(), `${kind}: a refused import wrote a row`).toEqual(before);
  }

  it(`refuses ${RUNS} inspection files with one bad cell or header, naming its row and column, and writes nothing`, { timeout: 600_000 }, async () => {
    const rows = fc.record({
      hotspotId: fc.constantFrom(world.hotspots.tr, world.hotspots.np),
      at: moment,
      kind: fc.constantFrom(...INSPECTION_KINDS),
      personsChecked: fc.integer({ min: 0, max: 500 }).map(String),
      notes,
      sharing,
    }).map(({ sharing: s, ...r }) => ({ ...r, ...s }) as Cells);
    const breakings: Breaking[] = [
      (c) => pick(['nope', '', OTHER_ID, '00000000-0000-0000-0000-00000000000g'])(c, 'hotspotId'),
      (c) => pick(BAD_TIMES)(c, 'at'),
      (c) => pick(['raid', '', 'patrol; premises'])(c, 'kind'),
      (c) => pick(BAD_COUNTS.concat(''))(c, 'personsChecked'),
      (c) => pick([TOO_LONG_NOTES, 'a\u0000b'])(c, 'notes'),
      (c) => pick(['everyone', 'public'])(c, 'sharing'),
      (c) => set(c, { sharing: 'listed', sharedWith: 'XX' }, 'sharedWith'),
      (c) => set(c, { sharing: 'listed', sharedWith: '' }, 'sharedWith'),
    ];
    await refusesEveryBrokenFile('inspections', csvFile(INSPECTION_CSV, rows, breakings));
  });

  it(`refuses ${RUNS} outcome files with one bad cell or header, naming its row and column, and writes nothing`, { timeout: 600_000 }, async () => {
    const place = fc.oneof(
      fc.constantFrom(world.hotspots.tr, world.hotspots.np).map((hotspotId) => ({ hotspotId, country: '' })),
      fc.constantFrom('TR', 'IN', 'NP', 'np').map((country) => ({ hotspotId: '', country })),
    );
    const byKind = fc.oneof(
      fc.subarray([...OFFENCES], { minLength: 1 }).map((o) => ({ kind: 'arrest', offences: o.join(';'), status: '', persons: '' })),
      fc.constantFrom(...INVESTIGATION_STATUSES).map((status) => ({ kind: 'investigation', offences: '', status, persons: '1' })),
      fc
        .record({ kind: fc.constantFrom('rescue', 'smuggler_apprehension', 'migrant_interception', 'interception'), persons: fc.integer({ min: 1, max: 80 }) })
        .map(({ kind, persons }) => ({ kind, offences: '', status: '', persons: String(persons) })),
    );
    const rows = fc.record({ at: moment, notes, place, byKind, sharing }).map(({ place: p, byKind: k, sharing: s, ...r }) => ({ ...r, ...p, ...k, ...s }) as Cells);
    const breakings: Breaking[] = [
      (c) => pick(['jaywalking', '', 'arrests'])(c, 'kind'),
      (c) => pick(BAD_TIMES)(c, 'at'),
      (c) => (c.kind === 'arrest' || c.kind === 'investigation' ? [] : pick(['0', 'many', '-3', '1.5'])(c, 'persons')),
      (c) => (c.kind === 'arrest' ? pick(['', 'jaywalking', 'human_trafficking;bribery'])(c, 'offences') : set(c, { offences: 'human_trafficking' }, 'offences')),
      (c) => (c.kind === 'investigation' ? pick(['', 'maybe'])(c, 'status') : set(c, { status: 'open' }, 'status')),
      (c) => (c.hotspotId ? set(c, { country: 'GR' }, 'country') : pick(['QQ', 'Turkey', '12'])(c, 'country')),
      (c) => pick(['nope', OTHER_ID])(c, 'hotspotId'),
      (c) => pick([TOO_LONG_NOTES, 'a\u0000b'])(c, 'notes'),
      (c) => set(c, { sharing: 'listed', sharedWith: 'XX' }, 'sharedWith'),
    ];
    await refusesEveryBrokenFile('outcomes', csvFile(OUTCOME_CSV, rows, breakings));
  });
});
