// The campaign form's two groups of controls that grow and shrink: the places, one input each, and
// who may see the campaign, with the countries chosen to share it with.
import { useTranslation } from 'react-i18next';
import { MAX_PLACES } from '../../../../src/modules/campaigns/schema.ts';
import { Field, FieldError, Fieldset, type FormErrors } from '../../components/FormFields.tsx';
import { Options } from '../../components/Choices.tsx';
import { useCountryOptions, useFormat } from '../../format.ts';
import { type Draft, SHARINGS } from './campaign.ts';

/** One input a place, added and removed one by one; the focus follows. */
export function PlacesFieldset({ form, places, onChange }: { form: FormErrors; places: string[]; onChange: (places: string[]) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = () => {
    onChange([...places, '']);
    form.focus(`places.${places.length}`);
  };
  const remove = (index: number) => {
    const left = places.filter((_, i) => i !== index);
    onChange(left.length > 0 ? left : ['']);
    // Errors name places by position: they no longer match once one is gone.
    form.forget((field) => field.startsWith('places'));
    form.focus(`places.${Math.max(0, Math.min(index, left.length - 1))}`);
  };
  return (
    <Fieldset form={form} field="places" legend={t('campaigns.fields.places')} hint={t('campaigns.hints.places')} className="campaign-places-field">
      <ol className="campaign-place-list">
        {places.map((place, i) => {
          const field = `places.${i}`;
          const number = format.number(i + 1);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: inputs are identified by position, as the API's errors are
            <li key={i}>
              <label htmlFor={form.id(field)} className="visually-hidden">
                {t('campaigns.fields.place', { number })}
              </label>
              <FieldError form={form} field={field} />
              <div className="campaign-place">
                <input name="place" maxLength={200} value={place} onChange={(e) => onChange(places.map((p, j) => (j === i ? e.target.value : p)))} {...form.control(field)} />
                {(places.length > 1 || place !== '') && (
                  <button type="button" className="secondary" aria-label={t('campaigns.removePlace', { number })} onClick={() => remove(i)}>
                    {t('campaigns.remove')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" onClick={add} disabled={places.length >= MAX_PLACES}>
        + {t('campaigns.addPlace')}
      </button>
    </Fieldset>
  );
}

/** Who may see the campaign: the owner bureau, chosen countries' bureaus, or the whole operation. */
export function SharingFields({ form, draft, update }: { form: FormErrors; draft: Draft; update: (change: Partial<Draft>) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const options = useCountryOptions().filter((c) => !draft.sharedWith.includes(c.value));
  return (
    <>
      <Fieldset form={form} field="sharing" legend={t('campaigns.fields.sharing')} className="campaign-sharing">
        {SHARINGS.map((s) => (
          <label key={s} className="check">
            <input type="radio" name="sharing" value={s} checked={draft.sharing === s} onChange={() => update({ sharing: s })} />
            {t(`campaigns.sharingOptions.${s}`)}
          </label>
        ))}
      </Fieldset>
      {draft.sharing === 'listed' && (
        <Field form={form} field="sharedWith" label={t('campaigns.fields.sharedWith')}>
          {(control) => (
            <>
              {draft.sharedWith.length === 0 ? (
                <p className="form-field-hint">{t('campaigns.noCountries')}</p>
              ) : (
                <ul className="campaign-chips" aria-label={t('campaigns.fields.sharedWith')}>
                  {draft.sharedWith.map((code) => (
                    <li key={code}>
                      {format.country(code)}
                      <button
                        type="button"
                        aria-label={t('campaigns.removeCountry', { country: format.country(code) })}
                        onClick={() => {
                          update({ sharedWith: draft.sharedWith.filter((c) => c !== code) });
                          form.focus('sharedWith');
                        }}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <select
                name="sharedWith"
                value=""
                onChange={(e) => {
                  if (e.target.value) update({ sharedWith: [...draft.sharedWith, e.target.value] });
                }}
                {...control}
              >
                <option value="">{t('campaigns.addCountry')}</option>
                <Options choices={options} />
              </select>
            </>
          )}
        </Field>
      )}
    </>
  );
}
