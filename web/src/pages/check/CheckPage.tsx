// The public job-offer checker (/check): no sign-in, the browser's language first. A person pastes
// an offer and sees its red flags in their language, the words that raised them marked in their
// own text, and what to do next. Nothing is stored unless they choose "report this offer".
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { useFormat } from '../../format.ts';
import type { CheckResult, CheckSetup, Offer } from './check.ts';
import { MarkedText } from './MarkedText.tsx';
import { ReportOffer } from './ReportOffer.tsx';
import './check.css';

export function CheckPage() {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<Offer>({ text: '' });
  const [checked, setChecked] = useState<{ offer: Offer; result: CheckResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [setup, setSetup] = useState<CheckSetup | null>(null);

  useEffect(() => {
    document.title = t('check.pageTitle');
    api<CheckSetup>('/api/public/check/setup').then(setSetup, () => setSetup({ countries: [] }));
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!offer.text.trim()) {
      setError(t('check.needText'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(offer).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
      const result = await api<CheckResult>('/api/public/check', { method: 'POST', body });
      setChecked({ offer, result });
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 429 ? t('check.throttled') : e.status === 400 ? t('check.tooLong') : t('check.failed')) : t('check.offline'));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Offer) => ({
    value: offer[name] ?? '',
    onChange: (e: { target: { value: string } }) => setOffer((o) => ({ ...o, [name]: e.target.value })),
  });

  return (
    <div className="offer-check">
      <header className="offer-check-top">
        <span className="brand">
          <span className="logo" aria-hidden="true">◈</span> {t('app.name')}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main">
        <h1>{t('check.title')}</h1>
        <p className="lead">{t('check.intro')}</p>
        <p className="privacy">{t('check.privacy')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label>
            {t('check.offerLabel')}
            <textarea name="text" rows={9} maxLength={20000} placeholder={t('check.offerPlaceholder')} {...field('text')} />
          </label>
          <details>
            <summary>{t('check.moreDetails')}</summary>
            <label>
              {t('check.pay')}
              <input name="pay" maxLength={200} {...field('pay')} />
            </label>
            <label>
              {t('check.location')}
              <input name="location" maxLength={300} {...field('location')} />
            </label>
            <label>
              {t('check.contact')}
              <input name="contact" maxLength={300} {...field('contact')} />
            </label>
          </details>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('check.checking') : t('check.submit')}
          </button>
        </form>
        {checked && <Verdict offer={checked.offer} result={checked.result} setup={setup} />}
        <p className="fine-print">{t('check.disclaimer')}</p>
      </main>
    </div>
  );
}

function Verdict({ offer, result, setup }: { offer: Offer; result: CheckResult; setup: CheckSetup | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={`verdict verdict-${result.level}`} aria-labelledby={headingId} aria-live="polite">
      <h2 id={headingId}>
        <span className="level">{t(`check.level.${result.level}`)}</span> {t(`check.headline.${result.level}`)}
      </h2>
      {result.flags.length === 0 ? (
        <p>{t('check.noFlags')}</p>
      ) : (
        <>
          <h3>{t('check.flagsTitle', { count: result.flags.length })}</h3>
          <ul className="flags">
            {result.flags.map((f) => (
              <li key={f.flag} className={`flag flag-${f.flag}`}>
                <strong>{t(`check.flags.${f.flag}.label`)}</strong>
                <span>{t(`check.flags.${f.flag}.explain`)}</span>
                {f.evidence.length > 0 && (
                  <span className="words">
                    {t('check.words')}{' '}
                    {f.evidence.slice(0, 4).map((e) => (
                      <q key={`${e.field}${e.start}`}>{e.text}</q>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <h3>{t('check.yourText')}</h3>
          <MarkedText text={offer.text} flags={result.flags} />
        </>
      )}
      <NextSteps level={result.level} setup={setup} offer={offer} />
    </section>
  );
}

function NextSteps({ level, setup, offer }: { level: CheckResult['level']; setup: CheckSetup | null; offer: Offer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [country, setCountry] = useState('');
  const countries = [...(setup?.countries ?? [])].sort((a, b) => format.country(a.country).localeCompare(format.country(b.country)));
  const chosen = countries.find((c) => c.country === country);
  const steps = t(`check.steps.${level}`, { returnObjects: true }) as string[];
  return (
    <div className="next-steps">
      <h3>{t('check.nextTitle')}</h3>
      <ul>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <label>
        {t('check.countryLabel')}
        <select value={country} onChange={(e) => setCountry(e.target.value)}>
          <option value="">{t('check.countryPick')}</option>
          {countries.map((c) => (
            <option key={c.country} value={c.country}>
              {format.country(c.country)}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <div className="helplines">
          {chosen.helplines.length === 0 ? (
            <p>{t('check.noHelpline', { country: format.country(chosen.country) })}</p>
          ) : (
            <ul>
              {chosen.helplines.map((h) => (
                <li key={`${h.name} ${h.phone ?? ''} ${h.url ?? ''}`}>
                  <strong>{h.name}</strong>
                  {h.phone && (
                    <>
                      {' '}
                      <a href={`tel:${h.phone.replace(/\s/g, '')}`}>{h.phone}</a>
                    </>
                  )}
                  {h.url && (
                    <>
                      {' '}
                      <a href={h.url} rel="noopener noreferrer">
                        {h.url.replace(/^https?:\/\//, '')}
                      </a>
                    </>
                  )}
                  {h.hours && <span className="hours"> ({h.hours})</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {chosen?.takesReports && <ReportOffer offer={offer} country={chosen.country} />}
    </div>
  );
}
