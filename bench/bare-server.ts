// The ceiling of bench/load.ts: a bare Fastify server answering GET /inspections/:id with one
// primary-key lookup through `pg`, no session, no access check, no logging. Started by the bench
// as its own process: `node --import tsx bench/bare-server.ts <database url> <port>`.
import Fastify from 'fastify';
import pg from 'pg';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/inspections/:id', async (request, reply) => {
  const { rows } = await pool.query('select id, operation_id, hotspot_id, at, kind, persons_checked, notes from inspections where id = $1', [request.params.id]);
  if (rows.length === 0) return reply.status(404).send({ error: 'not_found' });
  return rows[0];
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('listening\n');
process.on('SIGTERM', () => {
  void app.close().then(() => pool.end()).then(() => process.exit(0));
});
