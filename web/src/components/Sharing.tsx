// Who a record is shared with, in words: "Owner bureau only", "Shared with: Nepal, India", or
// "Shared with the whole operation".
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';

export type Sharing = 'owner' | 'listed' | 'operation';

export function SharingText({ sharing, sharedWith }: { sharing: Sharing; sharedWith: readonly string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span data-sharing={sharing}>
      {sharing === 'listed' && sharedWith.length > 0
        ? t('cases.sharedWith', { countries: sharedWith.map((c) => format.country(c)).join(', ') })
        : t(`cases.sharings.${sharing}`)}
    </span>
  );
}
