// A real `cordon serve` process for the tests that stop, kill or outlive one (crash, failover),
// and plain HTTP requests to it, each on a connection of its own (so that a cluster may hand each
// to any of its workers).
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD } from '../factories/world.ts';

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** One request on a connection of its own; rejects when the connection fails (nothing was answered). */
export function send(base: string, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface ServeProcess {
  child: ChildProcess;
  base: string;
  /** The bearer token of `username`, signed in once it listened. */
  token: string;
  stderr: () => string;
}

/**
 * Starts `cordon serve --no-demo --no-web` on a free port with `env`, waits until it listens and
 * signs `username` in.
 * @example const { base, token, child } = await startServeProcess({ ...process.env, DATABASE_URL: url }, 'officer-tr')
 */
export async function startServeProcess(env: NodeJS.ProcessEnv, username: string): Promise<ServeProcess> {
  const child = spawn('node', ['bin/cordon.js', 'serve', '--no-demo', '--no-web', '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  for (let waited = 0; waited < 60_000 && !/open http/.test(stderr); waited += 100) {
    if (child.exitCode !== null) throw new Error(`cordon serve ended: ${stderr}`);
    await sleep(100);
  }
  const base = /open (http:\/\/[^/ ]+)\//.exec(stderr)?.[1];
  if (!base) {
    // Never left running by a test that failed to start it.
    child.kill('SIGKILL');
    throw new Error(`cordon serve did not start: ${stderr}`);
  }
  const login = await send(base, 'POST', '/api/auth/login', JSON.stringify({ username, password: PASSWORD }), { 'content-type': 'application/json' });
  return { child, base, token: JSON.parse(login.body).token, stderr: () => stderr };
}
