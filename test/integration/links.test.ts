// Entities added by hand, hits on records the caller may not see (and the cooperation request
// sent from one, without naming the holder), the holder's view of its hits, and the link graph —
// each tried as the wrong bureau, the wrong role and without a token.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

interface Entity {
  id: string;
  kind: string;
  value: string | null;
  valid: boolean;
  problem: string | null;
  links: { caseId: string }[];
  hiddenMatch: boolean;
  hit: string | null;
  can: { remove: boolean };
}
interface GraphNode {
  id: string;
  type: string;
  label: string;
  caseId?: string;
  hit?: string;
  country?: string;
}
interface Graph {
  nodes: GraphNode[];
  edges: { source: string; target: string; type: string }[];
  countries: string[];
  truncated: boolean;
}

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

describe.each(engines)('links on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const ids = { nepalShared: '', nepalOwn: '', india: '', turkey: '' };

  const open = async (user: string, payload: object) => {
    const res = await server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cases`, payload: { openedOn: '2024-02-01', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const add = (user: string | null, caseId: string, payload: object) =>
    server.as(user, { method: 'POST', url: `/api/cases/${caseId}/entities`, payload });
  const entitiesOf = async (user: string, caseId: string) => {
    const res = await server.as(user, { url: `/api/cases/${caseId}/entities` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entities as Entity[];
  };
  const graphOf = async (user: string, url: string) => {
    const res = await server.as(user, { url });
    expect(res.statusCode, res.body).toBe(200);
    return { graph: res.json() as Graph, body: res.body };
  };

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    ids.nepalShared = await open(USERS.officerNp, {
      title: 'Recruited in Birgunj',
      sharing: 'operation',
      persons: [{ role: 'recruiter', name: 'Ram B.', contacts: [{ kind: 'phone', value: '+977 980 000 0000' }] }],
    });
    ids.nepalOwn = await open(USERS.officerNp, {
      title: 'Kept in Nepal',
      sharing: 'owner',
      persons: [{ role: 'recruiter', name: 'Hari K.', contacts: [{ kind: 'phone', value: '+977 981 111 1111' }] }],
    });
    ids.india = await open(USERS.officerIn, {
      title: 'Delhi placement agency',
      sharing: 'operation',
      persons: [{ role: 'recruiter', name: 'Agent', contacts: [{ kind: 'phone', value: '00977-9800000000' }, { kind: 'phone', value: '+977 (981) 1111111' }] }],
    });
    ids.turkey = await open(USERS.officerTr, { title: 'Istanbul transit', sharing: 'operation' });
  });
  afterAll(() => server?.drop());

  describe('entities added by hand', () => {
    it('normalises them, links them across bureaus, and keeps an invalid one as written', async () => {
      const nepal = await add(USERS.officerNp, ids.nepalShared, { kind: 'crypto_wallet', value: WALLET.toLowerCase() });
      expect(nepal.statusCode, nepal.body).toBe(201);
      // EVM addresses key on their lower-case form; the checksummed one is in the details.
      expect(nepal.json().entity).toMatchObject({ kind: 'crypto_wallet', source: 'manual', value: WALLET.toLowerCase(), valid: true, can: { remove: true } });
      const turkey = await add(USERS.officerTr, ids.turkey, { kind: 'crypto_wallet', value: ` ${WALLET} ` });
      expect(turkey.json().entity.links).toEqual([{ caseId: ids.nepalShared, title: 'Recruited in Birgunj', ownerCountry: 'NP' }]);
      const compound = await add(USERS.officerTr, ids.turkey, { kind: 'scam_compound', value: 'K.K. Park', country: 'MM', place: 'Myawaddy' });
      expect(compound.json().entity).toMatchObject({ value: 'kk park', details: { country: 'MM', place: 'Myawaddy' } });
      const bad = await add(USERS.officerTr, ids.turkey, { kind: 'crypto_wallet', value: '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeA11' });
      expect(bad.statusCode).toBe(201);
      expect(bad.json().entity).toMatchObject({ valid: false, value: expect.any(String), links: [] });
      expect(bad.json().entity.problem).toMatch(/checksum/i);
    });

    it('names the field of bad input and writes nothing', async () => {
      const before = (await entitiesOf(USERS.officerTr, ids.turkey)).length;
      const cases = [
        [{ kind: 'ship', value: 'x' }, 'kind'],
        [{ kind: 'phone', value: '' }, 'value'],
        [{ kind: 'document', value: 'PA1234567' }, 'country'],
        [{ kind: 'phone', value: '+90 212 000 0000', personId: randomUUID() }, 'personId'],
        [{ kind: 'scam_compound', value: 'KK PARK' }, 'value'],
      ] as const;
      for (const [payload, field] of cases) {
        const res = await add(USERS.officerTr, ids.turkey, payload);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().field, res.body).toBe(field);
      }
      expect(await entitiesOf(USERS.officerTr, ids.turkey)).toHaveLength(before);
    });

    it("is for the case's own bureau: others get 403, or 404 where they may not see the case", async () => {
      const wallet = { kind: 'crypto_wallet', value: WALLET };
      expect((await add(USERS.officerIn, ids.nepalShared, wallet)).statusCode).toBe(403);
      expect((await add(USERS.fieldTr, ids.turkey, wallet)).statusCode).toBe(403);
      expect((await add(USERS.officerIn, ids.nepalOwn, wallet)).statusCode).toBe(404);
      expect((await add(USERS.outsider, ids.turkey, wallet)).statusCode).toBe(404);
      expect((await add(null, ids.turkey, wallet)).statusCode).toBe(401);
    });

    it('removes only entities added by hand, by the owner bureau', async () => {
      const added = (await add(USERS.officerIn, ids.india, { kind: 'job_ad', value: 'Data entry in Bangkok, $1500, no experience', title: 'Data entry' })).json();
      const del = (user: string | null, caseId: string, id: string) => server.as(user, { method: 'DELETE', url: `/api/cases/${caseId}/entities/${id}` });
      expect((await del(USERS.officerNp, ids.india, added.id)).statusCode).toBe(403);
      expect((await del(USERS.outsider, ids.india, added.id)).statusCode).toBe(404);
      expect((await del(null, ids.india, added.id)).statusCode).toBe(401);
      const phone = (await entitiesOf(USERS.officerIn, ids.india)).find((e) => e.kind === 'phone')!;
      expect(phone.can.remove).toBe(false);
      expect((await del(USERS.officerIn, ids.india, phone.id)).statusCode).toBe(404);
      expect((await del(USERS.officerIn, ids.india, added.id)).statusCode).toBe(204);
      expect((await entitiesOf(USERS.officerIn, ids.india)).some((e) => e.id === added.id)).toBe(false);
    });
  });

  describe('hit / no-hit', () => {
    let hit = '';

    it('gives India a hit token on the Nepal-only number and nothing else of that record', async () => {
      const res = await server.as(USERS.officerIn, { url: `/api/cases/${ids.india}/entities` });
      const second = (res.json().entities as Entity[])[1]!;
      expect(Object.keys(second).sort()).toEqual(
        ['can', 'details', 'hiddenMatch', 'hit', 'id', 'kind', 'links', 'masked', 'personId', 'problem', 'raw', 'source', 'valid', 'value'].sort(),
      );
      expect(second).toMatchObject({ value: '+9779811111111', links: [], hiddenMatch: true, hit: expect.any(String) });
      hit = second.hit!;
      for (const secret of [ids.nepalOwn, 'Kept in Nepal', 'Hari', world.bureaus.np, 'Kathmandu']) expect(res.body).not.toContain(secret);
      // The same token every time: one per bureau and identifier, however many records hold it.
      expect((await entitiesOf(USERS.officerIn, ids.india))[1]!.hit).toBe(hit);
    });

    it('tells the holding bureau who looked, at which of its cases', async () => {
      const res = await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/hits` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([
        expect.objectContaining({ hit, kind: 'phone', value: '+9779811111111', caseId: ids.nepalOwn, caseTitle: 'Kept in Nepal', seeker: { id: world.bureaus.in, country: 'IN', name: 'NCB New Delhi' }, requestId: null }),
      ]);
      // India holds nothing Nepal looked at; Turkey's field team and partners are not told; outsiders get 404.
      expect((await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/hits` })).json()).toEqual([]);
      expect((await server.as(USERS.fieldTr, { url: `/api/operations/${world.operationId}/hits` })).statusCode).toBe(403);
      expect((await server.as(USERS.partnerNp, { url: `/api/operations/${world.operationId}/hits` })).statusCode).toBe(403);
      expect((await server.as(USERS.outsider, { url: `/api/operations/${world.operationId}/hits` })).statusCode).toBe(404);
      expect((await server.as(null, { url: `/api/operations/${world.operationId}/hits` })).statusCode).toBe(401);
    });

    it('sends a request from the hit to the holder without naming it, until it answers', async () => {
      const ask = (user: string | null, token: string, payload: object = { message: 'We hold this number too. Can we compare notes?' }) =>
        server.as(user, { method: 'POST', url: `/api/hits/${token}/request`, payload });
      // Only the bureau that got the hit may use it.
      expect((await ask(USERS.officerTr, hit)).statusCode).toBe(404);
      expect((await ask(USERS.officerIn, randomUUID())).statusCode).toBe(404);
      expect((await ask(null, hit)).statusCode).toBe(401);
      expect((await ask(USERS.officerIn, hit, { message: '' })).json().field).toBe('message');
      // A field team may not send requests: refused before anything about the holders is looked at.
      expect((await ask(USERS.fieldTr, hit)).statusCode).toBe(404);
      const stats = async () => {
        const res = await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/cooperation/stats` });
        return (res.json().bureaus as { bureauId: string; received: number }[]).filter((b) => b.received > 0).map((b) => [b.bureauId, b.received]);
      };
      const before = await stats();
      const sent = await ask(USERS.officerIn, hit);
      expect(sent.statusCode, sent.body).toBe(201);
      // The per-bureau statistics do not move until the holder answers: they would name it.
      expect(await stats()).toEqual(before);
      const requestId = sent.json().id as string;

      const seen = await server.as(USERS.officerIn, { url: `/api/cooperation/${requestId}` });
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ fromHit: true, caseId: null, subject: 'hit: phone', to: [{ id: null, country: null, name: null, hidden: true }] });
      for (const secret of [world.bureaus.np, 'Kathmandu', '"NP"', ids.nepalOwn]) expect(seen.body).not.toContain(secret);
      const sentBox = await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/cooperation?box=sent` });
      expect(sentBox.body).not.toContain(world.bureaus.np);

      // Nepal sees it in its inbox, with the hit's request noted; once it answers, it is named.
      const held = await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/hits` });
      expect(held.json()[0].requestId).toBe(requestId);
      const inbox = await server.as(USERS.officerNp, { url: `/api/cooperation/${requestId}` });
      expect(inbox.json().to).toEqual([expect.objectContaining({ id: world.bureaus.np, hidden: false })]);
      const answer = await server.as(USERS.officerNp, { method: 'POST', url: `/api/cooperation/${requestId}/messages`, payload: { body: 'Yes: case NP-17. Calling you.' } });
      expect(answer.statusCode, answer.body).toBe(201);
      const named = await server.as(USERS.officerIn, { url: `/api/cooperation/${requestId}` });
      expect(named.json().to).toEqual([expect.objectContaining({ id: world.bureaus.np, country: 'NP', hidden: false })]);
    });
  });

  describe('link graph', () => {
    it('walks from a case across countries, with a hidden node for what India may not see', async () => {
      const { graph, body } = await graphOf(USERS.officerIn, `/api/cases/${ids.india}/graph?depth=2`);
      const cases = graph.nodes.filter((n) => n.type === 'case').map((n) => n.caseId);
      expect(cases.sort()).toEqual([ids.india, ids.nepalShared, ids.turkey].sort());
      expect(graph.countries).toEqual(['IN', 'NP', 'TR']);
      const hidden = graph.nodes.filter((n) => n.type === 'hidden');
      expect(hidden).toEqual([{ id: expect.stringMatching(/^hidden:/), type: 'hidden', label: '', kind: 'phone', hit: expect.any(String) }]);
      expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'entity:phone:+9779811111111', target: hidden[0]!.id, type: 'hidden_match' }));
      for (const secret of [ids.nepalOwn, 'Kept in Nepal', 'Hari', world.bureaus.np]) expect(body).not.toContain(secret);
      // depth 1 stops at the cases that share an identifier with India's.
      const near = (await graphOf(USERS.officerIn, `/api/cases/${ids.india}/graph?depth=1`)).graph;
      expect(near.nodes.filter((n) => n.type === 'case').map((n) => n.caseId).sort()).toEqual([ids.india, ids.nepalShared].sort());
    });

    it('walks from an entity through every case that holds it', async () => {
      const wallet = (await entitiesOf(USERS.officerTr, ids.turkey)).find((e) => e.kind === 'crypto_wallet' && e.valid)!;
      const { graph } = await graphOf(USERS.officerTr, `/api/entities/${wallet.id}/graph?depth=1`);
      expect(graph.nodes.filter((n) => n.type === 'case').map((n) => n.country).sort()).toEqual(['IN', 'NP', 'TR']);
      expect(graph.edges).toContainEqual(expect.objectContaining({ source: `case:${ids.nepalShared}`, target: `entity:crypto_wallet:${WALLET.toLowerCase()}`, type: 'mentions' }));
    });

    it('answers 404 to a bureau that may not see the start, 400 to a bad depth, 401 without a token', async () => {
      const own = (await entitiesOf(USERS.officerNp, ids.nepalOwn))[0]!;
      expect((await server.as(USERS.officerIn, { url: `/api/cases/${ids.nepalOwn}/graph` })).statusCode).toBe(404);
      expect((await server.as(USERS.officerIn, { url: `/api/entities/${own.id}/graph` })).statusCode).toBe(404);
      expect((await server.as(USERS.outsider, { url: `/api/cases/${ids.india}/graph` })).statusCode).toBe(404);
      expect((await server.as(USERS.officerIn, { url: `/api/cases/${ids.india}/graph?depth=9` })).json().field).toMatch(/depth/);
      expect((await server.as(null, { url: `/api/cases/${ids.india}/graph` })).statusCode).toBe(401);
      // Nepal's officer sees its own record's case in the same walk, and no hidden node.
      const { graph } = await graphOf(USERS.officerNp, `/api/cases/${ids.india}/graph?depth=1`);
      expect(graph.nodes.some((n) => n.caseId === ids.nepalOwn)).toBe(true);
      expect(graph.nodes.some((n) => n.type === 'hidden')).toBe(false);
    });
  });
});
