// Inspections imported per second from CSV (270,000 rows) through Cordon's import (parse,
// validate, need-to-know checks, COPY, rollup, audit) next to a plain COPY of the same rows
// into the same table (the ceiling), on PGlite and on the PostgreSQL server.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyArray } from '../src/modules/imports/csv-copy.ts';
import { actorOfUsername } from '../src/modules/auth/service.ts';
import { importInspections } from '../src/modules/inspections/service.ts';
import { planDemo } from '../src/demo/generate.ts';
import { benchDatabase, rate, serverReachable, stageDemo } from './setup.ts';

const ROWS = 270_000;

function makeFiles(dir: string) {
  const plan = planDemo();
  const csv: string[] = ['hotspotId,at,kind,personsChecked,sharing,sharedWith'];
  const copy: string[] = [];
  let n = 0;
  for (const i of plan.inspections()) {
    if (n++ >= ROWS) break;
    const at = i.at.toISOString();
    csv.push(`${i.hotspot.id},${at},${i.kind},${i.personsChecked},${i.sharing},${i.sharedWith.join(';')}`);
    copy.push(`${i.hotspot.id}\t${at}\t${i.kind}\t${i.personsChecked}\t${i.sharing}\t${copyArray(i.sharedWith)}\n`);
  }
  const csvPath = join(dir, 'inspections.csv');
  writeFileSync(csvPath, `${csv.join('\n')}\n`);
  return { csvPath, copyLines: copy };
}

export async function benchImport() {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-csv-'));
  const { csvPath, copyLines } = makeFiles(dir);
  const engines: ('pglite' | 'postgres')[] = (await serverReachable()) ? ['pglite', 'postgres'] : ['pglite'];
  console.log(`\n## CSV import of ${ROWS.toLocaleString('en')} inspections`);
  console.log('| database | Cordon import rows/s | plain COPY rows/s | import / COPY |');
  console.log('|---|---|---|---|');
  for (const engine of engines) {
    const bench = await benchDatabase(engine, 'import');
    try {
      const operationId = await stageDemo(bench.database, false);
      const actor = await actorOfUsername(bench.database.db, 'officer-tr');
      // Import as the Turkish officer: every demo hotspot is shared with the whole operation.
      let started = performance.now();
      const imported = await importInspections(bench.database, actor, operationId, createReadStream(csvPath));
      const importMs = performance.now() - started;
      if (imported !== ROWS) throw new Error(`imported ${imported}, expected ${ROWS}`);

      const client = await bench.database.pool.connect();
      await client.query('truncate inspections, inspection_rollup');
      const prefix = `${operationId}\t${actor.bureauId}\t`;
      const lines = copyLines.map((l) => {
        const [hotspot, at, kind, persons, sharing, shared] = l.split('\t');
        return `${prefix}${hotspot}\t${at}\t${kind}\t${persons}\t${sharing}\t${shared}`;
      });
      started = performance.now();
      await client.query('begin');
      const batch = bench.database.engine === 'pglite' ? 50_000 : lines.length;
      for (let i = 0; i < lines.length; i += batch) {
        await client.copyFrom(
          'copy inspections (operation_id, owner_bureau_id, hotspot_id, at, kind, persons_checked, sharing, shared_with) from stdin',
          lines.slice(i, i + batch),
        );
      }
      await client.query('commit');
      const copyMs = performance.now() - started;
      client.release();
      const ratio = Math.round((rate(ROWS, importMs) / rate(ROWS, copyMs)) * 100);
      console.log(
        `| ${bench.name} | ${rate(ROWS, importMs).toLocaleString('en')} (${(importMs / 1000).toFixed(1)} s) | ${rate(ROWS, copyMs).toLocaleString('en')} (${(copyMs / 1000).toFixed(1)} s) | ${ratio}% |`,
      );
    } finally {
      await bench.close();
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
