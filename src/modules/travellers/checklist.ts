// The default traveller-screening checklist (C10, docs/travellers.md) and the scoring rule: each
// ticked red flag adds its weight, the sum gives a risk level and a recommended action. Plain
// constants and pure functions, no imports: the web app bundles this file to score as officers tap.

export const INDICATOR_CATEGORIES = ['recruitment', 'travel', 'documents', 'control', 'child'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RECOMMENDED_ACTIONS = [
  'clear',
  'secondary_interview',
  'intercept_and_refer',
  'refer_to_specialist',
] as const;
export type RecommendedAction = (typeof RECOMMENDED_ACTIONS)[number];

/** What the officer did: stopped the traveller, or stopped them and handed them to a specialist (child protection, victim support). */
export const ACTIONS_TAKEN = ['intercepted', 'referred_to_specialist'] as const;
export type ActionTaken = (typeof ACTIONS_TAKEN)[number];

/** Hotspot kinds where travellers are checked: the only places a screening may be recorded. */
export const CHECKPOINT_KINDS = ['border_crossing', 'airport', 'seaport', 'bus_terminal'] as const;

export const SOURCES = {
  ilo: 'ILO, Indicators of Forced Labour (2012)',
  ohchr: 'OHCHR, Online scam operations and trafficking into forced criminality in Southeast Asia (2023)',
  interpol: 'INTERPOL, global warning on human trafficking-fuelled fraud (Orange Notice, June 2023)',
  unodc:
    'UNODC, Casinos, money laundering, underground banking and transnational organized crime in East and Southeast Asia (2024) and Global Report on Trafficking in Persons (2022)',
  practice: 'Interception record forms used at border stations by anti-trafficking organisations',
} as const;
export type SourceId = keyof typeof SOURCES;

export interface DefaultIndicator {
  id: string;
  category: IndicatorCategory;
  weight: number;
  sources: readonly SourceId[];
}

/**
 * The public indicator lists, weighted as border-station interception forms weigh them. Weights
 * run 1–10; a minor travelling without consent alone reaches the high level.
 */
export const DEFAULT_INDICATORS: readonly DefaultIndicator[] = [
  {
    id: 'job_offer_unknown_company',
    category: 'recruitment',
    weight: 3,
    sources: ['ohchr', 'interpol', 'unodc'],
  },
  { id: 'job_cannot_be_confirmed', category: 'recruitment', weight: 3, sources: ['practice', 'ilo'] },
  { id: 'recruited_online_high_pay', category: 'recruitment', weight: 2, sources: ['ohchr', 'interpol'] },
  { id: 'recruitment_debt', category: 'recruitment', weight: 3, sources: ['ilo'] },
  { id: 'tourist_visa_with_job_offer', category: 'travel', weight: 3, sources: ['ohchr', 'unodc'] },
  { id: 'ticket_paid_by_someone_else', category: 'travel', weight: 2, sources: ['unodc', 'practice'] },
  { id: 'one_way_ticket', category: 'travel', weight: 1, sources: ['unodc', 'practice'] },
  { id: 'route_through_transit_hub', category: 'travel', weight: 2, sources: ['unodc', 'interpol'] },
  { id: 'passport_held_by_broker', category: 'documents', weight: 5, sources: ['ilo', 'practice'] },
  { id: 'group_one_holds_documents', category: 'documents', weight: 4, sources: ['ilo', 'ohchr'] },
  { id: 'documents_not_own_or_false', category: 'documents', weight: 3, sources: ['unodc', 'practice'] },
  { id: 'escort_answers_for_traveller', category: 'control', weight: 3, sources: ['ilo', 'practice'] },
  { id: 'cannot_name_employer_or_address', category: 'control', weight: 2, sources: ['practice', 'unodc'] },
  { id: 'signs_of_fear_or_coaching', category: 'control', weight: 2, sources: ['ilo', 'practice'] },
  { id: 'minor_without_guardian_consent', category: 'child', weight: 8, sources: ['practice', 'unodc'] },
  { id: 'minor_travelling_for_work', category: 'child', weight: 4, sources: ['ilo', 'unodc'] },
];

/** Score at or above which the level is medium, and high. */
export const THRESHOLDS = { medium: 4, high: 8 } as const;

export const MAX_WEIGHT = 10;

/** An indicator as an operation uses it: the default's, or the operation's own. */
export interface ChecklistIndicator {
  id: string;
  category: IndicatorCategory;
  weight: number;
  enabled: boolean;
  /** The operation added it: its labels come with it (language code → text). */
  custom: boolean;
  labels: Record<string, string>;
  sources: readonly string[];
}

export interface Assessment {
  score: number;
  level: RiskLevel;
  recommendedAction: RecommendedAction;
  /** The ticked indicators that counted, heaviest first. */
  weighed: { id: string; weight: number }[];
}

/**
 * Sums the weights of the ticked indicators into a level and a recommended action. Ids not in the
 * checklist or switched off are the caller's to refuse first: here they count nothing.
 * @example assessTraveller(checklist, ['one_way_ticket', 'passport_held_by_broker']) // { score: 6, level: 'medium', ... }
 */
export function assessTraveller(
  checklist: readonly ChecklistIndicator[],
  ticked: readonly string[],
): Assessment {
  const chosen = new Set(ticked);
  const weighed = checklist
    .filter((i) => i.enabled && chosen.has(i.id) && i.weight > 0)
    .map((i) => ({ id: i.id, weight: i.weight, child: i.category === 'child' }))
    .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
  const score = weighed.reduce((sum, i) => sum + i.weight, 0);
  const level: RiskLevel = score >= THRESHOLDS.high ? 'high' : score >= THRESHOLDS.medium ? 'medium' : 'low';
  // A child at high risk goes to child-protection specialists, not only to the trafficking desk.
  const recommendedAction: RecommendedAction =
    level === 'low'
      ? 'clear'
      : level === 'medium'
        ? 'secondary_interview'
        : weighed.some((i) => i.child)
          ? 'refer_to_specialist'
          : 'intercept_and_refer';
  return { score, level, recommendedAction, weighed: weighed.map(({ id, weight }) => ({ id, weight })) };
}

/** The stored form of an operation's changes to the checklist. */
export interface IndicatorOverride {
  id: string;
  weight: number;
  enabled: boolean;
  category?: IndicatorCategory | undefined;
  labels?: Record<string, string> | undefined;
}

/**
 * The checklist an operation uses: every default (with the operation's weight and switch when it
 * changed them), then the operation's own indicators. Defaults are never dropped, only switched off.
 * @example effectiveChecklist([{ id: 'one_way_ticket', weight: 2, enabled: true }])
 */
export function effectiveChecklist(overrides: readonly IndicatorOverride[]): ChecklistIndicator[] {
  const byId = new Map(overrides.map((o) => [o.id, o]));
  const defaults = DEFAULT_INDICATORS.map((d) => {
    const o = byId.get(d.id);
    return {
      id: d.id,
      category: d.category,
      weight: o?.weight ?? d.weight,
      enabled: o?.enabled ?? true,
      custom: false,
      labels: {},
      sources: d.sources.map((s) => SOURCES[s]),
    };
  });
  const known = new Set(DEFAULT_INDICATORS.map((d) => d.id));
  const own = overrides
    .filter((o) => !known.has(o.id))
    .map((o) => ({
      id: o.id,
      category: o.category ?? 'control',
      weight: o.weight,
      enabled: o.enabled,
      custom: true,
      labels: { ...(o.labels ?? {}) },
      sources: [],
    }));
  return [...defaults, ...own];
}

export function isDefaultIndicator(id: string): boolean {
  return DEFAULT_INDICATORS.some((d) => d.id === id);
}
