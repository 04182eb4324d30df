// An offer's text as written, with the words that raised red flags marked (each mark titled with
// the flags' names in the reader's language).
import { useTranslation } from 'react-i18next';
import { type AdField, type CheckFlag, segments } from './check.ts';

export function MarkedText({ text, flags, field = 'text' }: { text: string; flags: CheckFlag[]; field?: AdField }) {
  const { t } = useTranslation();
  return (
    <p className="offer-text">
      {segments(text, flags, field).map((s, i) =>
        s.flags.length === 0 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: stretches of one text, in order
          <span key={i}>{s.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: stretches of one text, in order
          <mark key={i} title={s.flags.map((f) => t(`check.flags.${f}.label`)).join(' · ')}>
            {s.text}
          </mark>
        ),
      )}
    </p>
  );
}
