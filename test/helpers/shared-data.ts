// The public data sets tests read (../shared/data next to the repository, see its README); on a
// checkout elsewhere, the machine's /work/shared/data. A missing set fails with its path.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const CANDIDATES = [resolve(import.meta.dirname, '../../../shared/data'), '/work/shared/data'];

/**
 * The path of a shared data set, e.g. sharedData('febrl').
 * @example const FEBRL = sharedData('febrl');
 */
export function sharedData(...parts: string[]): string {
  for (const root of CANDIDATES) {
    const path = resolve(root, ...parts);
    if (existsSync(path)) return path;
  }
  throw new Error(`shared data ${parts.join('/')} not found in ${CANDIDATES.join(' or ')}`);
}
