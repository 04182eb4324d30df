// What the entity screens share: an identifier as the API gives it, and what a refused write says
// in the reader's language.
import type { useTranslation } from 'react-i18next';
import type { CaseEntityT } from '../../../../src/modules/entities/schema.ts';
import { ApiError } from '../../api.ts';

export type CaseEntity = CaseEntityT;

export interface CaseEntities {
  caseId: string;
  can: { add: boolean };
  entities: CaseEntity[];
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** What went wrong with a write no field explains, in the reader's language. */
export function writeProblem(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('entities.errors.offline');
  if (error.status >= 500) return t('entities.errors.server');
  if (error.status === 403) return t('entities.errors.forbidden');
  if (error.status === 404) return t('entities.errors.gone');
  // The look-up limits: in whole minutes, at least one.
  if (error.status === 429) return t('entities.errors.limited', { count: Math.max(1, Math.ceil((error.detail.retryAfter ?? 3600) / 60)) });
  return t('entities.errors.rejected');
}
