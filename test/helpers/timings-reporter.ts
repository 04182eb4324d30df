// A Vitest reporter for `npm test`'s timings table: each test file's whole time (setup, import,
// hooks and tests, which Vitest's JSON report leaves out of a file's span) and its tests' states,
// written to CORDON_TEST_MODULES_FILE when the run ends.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export interface ModuleTiming {
  file: string;
  ms: number;
  passed: number;
  failed: number;
  skipped: number;
}

export default class TimingsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const file = process.env.CORDON_TEST_MODULES_FILE;
    if (!file) return;
    const timings: ModuleTiming[] = modules.map((module) => {
      const d = module.diagnostic();
      const states = [...module.children.allTests()].map((test) => test.result().state);
      return {
        file: module.moduleId,
        ms: Math.round(d.prepareDuration + d.setupDuration + d.collectDuration + d.duration),
        passed: states.filter((s) => s === 'passed').length,
        failed: states.filter((s) => s === 'failed').length + (module.state() === 'failed' && states.length === 0 ? 1 : 0),
        skipped: states.filter((s) => s === 'skipped' || s === 'pending').length,
      };
    });
    writeFileSync(file, JSON.stringify(timings));
  }
}
