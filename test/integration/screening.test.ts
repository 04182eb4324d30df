// The ad screener for officers, the public job-offer checker (which stores nothing), the offers
// the public reports to a bureau, and the helplines the checker shows — each tried as the wrong
// bureau, the wrong role and without a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { rowCounts, STORES_NOTHING_EXCEPT } from '../helpers/row-counts.ts';

const SCAM =
  'URGENT hiring! Customer service staff for Sihanoukville, Cambodia. Salary USD 3,000 per month, no experience needed. Free flight ticket, visa and accommodation. Age 18-35, typing speed 40 wpm. Send passport copy to Telegram @hr_kh_jobs. Leave this week!';
const LEGIT =
  'Acme Analytics Ltd (company no. 04512345) is hiring a senior data engineer in Leeds. 5+ years of experience with Python and SQL required. Salary £60,000 a year. Apply through our careers site.';


describe.each(engines)('screening on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const check = (payload: object, remoteAddress = '203.0.113.7') => server.app.inject({ method: 'POST', url: '/api/public/check', payload, remoteAddress });

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    server.app.config.publicOperationId = world.operationId;
  });
  afterAll(() => server?.drop());

  describe('POST /api/screen/ad', () => {
    it('gives officers the verdict, the flags with their words and weights, and the model’s probability', async () => {
      const res = await server.as(USERS.officerTr, { method: 'POST', url: '/api/screen/ad', payload: { text: SCAM, title: 'Customer service' } });
      expect(res.statusCode, res.body).toBe(200);
      const verdict = res.json();
      expect(verdict.level).toBe('high');
      expect(verdict.language).toBe('en');
      expect(verdict.model.probability).toBeGreaterThanOrEqual(0);
      const flags = verdict.flags.map((f: { flag: string }) => f.flag);
      expect(flags).toEqual(expect.arrayContaining(['risky_destination', 'messaging_only', 'documents_or_fees', 'urgency', 'costs_paid']));
      for (const f of verdict.flags) {
        expect(f.weight).toBeGreaterThan(0);
        expect(f.label).toEqual(expect.any(String));
        for (const e of f.evidence) if (e.field === 'text') expect(SCAM.slice(e.start, e.end)).toBe(e.text);
      }
    });

    it('scores an ordinary job low', async () => {
      const res = await server.as(USERS.analyst, { method: 'POST', url: '/api/screen/ad', payload: { text: LEGIT, company: 'Acme Analytics Ltd' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().level).not.toBe('high');
      expect(res.json().score).toBeLessThan(0.7);
    });

    it('gives offsets into the fields as sent, spaces and all', async () => {
      const pay = '   USD 9,000 per month';
      const res = await server.as(USERS.officerTr, { method: 'POST', url: '/api/screen/ad', payload: { text: 'Typing job in Cambodia.', pay } });
      const evidence = res.json().flags.find((f: { flag: string }) => f.flag === 'high_pay').evidence[0];
      expect(evidence.field).toBe('pay');
      expect(pay.slice(evidence.start, evidence.end)).toBe(evidence.text);
    });

    it('refuses partners (403) and callers without a token (401), and names a bad field', async () => {
      expect((await server.as(USERS.partnerNp, { method: 'POST', url: '/api/screen/ad', payload: { text: SCAM } })).statusCode).toBe(403);
      expect((await server.as(null, { method: 'POST', url: '/api/screen/ad', payload: { text: SCAM } })).statusCode).toBe(401);
      const empty = await server.as(USERS.officerTr, { method: 'POST', url: '/api/screen/ad', payload: { text: '' } });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().field).toBe('text');
      const extra = await server.as(USERS.officerTr, { method: 'POST', url: '/api/screen/ad', payload: { text: SCAM, salary: 5 } });
      expect(extra.statusCode).toBe(400);
    });
  });

  describe('POST /api/public/check', () => {
    it('answers without sign-in, with the flags but without the model or the weights, and stores nothing', async () => {
      const before = await rowCounts(server.database, STORES_NOTHING_EXCEPT);
      const res = await check({ text: SCAM, contact: 'Telegram @hr_kh_jobs' });
      expect(res.statusCode, res.body).toBe(200);
      const verdict = res.json();
      expect(verdict.level).toBe('high');
      expect(verdict).not.toHaveProperty('model');
      expect(verdict.flags[0]).not.toHaveProperty('weight');
      expect(verdict.flags.some((f: { evidence: { field: string }[] }) => f.evidence.some((e) => e.field === 'contact'))).toBe(true);
      const zh = await check({ text: '急招！柬埔寨西港高薪客服，月薪8000美元，无需经验，包机票包吃住，飞机联系 @kh_hr' });
      expect(zh.statusCode, zh.body).toBe(200);
      expect(zh.json().language).toBe('zh');
      expect(zh.json().level).toBe('high');
      expect(await rowCounts(server.database, STORES_NOTHING_EXCEPT)).toEqual(before);
      // The rate limit counts the caller by a hash of route and network: no address is stored.
      const counted = await server.database.db.selectFrom('rate_limits').selectAll().execute();
      expect(counted.length).toBeGreaterThan(0);
      for (const row of counted) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
    });

    it('stores nothing also when the request carries an Idempotency-Key (the web client sends one with every POST), nor does the officers’ screener', async () => {
      const before = await rowCounts(server.database, STORES_NOTHING_EXCEPT);
      const key = 'c0ffee00-0000-4000-8000-000000000001';
      for (let i = 0; i < 2; i++) {
        const res = await server.app.inject({ method: 'POST', url: '/api/public/check', payload: { text: SCAM }, headers: { 'idempotency-key': key }, remoteAddress: '203.0.113.8' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['idempotent-replayed']).toBeUndefined();
      }
      const screened = await server.as(USERS.officerTr, { method: 'POST', url: '/api/screen/ad', payload: { text: SCAM }, headers: { 'idempotency-key': key } });
      expect(screened.statusCode, screened.body).toBe(200);
      expect(await rowCounts(server.database, STORES_NOTHING_EXCEPT)).toEqual(before);
    });

    it('slows one address down with 429 after 30 checks a minute, leaving other addresses alone', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await check({ text: LEGIT }, '198.51.100.20')).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
      const other = await check({ text: LEGIT }, '198.51.100.21');
      expect(other.statusCode).toBe(200);
    });

    it('names the field of bad input', async () => {
      const res = await check({ text: 'x'.repeat(20_001) }, '203.0.113.99');
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('text');
    });
  });

  describe('helplines', () => {
    const url = () => `/api/operations/${world.operationId}/helplines`;
    const lines = { countries: [{ country: 'NP', helplines: [{ name: 'Nepal Police', phone: '100' }] }, { country: 'IN', helplines: [] }] };

    it('are set by the coordinating bureau and shown by the public page, with an empty list where none are set', async () => {
      const put = await server.as(USERS.coordinator, { method: 'PUT', url: url(), payload: lines });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().countries).toEqual([{ country: 'NP', helplines: [{ name: 'Nepal Police', phone: '100' }] }]);
      const setup = await server.app.inject({ method: 'GET', url: '/api/public/check/setup' });
      expect(setup.statusCode, setup.body).toBe(200);
      expect(setup.json().countries).toEqual([
        { country: 'IN', helplines: [], takesReports: true },
        { country: 'NP', helplines: [{ name: 'Nepal Police', phone: '100' }], takesReports: true },
        { country: 'TR', helplines: [], takesReports: true },
      ]);
      const read = await server.as(USERS.officerIn, { url: url() });
      expect(read.json()).toEqual(put.json());
    });

    it('refuse other bureaus (403), outsiders (404) and bad lines, naming the field', async () => {
      expect((await server.as(USERS.officerTr, { method: 'PUT', url: url(), payload: lines })).statusCode).toBe(403);
      expect((await server.as(USERS.outsider, { method: 'PUT', url: url(), payload: lines })).statusCode).toBe(404);
      expect((await server.as(USERS.outsider, { url: url() })).statusCode).toBe(404);
      const noWay = await server.as(USERS.coordinator, { method: 'PUT', url: url(), payload: { countries: [{ country: 'NP', helplines: [{ name: 'Nobody' }] }] } });
      expect(noWay.statusCode).toBe(400);
      expect(noWay.json().field).toBe('countries[0].helplines[0]');
      const twice = await server.as(USERS.coordinator, { method: 'PUT', url: url(), payload: { countries: [lines.countries[0], lines.countries[0]] } });
      expect(twice.json().field).toBe('countries[1].country');
      expect((await server.as(USERS.officerIn, { url: url() })).json().countries).toHaveLength(1);
    });
  });

  describe('reported offers', () => {
    let reportId = '';
    const report = (payload: object) => server.app.inject({ method: 'POST', url: '/api/public/reports', payload, remoteAddress: '192.0.2.50' });
    const list = (user: string) => server.as(user, { url: `/api/operations/${world.operationId}/public-reports` });

    it('go to the bureau of the country picked, with the verdict worked out on the server', async () => {
      const res = await report({ ad: { text: SCAM }, country: 'TR', language: 'tr', contact: '+90 555 000 0000' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().reference).toMatch(/^[0-9A-F]{8}$/);
      const mine = await list(USERS.officerTr);
      expect(mine.statusCode, mine.body).toBe(200);
      const [item] = mine.json().items;
      reportId = item.id;
      expect(item).toMatchObject({ country: 'TR', level: 'high', contact: '+90 555 000 0000', status: 'new', can: { review: true }, ad: { text: SCAM } });
      expect(item.reference).toBe(res.json().reference);
    });

    it('are not seen by other bureaus, field teams, partners or outsiders', async () => {
      expect((await list(USERS.officerIn)).json().items).toEqual([]);
      expect((await list(USERS.coordinator)).json().items).toEqual([]);
      expect((await list(USERS.fieldTr)).statusCode).toBe(403);
      expect((await list(USERS.partnerNp)).statusCode).toBe(403);
      expect((await list(USERS.outsider)).statusCode).toBe(404);
      expect((await server.as(null, { url: `/api/operations/${world.operationId}/public-reports` })).statusCode).toBe(401);
    });

    it('are reviewed by the receiving bureau only', async () => {
      const status = (user: string) => server.as(user, { method: 'PUT', url: `/api/public-reports/${reportId}/status`, payload: { status: 'reviewed' } });
      expect((await status(USERS.officerIn)).statusCode).toBe(404);
      expect((await status(USERS.analyst)).statusCode).toBe(404);
      const done = await status(USERS.officerTr);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().status).toBe('reviewed');
    });

    it('refuse a NUL in the text with 400 naming the field, storing nothing', async () => {
      // The edge rule of issue 13 (finding 3): a NUL anywhere in a body answers 400, never a 500.
      const before = await rowCounts(server.database, STORES_NOTHING_EXCEPT);
      const res = await report({ ad: { text: `${SCAM}\u0000` }, country: 'TR', language: 'en', contact: 'x\u0000y' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid', field: 'ad.text' });
      expect(await rowCounts(server.database, STORES_NOTHING_EXCEPT)).toEqual(before);
    });

    it('are refused, with the setup, when several operations run and none is named for the public', async () => {
      server.app.config.publicOperationId = undefined;
      try {
        expect((await server.app.inject({ method: 'GET', url: '/api/public/check/setup' })).statusCode).toBe(404);
        expect((await report({ ad: { text: SCAM }, country: 'TR', language: 'en' })).statusCode).toBe(404);
      } finally {
        server.app.config.publicOperationId = world.operationId;
      }
    });

    it('refuse a country no bureau of the operation serves, writing nothing', async () => {
      const before = await rowCounts(server.database, STORES_NOTHING_EXCEPT);
      const res = await report({ ad: { text: SCAM }, country: 'JP', language: 'ja' });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('country');
      const bad = await report({ ad: { text: '' }, country: 'TR', language: 'en' });
      expect(bad.statusCode).toBe(400);
      expect(await rowCounts(server.database, STORES_NOTHING_EXCEPT)).toEqual(before);
    });
  });
});
