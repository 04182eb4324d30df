// The bureaus a request goes to: checkboxes by country name in the reader's language, narrowed by
// what is typed (in that language or in English), with what is chosen said aloud.
import countries from 'i18n-iso-countries';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../api.ts';
import { Fieldset, type FormErrors } from '../../components/FormFields.tsx';
import { useFormat } from '../../format.ts';

export function AddresseePicker(props: { form: FormErrors; bureaus: Operation['bureaus']; chosen: string[]; onChange: (chosen: string[]) => void }) {
  const { form, bureaus, chosen, onChange } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [words, setWords] = useState('');
  const options = useMemo(
    () =>
      bureaus
        .map((b) => ({ ...b, countryName: format.country(b.country), english: countries.getName(b.country, 'en') ?? b.country }))
        .sort((a, b) => a.countryName.localeCompare(b.countryName, format.locale)),
    [bureaus, format],
  );
  const needle = words.trim().toLocaleLowerCase(format.locale);
  const shown = needle
    ? options.filter((o) => [o.countryName, o.english, o.name, o.country].some((s) => s.toLocaleLowerCase(format.locale).includes(needle)))
    : options;
  const chosenNames = options.filter((o) => chosen.includes(o.id)).map((o) => o.countryName);
  const invalid = form.control('to')['aria-invalid'];
  return (
    <Fieldset form={form} field="to" legend={t('cooperation.form.fields.to')} describedBy="coop-to-chosen" className="coop-to">
      <div className="form-field">
        <label htmlFor="coop-to-filter">{t('cooperation.form.filter')}</label>
        <input
          id="coop-to-filter"
          type="search"
          value={words}
          autoComplete="off"
          onChange={(e) => setWords(e.target.value)}
          // Enter narrows the list; it must not send the request.
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      <p id="coop-to-chosen" className="coop-chosen" aria-live="polite">
        {chosenNames.length > 0 ? t('cooperation.form.chosen', { countries: chosenNames.join(', ') }) : t('cooperation.form.noneChosen')}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{t('cooperation.form.noMatch', { words: words.trim() })}</p>
      ) : (
        <ul className="coop-bureaus">
          {shown.map((o) => (
            <li key={o.id}>
              <label className="check">
                <input
                  type="checkbox"
                  name="to"
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  aria-invalid={invalid}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))}
                />
                <span className="coop-bureau">
                  <span>{o.countryName}</span>
                  <bdi className="muted" translate="no">
                    {o.name}
                  </bdi>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </Fieldset>
  );
}
