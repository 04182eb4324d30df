// `npm run bench`: runs every benchmark under bench/ in turn and prints its figures.
// Set BENCH_ONLY=import, results, dashboard, offline, linkage, names, dedupe, screener or load to run one.
import { benchDashboard } from './dashboard.ts';
import { benchDedupeScale } from './dedupe-scale.ts';
import { benchImport } from './import.ts';
import { benchLinkage } from './linkage.ts';
import { benchLoad } from './load.ts';
import { benchNames } from './names.ts';
import { benchOffline } from './offline.ts';
import { benchResults } from './results.ts';
import { benchScreener } from './screener.ts';

const only = process.env.BENCH_ONLY;
if (!only || only === 'import') await benchImport();
if (!only || only === 'results') await benchResults();
if (!only || only === 'dashboard') await benchDashboard();
if (!only || only === 'offline') await benchOffline();
if (!only || only === 'linkage') await benchLinkage();
if (!only || only === 'names') await benchNames();
if (!only || only === 'dedupe') await benchDedupeScale();
if (!only || only === 'screener') await benchScreener();
if (!only || only === 'load') await benchLoad();
