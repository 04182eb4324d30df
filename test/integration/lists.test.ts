// Lists page through everything the caller may see, once each, and filter as asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';

describe.each(engines)('lists on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    const rows = Array.from({ length: 137 }, (_, i) => {
      // Many rows share a timestamp so the cursor must break ties by id.
      const at = `2023-10-${16 + (i % 5)}T0${i % 3}:00:00Z`;
      return `${i % 4 === 0 ? world.hotspots.np : world.hotspots.tr},${at},${i % 2 ? 'patrol' : 'document_check'},${i},operation,`;
    });
    const res = await server.as(USERS.officerTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/imports/inspections`,
      headers: { 'content-type': 'text/csv' },
      payload: `hotspotId,at,kind,personsChecked,sharing,sharedWith\n${rows.join('\n')}`,
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => server?.drop());

  const all = async (query: string) => {
    const seen: { id: string; at: string; country: string; kind: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url = `/api/operations/${world.operationId}/inspections?limit=10${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await server.as(USERS.officerIn, { url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      seen.push(...body.items);
      cursor = body.next;
      pages += 1;
    } while (cursor);
    return { seen, pages };
  };

  it('pages through every record once, newest first', async () => {
    const { seen, pages } = await all('');
    expect(seen).toHaveLength(137);
    expect(pages).toBe(14);
    expect(new Set(seen.map((i) => i.id)).size).toBe(137);
    const times = seen.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by country, kind, hotspot and time range', async () => {
    expect((await all('&country=NP')).seen).toHaveLength(35);
    expect((await all('&kind=patrol')).seen.every((i) => i.kind === 'patrol')).toBe(true);
    expect((await all(`&hotspot=${world.hotspots.np}`)).seen).toHaveLength(35);
    const day = await all('&from=2023-10-17T00:00:00Z&to=2023-10-18T00:00:00Z');
    expect(day.seen.length).toBeGreaterThan(20);
    expect(day.seen.every((i) => i.at.startsWith('2023-10-17'))).toBe(true);
    expect((await all(`&bureau=${world.bureaus.np}`)).seen).toHaveLength(0);
  });

  it('pages hotspots and outcomes the same way', async () => {
    const hotspots = await server.as(USERS.officerTr, { url: `/api/operations/${world.operationId}/hotspots?limit=2` });
    const first = hotspots.json();
    expect(first.items).toHaveLength(2);
    const rest = await server.as(USERS.officerTr, { url: `/api/operations/${world.operationId}/hotspots?limit=2&cursor=${first.next}` });
    expect(rest.json().items).toHaveLength(1);
    expect(rest.json().next).toBeNull();
    const tr = await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/hotspots?country=TR` });
    expect(tr.json().items.map((h: { country: string }) => h.country)).toEqual(['TR']);
  });
});
