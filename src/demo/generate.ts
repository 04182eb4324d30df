// The demo operation, reconstructed from the public reports on INTERPOL's Operation Storm Makers II
// (October 2023): 27 countries, 450 hotspots, 270,000 inspections and the published outcomes.
// Everything is drawn from a seeded generator, so every load yields exactly the same figures.
import { createHash } from 'node:crypto';
import type { Sharing } from '../db/schema.ts';
import { type DemoBureau, type DemoPlace, coordinatorBureau, demoPlaces, participatingBureaus } from './places.ts';
import { apportion, type Random, seededRandom } from '../shared/random.ts';

/** The figures the demo must reproduce (PRODUCT.md §1). */
export const DEMO_FIGURES = {
  countries: 27,
  hotspots: 450,
  inspections: 270_000,
  arrests: 281,
  rescues: 149,
  investigations: 360,
  interceptions: 800,
  smugglersApprehended: 239,
  migrantsIntercepted: 4_000,
} as const;

export const DEMO_OPERATION = {
  name: 'Storm Makers II',
  description:
    'Joint operation against human trafficking and the scam centres it feeds, coordinated by INTERPOL with police, immigration and border agencies in 27 countries.',
  phases: [
    { name: 'Pre-operational phase', startsOn: '2023-05-15', endsOn: '2023-10-15' },
    { name: 'Action phase', startsOn: '2023-10-16', endsOn: '2023-10-20' },
  ],
  funders: ['Bali Process Regional Support Office', 'Global Affairs Canada', "Ministry of Public Security of the People's Republic of China"],
} as const;

const ACTION_DAYS = ['2023-10-16', '2023-10-17', '2023-10-18', '2023-10-19', '2023-10-20'];
const DAY_WEIGHTS = [0.17, 0.22, 0.23, 0.21, 0.17];

/** A stable UUID for a demo record, so links to the demo survive a reload. */
export function demoId(kind: string, key: string | number): string {
  const h = createHash('sha256').update(`cordon-demo:${kind}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface DemoHotspot extends DemoPlace {
  id: string;
  weight: number;
}

export interface DemoInspection {
  hotspot: DemoHotspot;
  at: Date;
  kind: string;
  personsChecked: number;
  sharing: Sharing;
  sharedWith: string[];
}

export interface DemoOutcome {
  id: string;
  kind: 'arrest' | 'rescue' | 'investigation' | 'interception' | 'smuggler_apprehension' | 'migrant_interception';
  country: string;
  hotspot: DemoHotspot | null;
  at: Date;
  persons: number;
  offences: string[];
  status: 'open' | 'closed' | null;
  sharing: Sharing;
  sharedWith: string[];
}

// How much of the operation's activity each country carried (relative weights).
const ACTIVITY: Record<string, number> = {
  IN: 9, ID: 8, PH: 7, TH: 7, MY: 6, CN: 7, VN: 6, BD: 5, PK: 5, TR: 7, MM: 4, KH: 4, LA: 3, NP: 4, LK: 3,
  SG: 3, AE: 4, KZ: 3, KE: 3, UG: 3, TZ: 3, ET: 3, GH: 2, ZA: 3, AO: 2, AU: 3, BR: 3,
};

const INSPECTION_KINDS_AT: Record<string, readonly (readonly [string, number])[]> = {
  border_crossing: [['traveller_check', 5], ['document_check', 3], ['vehicle_check', 3]],
  airport: [['traveller_check', 5], ['document_check', 5]],
  seaport: [['document_check', 3], ['vehicle_check', 2], ['traveller_check', 3], ['premises_inspection', 1]],
  bus_terminal: [['traveller_check', 4], ['document_check', 3], ['vehicle_check', 2]],
  recruitment_office: [['premises_inspection', 5], ['document_check', 2]],
  massage_parlour: [['premises_inspection', 6], ['document_check', 1]],
  market: [['premises_inspection', 3], ['patrol', 3], ['document_check', 1]],
  coastline_sector: [['patrol', 6], ['vehicle_check', 1]],
  scam_compound: [['premises_inspection', 4], ['patrol', 2], ['document_check', 1]],
  other: [['patrol', 2], ['document_check', 1]],
};

const PERSONS_BY_KIND: Record<string, readonly [number, number]> = {
  traveller_check: [1, 6],
  document_check: [1, 12],
  vehicle_check: [1, 18],
  premises_inspection: [2, 40],
  patrol: [0, 25],
};

// Neighbours a bureau shares some of its records with by name (`listed`).
const NEIGHBOURS: Record<string, string[]> = {
  TH: ['MM', 'LA', 'KH', 'MY'], MM: ['TH', 'CN'], KH: ['TH', 'VN'], LA: ['TH', 'CN'], IN: ['NP', 'BD'],
  NP: ['IN'], BD: ['IN'], KE: ['UG', 'TZ', 'ET'], UG: ['KE'], TZ: ['KE'], MY: ['ID', 'SG', 'TH'],
  ID: ['MY', 'SG'], SG: ['MY', 'ID'], PH: ['MY'], CN: ['MM', 'LA', 'VN'], VN: ['CN', 'KH'], TR: ['AE'],
  AE: ['IN', 'PK'], PK: ['AE'], LK: ['IN'], ZA: ['AO'], AO: ['ZA'], ET: ['KE'], GH: ['ZA'], KZ: ['CN'],
  AU: ['ID'], BR: ['MY'],
};

function sharingFor(random: Random, country: string): { sharing: Sharing; sharedWith: string[] } {
  const r = random.next();
  if (r < 0.8) return { sharing: 'operation', sharedWith: [] };
  if (r < 0.93) return { sharing: 'owner', sharedWith: [] };
  return { sharing: 'listed', sharedWith: NEIGHBOURS[country] ?? [] };
}

function timeOn(random: Random, day: string): Date {
  const base = Date.parse(`${day}T00:00:00Z`);
  return new Date(base + random.int(0, 24 * 3600 - 1) * 1000);
}

function actionDay(random: Random): string {
  return random.weighted(ACTION_DAYS.map((d, i) => [d, DAY_WEIGHTS[i]!] as const));
}

export interface DemoPlan {
  coordinator: DemoBureau & { id: string };
  bureaus: (DemoBureau & { id: string })[];
  hotspots: DemoHotspot[];
  outcomes: DemoOutcome[];
  /** The inspections, generated on the fly (270,000 of them). */
  inspections(): Generator<DemoInspection>;
}

function planHotspots(random: Random): DemoHotspot[] {
  const countries = participatingBureaus.map((b) => b.country);
  const perCountry = apportion(DEMO_FIGURES.hotspots, countries.map((c) => 6 + (ACTIVITY[c] ?? 2)));
  const hotspots: DemoHotspot[] = [];
  countries.forEach((country, ci) => {
    const places = demoPlaces.filter((p) => p.country === country);
    if (places.length === 0) throw new Error(`demo places lack ${country}`);
    const seen = new Map<string, number>();
    for (let i = 0; i < perCountry[ci]!; i++) {
      const place = places[i % places.length]!;
      const n = (seen.get(place.name) ?? 0) + 1;
      seen.set(place.name, n);
      // Second and later hotspots at one place are nearby sectors of it.
      const spread = place.kind === 'airport' || place.kind === 'border_crossing' ? 0.01 : 0.04;
      const jitter = n === 1 ? 0 : spread;
      hotspots.push({
        ...place,
        id: demoId('hotspot', `${country}:${i}`),
        name: n === 1 ? place.name : `${place.name} (sector ${n})`,
        lat: Math.round((place.lat + (random.next() - 0.5) * jitter) * 10_000) / 10_000,
        lon: Math.round((place.lon + (random.next() - 0.5) * jitter) * 10_000) / 10_000,
        weight: (ACTIVITY[country] ?? 2) * (0.5 + random.next()),
      });
    }
  });
  return hotspots;
}

function planOutcomes(random: Random, hotspots: DemoHotspot[]): DemoOutcome[] {
  const outcomes: DemoOutcome[] = [];
  const byCountry = (country: string) => hotspots.filter((h) => h.country === country);
  const countries = participatingBureaus.map((b) => b.country);
  const push = (o: Omit<DemoOutcome, 'id' | 'sharing' | 'sharedWith'>) =>
    outcomes.push({ id: demoId('outcome', outcomes.length), ...o, ...sharingFor(random, o.country) });

  // 281 arrests, one person each, with the offences named in the reports.
  const offenceMix = [
    [['human_trafficking'], 70],
    [['human_trafficking', 'sexual_exploitation'], 25],
    [['document_forgery'], 45],
    [['corruption'], 12],
    [['telecom_fraud'], 40],
    [['online_fraud'], 35],
    [['telecom_fraud', 'human_trafficking'], 12],
    [['sexual_exploitation'], 20],
    [['migrant_smuggling'], 30],
    [['forced_labour'], 12],
    [['human_trafficking', 'forced_labour'], 8],
  ] as const;
  const arrestCountries = apportion(DEMO_FIGURES.arrests, countries.map((c) => ACTIVITY[c] ?? 2));
  countries.forEach((country, ci) => {
    const spots = byCountry(country);
    for (let i = 0; i < arrestCountries[ci]!; i++) {
      push({
        kind: 'arrest',
        country,
        hotspot: random.pick(spots),
        at: timeOn(random, actionDay(random)),
        persons: 1,
        offences: [...random.weighted(offenceMix.map(([o, w]) => [o, w] as const))],
        status: null,
      });
    }
  });

  // 149 victims rescued, in rescues of one to six people, mostly where scam compounds are.
  const rescueWeights: Record<string, number> = { MM: 8, PH: 6, KH: 5, TH: 5, LA: 4, IN: 4, NP: 3, BD: 2, MY: 2, ID: 2, AE: 2, KE: 1, UG: 1 };
  const rescueCountries = Object.keys(rescueWeights);
  const rescuesPer = apportion(DEMO_FIGURES.rescues, rescueCountries.map((c) => rescueWeights[c]!));
  rescueCountries.forEach((country, ci) => {
    let left = rescuesPer[ci]!;
    const spots = byCountry(country);
    const preferred = spots.filter((h) => ['scam_compound', 'massage_parlour', 'recruitment_office'].includes(h.kind));
    while (left > 0) {
      const persons = Math.min(left, random.int(1, 6));
      left -= persons;
      push({
        kind: 'rescue',
        country,
        hotspot: random.pick(preferred.length > 0 ? preferred : spots),
        at: timeOn(random, actionDay(random)),
        persons,
        offences: [],
        status: null,
      });
    }
  });

  // 360 investigations opened, many still ongoing.
  const investigationsPer = apportion(DEMO_FIGURES.investigations, countries.map((c) => ACTIVITY[c] ?? 2));
  countries.forEach((country, ci) => {
    for (let i = 0; i < investigationsPer[ci]!; i++) {
      push({
        kind: 'investigation',
        country,
        hotspot: null,
        at: timeOn(random, actionDay(random)),
        persons: 1,
        offences: [],
        status: random.next() < 0.82 ? 'open' : 'closed',
      });
    }
  });

  // Nearly 800 potential victims intercepted at border checkpoints and airports.
  const checkpoints = hotspots.filter((h) => h.kind === 'border_crossing' || h.kind === 'airport');
  const interceptionsPer = apportion(DEMO_FIGURES.interceptions, checkpoints.map((h) => h.weight));
  checkpoints.forEach((hotspot, hi) => {
    let left = interceptionsPer[hi]!;
    while (left > 0) {
      const persons = Math.min(left, random.int(1, 4));
      left -= persons;
      push({ kind: 'interception', country: hotspot.country, hotspot, at: timeOn(random, actionDay(random)), persons, offences: [], status: null });
    }
  });

  // Turkish coast patrols: 239 smugglers apprehended and 4,000 irregular migrants intercepted.
  const coast = byCountry('TR').filter((h) => h.kind === 'coastline_sector');
  for (const [kind, total, max] of [
    ['smuggler_apprehension', DEMO_FIGURES.smugglersApprehended, 4],
    ['migrant_interception', DEMO_FIGURES.migrantsIntercepted, 70],
  ] as const) {
    let left: number = total;
    while (left > 0) {
      const persons = Math.min(left, random.int(1, max));
      left -= persons;
      push({ kind, country: 'TR', hotspot: random.pick(coast), at: timeOn(random, actionDay(random)), persons, offences: [], status: null });
    }
  }
  return outcomes;
}

/**
 * Plans the demo from a seed. Same seed, same operation.
 * @example const plan = planDemo(); plan.hotspots.length // 450
 */
export function planDemo(seed = 2023_10_16): DemoPlan {
  const random = seededRandom(seed);
  const hotspots = planHotspots(random);
  const outcomes = planOutcomes(random, hotspots);
  return {
    coordinator: { ...coordinatorBureau, id: demoId('bureau', coordinatorBureau.country) },
    bureaus: participatingBureaus.map((b) => ({ ...b, id: demoId('bureau', b.country) })),
    hotspots,
    outcomes,
    *inspections() {
      const inner = seededRandom(seed + 1);
      const counts = apportion(DEMO_FIGURES.inspections, hotspots.map((h) => h.weight));
      for (let hi = 0; hi < hotspots.length; hi++) {
        const hotspot = hotspots[hi]!;
        const kinds = INSPECTION_KINDS_AT[hotspot.kind] ?? INSPECTION_KINDS_AT.other!;
        for (let i = 0; i < counts[hi]!; i++) {
          const kind = inner.weighted(kinds);
          const [min, max] = PERSONS_BY_KIND[kind]!;
          yield {
            hotspot,
            at: timeOn(inner, actionDay(inner)),
            kind,
            personsChecked: inner.int(min, max),
            ...sharingFor(inner, hotspot.country),
          };
        }
      }
    },
  };
}
