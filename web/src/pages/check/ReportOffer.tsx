// "Report this offer": the one thing the checker stores, only when the person asks, sent to the
// bureau of the country they picked. A way to reach them is optional.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { useFormat } from '../../format.ts';
import type { Offer } from './check.ts';

export function ReportOffer({ offer, country }: { offer: Offer; country: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);

  if (reference) {
    return (
      <p className="reported" role="status">
        {t('check.reported', { country: format.country(country), reference })}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('check.report')}
      </button>
    );
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ad = Object.fromEntries(Object.entries(offer).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
      const body = { ad, country, language: i18n.resolvedLanguage ?? 'en', ...(contact.trim() ? { contact: contact.trim() } : {}) };
      const answer = await api<{ reference: string }>('/api/public/reports', { method: 'POST', body });
      setReference(answer.reference);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('check.throttled') : t('check.reportFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="report-offer" onSubmit={(e) => void send(e)}>
      <h3>{t('check.reportTitle')}</h3>
      <p>{t('check.reportExplain', { country: format.country(country) })}</p>
      <label>
        {t('check.reportContact')}
        <input name="reporter-contact" maxLength={200} autoComplete="off" value={contact} onChange={(e) => setContact(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('check.reporting') : t('check.reportSend', { country: format.country(country) })}
        </button>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t('check.reportCancel')}
        </button>
      </div>
    </form>
  );
}
