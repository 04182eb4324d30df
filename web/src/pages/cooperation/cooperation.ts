// What the cooperation screens share: what the inbox is told after a request is sent, and what a
// refused write says in the reader's language.
import type { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';

type Translate = ReturnType<typeof useTranslation>['t'];

/** What the inbox says after the form has sent a request (kept in the history entry, not the address). */
export interface SentNotice {
  id: string;
  countries: string[];
  raised: boolean;
}

/** What went wrong with a write, in the reader's language. */
export function problem(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('cooperation.errors.offline');
  if (error.status === 0 || error.status >= 500) return t('cooperation.errors.server');
  if (error.status === 409) return t('cooperation.errors.closed');
  if (error.status === 403) return t('cooperation.errors.forbidden');
  if (error.status === 404) return t('cooperation.errors.gone');
  return error.message;
}
