// The ad screener's verdict: the red flags (each with the words that raised it) and the trained
// model, combined into one risk score in 0..1 and a level.
//
// How they combine: each source of evidence is read as an independent chance that the ad is a
// recruitment scam, and the score is the chance that at least one of them is right (a noisy-OR):
//   score = 1 − (1 − p_model) · Π (1 − weight_flag)
// p_model is the model's probability, Platt-calibrated on out-of-fold predictions when it was
// trained; a flag's weight is its stand-alone strength from the catalogue. The model was trained
// on English ads (EMSCAD), so it speaks only for ads in English; other ads are scored on their
// flags alone, and the verdict says so (`model: null`). EMSCAD's ads are long (5% of them under
// about 50 words once stop-words are gone) and the short ones lean fraudulent, so the model is
// trusted in proportion to the ad's length: not at all under 20 words, fully from 150 (`weight`).
import { FLAG_CATALOGUE } from './flags/catalogue.ts';
import { loadScreenerModel } from './model/model.ts';
import { adTextForModel, prepareForModel } from './model/prepare.ts';
import { findRedFlags } from './redflags.ts';
import type { Ad, FlagHit, RiskLevel } from './types.ts';

/** Scores at or above these are medium and high. */
export const LEVEL_THRESHOLDS = { medium: 0.4, high: 0.7 } as const;
/** Languages the trained model reads. */
export const MODEL_LANGUAGES: readonly string[] = ['en'];

export interface Screening {
  score: number;
  level: RiskLevel;
  /** ISO 639-1 code of the ad's language, `und` when it could not be told. */
  language: string;
  flags: (FlagHit & { weight: number })[];
  /**
   * The trained model's calibrated probability and how much the score relies on it (0..1, by the
   * ad's length); null when the ad is not in a language it reads.
   */
  model: { probability: number; weight: number } | null;
}

export function levelOf(score: number): RiskLevel {
  if (score >= LEVEL_THRESHOLDS.high) return 'high';
  if (score >= LEVEL_THRESHOLDS.medium) return 'medium';
  return 'low';
}

/** Words (after the model's preparation) below which the model is not heard, and from which it is fully. */
export const MODEL_WORDS = { from: 20, full: 150 } as const;

function modelWeight(prepared: string): number {
  // Prepared text is words joined by single spaces: count the spaces rather than split it.
  let words = prepared === '' ? 0 : 1;
  for (let i = prepared.indexOf(' '); i >= 0 && words < MODEL_WORDS.full; i = prepared.indexOf(' ', i + 1)) words++;
  return Math.min(1, Math.max(0, (words - MODEL_WORDS.from) / (MODEL_WORDS.full - MODEL_WORDS.from)));
}

/**
 * Screens one ad.
 * @example screenAd({ text: 'Customer service in Sihanoukville, no experience, contact Telegram @hr_kh' }).level // 'high'
 */
export function screenAd(ad: Ad): Screening {
  const { language, flags } = findRedFlags(ad);
  const weighted = flags.map((hit) => ({ ...hit, weight: FLAG_CATALOGUE[hit.flag].weight }));
  let clear = 1;
  for (const hit of weighted) clear *= 1 - hit.weight;
  let model: Screening['model'] = null;
  if (MODEL_LANGUAGES.includes(language)) {
    const prepared = prepareForModel(adTextForModel(ad));
    const probability = loadScreenerModel().probability(prepared, true);
    const weight = modelWeight(prepared);
    model = { probability, weight };
    clear *= 1 - weight * probability;
  }
  const score = Math.round((1 - clear) * 1000) / 1000;
  return { score, level: levelOf(score), language, flags: weighted, model };
}
