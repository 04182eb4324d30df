// What the person-match screens share: the API's shapes, who may do what (to hide what the server
// would refuse), and how a score and the model's explanation read in words.
import type { useTranslation } from 'react-i18next';
import type {
  HiddenMatchT,
  MatchStatus,
  PersonMatchRunT,
  PersonMatchT,
} from '../../../../src/modules/matches/schema.ts';
import { ApiError, type Me, type Page } from '../../api.ts';

export { MATCH_STATUSES } from '../../../../src/modules/matches/schema.ts';
export type { HiddenMatchT, MatchStatus, PersonMatchRunT, PersonMatchT };
export type MatchPerson = PersonMatchT['left'];
export type MatchEvidence = PersonMatchT['explanation'][number];

/** A page of matches: the first one also lists the matches on the reader's persons they may not see. */
export interface MatchPage extends Page<PersonMatchT> {
  hiddenMatches: HiddenMatchT[];
}

type Translate = ReturnType<typeof useTranslation>['t'];

const police = (me: Me | undefined) => me !== undefined && me.bureau.kind !== 'partner';

/** Reading matches: police bureaus, every role but field teams (the server decides; this only spares a refused call). */
export function mayReadMatches(me: Me | undefined): boolean {
  return (
    police(me) &&
    me!.roles.some((r) => r === 'admin' || r === 'coordinator' || r === 'analyst' || r === 'officer')
  );
}

/** Running the model: analysts, coordinators and admins of police bureaus. */
export function mayRunMatching(me: Me | undefined): boolean {
  return police(me) && me!.roles.some((r) => r === 'admin' || r === 'coordinator' || r === 'analyst');
}

/** A refusal to read: the role or bureau may not see matches (the server answers 403 or, for the operation, 404). */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

/** How sure the model is, in a word: almost certain, likely, possible. */
export function scoreLevel(score: number): 'certain' | 'likely' | 'possible' {
  return score >= 0.95 ? 'certain' : score >= 0.8 ? 'likely' : 'possible';
}

/** Whether a field spoke for the match, against it, or not at all. */
export function agreementOf(evidence: MatchEvidence): 'agrees' | 'differs' | 'silent' {
  return evidence.weight > 0 ? 'agrees' : evidence.weight < 0 ? 'differs' : 'silent';
}

/**
 * The model's level ('exact', 'jaro-winkler ≥ 0.92', 'one typing slip'…) in the reader's words;
 * a level this screen does not know yet is shown as the model wrote it.
 * @example levelText('jaro-winkler ≥ 0.92', t) // 'nearly the same'
 */
export function levelText(level: string, t: Translate): string {
  const similarity = /^jaro-winkler ≥ ([\d.]+)$/.exec(level);
  if (similarity)
    return Number(similarity[1]) >= 0.9 ? t('matches.levels.close') : t('matches.levels.similar');
  if (level.startsWith('counted with')) return t('matches.levels.counted');
  const known: Record<string, string> = {
    exact: 'exact',
    different: 'different',
    missing: 'missing',
    'one typing slip': 'typo',
    'day and month swapped': 'swapped',
  };
  const key = known[level];
  return key ? t(`matches.levels.${key}`) : level;
}

/** A field of the explanation in the reader's words; an unknown field as the model named it. */
export function fieldText(field: string, t: Translate): string {
  return t(`matches.fields.${field}`, { defaultValue: field });
}

/** What went wrong with a write, in the reader's language. */
export function writeProblem(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('matches.errors.offline');
  if (error.status >= 500) return t('matches.errors.server');
  if (error.status === 403) return t('matches.errors.forbidden');
  if (error.status === 404) return t('matches.errors.gone');
  return error.message;
}
