// A new password typed twice, with the policy as its hint: used by "change your password" and by
// an admin's "set a new password" for a user. The server's answer names the field and the reason.
import { useTranslation } from 'react-i18next';
import { Field, type FormErrors } from '../../components/FormFields.tsx';
import type { FieldErrors } from '../../validate.ts';
import { localPasswordReason, PASSWORD_MIN_LENGTH, passwordReasonText } from './account.ts';

export interface NewPasswordDraft {
  newPassword: string;
  repeatPassword: string;
}

/**
 * What is wrong with a new password before it is sent: the policy's length and username rules, and a repeat that differs.
 * @example form.show(newPasswordErrors(draft, 'officer-tr', t))
 */
export function newPasswordErrors(draft: NewPasswordDraft, username: string, t: ReturnType<typeof useTranslation>['t']): FieldErrors {
  const errors: FieldErrors = {};
  const reason = localPasswordReason(draft.newPassword, username);
  if (!draft.newPassword) errors.newPassword = t('validation.required');
  else if (reason) errors.newPassword = passwordReasonText(reason, t);
  if (!draft.repeatPassword) errors.repeatPassword = t('validation.required');
  else if (draft.repeatPassword !== draft.newPassword) errors.repeatPassword = t('account.password.mismatch');
  return errors;
}

/**
 * The two fields; `form` must list `newPassword` and `repeatPassword` in its order.
 * @example <NewPasswordFields form={form} draft={draft} onChange={setDraft} />
 */
export function NewPasswordFields({ form, draft, onChange }: { form: FormErrors; draft: NewPasswordDraft; onChange: (draft: NewPasswordDraft) => void }) {
  const { t } = useTranslation();
  const change = (field: keyof NewPasswordDraft, value: string) => {
    onChange({ ...draft, [field]: value });
    form.forget((f) => f === field);
  };
  return (
    <>
      <Field form={form} field="newPassword" label={t('account.password.new')} hint={t('account.password.policy', { limit: PASSWORD_MIN_LENGTH })} required>
        {(control) => (
          <input
            type="password"
            name="newPassword"
            autoComplete="new-password"
            maxLength={1024}
            value={draft.newPassword}
            onChange={(e) => change('newPassword', e.target.value)}
            {...control}
          />
        )}
      </Field>
      <Field form={form} field="repeatPassword" label={t('account.password.repeat')} required>
        {(control) => (
          <input
            type="password"
            name="repeatPassword"
            autoComplete="new-password"
            maxLength={1024}
            value={draft.repeatPassword}
            onChange={(e) => change('repeatPassword', e.target.value)}
            {...control}
          />
        )}
      </Field>
    </>
  );
}
