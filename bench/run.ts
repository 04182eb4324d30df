// `npm run bench`: runs every benchmark under bench/ in turn and prints its figures.
// Set BENCH_ONLY=import or BENCH_ONLY=results to run one.
import { benchImport } from './import.ts';
import { benchResults } from './results.ts';

const only = process.env.BENCH_ONLY;
if (!only || only === 'import') await benchImport();
if (!only || only === 'results') await benchResults();
