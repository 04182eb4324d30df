// What the traveller-screening screen reads and sends: the operation's checklist as the API gives
// it, and the label of an indicator in the reader's language.
import type { ChecklistIndicator } from '../../../../src/modules/travellers/checklist.ts';

export interface TravellerChecklist {
  operationId: string;
  indicators: ChecklistIndicator[];
  thresholds: { medium: number; high: number };
  updatedAt: string | null;
  can: { update: boolean; screen: boolean };
}

export interface ScreeningRecorded {
  id: string;
  outcomeId: string;
  score: number;
  level: 'low' | 'medium' | 'high';
  recommendedAction: string;
}

/**
 * A default indicator's text comes from the translations; an operation's own brings its labels,
 * in the reader's language when given, else in English.
 * @example indicatorLabel(indicator, 'id', t)
 */
export function indicatorLabel(
  indicator: ChecklistIndicator,
  language: string,
  t: (key: string) => string,
): string {
  if (!indicator.custom) return t(`travellers.indicators.${indicator.id}`);
  return indicator.labels[language.slice(0, 2)] ?? indicator.labels.en ?? indicator.id;
}
