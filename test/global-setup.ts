// Names the test run, so that the end-to-end files share one built web application and one
// loaded demo (see `sharedFixture` in test/e2e/harness.ts), and removes them when the run ends.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const run = randomUUID();
  process.env.CORDON_E2E_RUN = run;
  return () => rmSync(join(tmpdir(), `cordon-e2e-${run}`), { recursive: true, force: true });
}
