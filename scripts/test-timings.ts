// `npm test`: lint, then typecheck beside every Vitest test (tsc takes one core for some 25 s;
// run one after the other, it was 25 s more of the run), failing if any of them fails, then
// where the time went: each step's seconds, the phases spent outside tests (web build, demo load,
// Chromium start, databases) as the harness records them, and the slowest 20 test files.
// `npm test -- <vitest arguments>` passes them on (e.g. a file, or `--changed`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { ModuleTiming } from '../test/helpers/timings-reporter.ts';

interface Phase {
  phase: string;
  ms: number;
}

const root = resolve(import.meta.dirname, '..');
const s = (ms: number) => (ms / 1000).toFixed(1);
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

/** Runs a step (others may run beside it): answers whether it succeeded, once it ends. */
function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  return new Promise((done) => {
    child.on('close', (code) => {
      steps.push([name, (performance.now() - started) / 1000, code === 0]);
      done(code === 0);
    });
  });
}

function readPhases(file: string): Phase[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Phase);
}

function report(modules: ModuleTiming[], phases: Phase[]) {
  console.log('\n| step | seconds |\n|---|---|');
  // A step that failed says so here: typecheck's errors were printed while Vitest ran, far above.
  for (const [name, seconds, passed] of steps) console.log(`| ${name}${passed ? '' : ' (FAILED)'} | ${seconds.toFixed(1)} |`);
  if (modules.length > 0) {
    console.log(
      `\nTests: ${sum(modules.map((m) => m.passed))} passed, ${sum(modules.map((m) => m.failed))} failed, ` +
        `${sum(modules.map((m) => m.skipped))} skipped, in ${modules.length} files; ${s(sum(modules.map((m) => m.ms)))} s summed over files.`,
    );
  }
  if (phases.length > 0) {
    const byPhase = new Map<string, number[]>();
    for (const p of phases) byPhase.set(p.phase, [...(byPhase.get(p.phase) ?? []), p.ms]);
    console.log('\nOutside the tests (within the vitest step, summed over its workers):\n\n| phase | times | total s | longest s |\n|---|---|---|---|');
    for (const [phase, all] of [...byPhase].sort((a, b) => sum(b[1]) - sum(a[1]))) {
      console.log(`| ${phase} | ${all.length} | ${s(sum(all))} | ${s(Math.max(...all))} |`);
    }
  }
  if (modules.length > 0) {
    console.log('\nSlowest 20 files:\n\n| file | tests | seconds |\n|---|---|---|');
    for (const m of [...modules].sort((a, b) => b.ms - a.ms).slice(0, 20)) {
      console.log(`| ${relative(root, m.file)} | ${m.passed + m.failed + m.skipped} | ${s(m.ms)} |`);
    }
  }
}

const steps: [string, number, boolean][] = [];
const dir = mkdtempSync(join(tmpdir(), 'cordon-timings-'));
const modulesFile = join(dir, 'modules.json');
const phasesFile = join(dir, 'phases.jsonl');
const ok =
  (await step('lint', 'npm', ['run', '--silent', 'lint'])) &&
  (
    await Promise.all([
      step('typecheck', 'npm', ['run', '--silent', 'typecheck']),
      step(
        'vitest',
        'npx',
        ['vitest', 'run', '--reporter=default', '--reporter=./test/helpers/timings-reporter.ts', ...process.argv.slice(2)],
        { ...process.env, CORDON_TEST_MODULES_FILE: modulesFile, CORDON_TEST_TIMINGS_FILE: phasesFile },
      ),
    ])
  ).every(Boolean);
report(existsSync(modulesFile) ? (JSON.parse(readFileSync(modulesFile, 'utf8')) as ModuleTiming[]) : [], readPhases(phasesFile));
rmSync(dir, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
