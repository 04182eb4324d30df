// "Change your password": the current one, the new one twice. The server ends every other
// session of the account, and the screen says so.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordChangeInput } from '../../../../src/modules/auth/schema.ts';
import { api } from '../../api.ts';
import { ErrorSummary, Field, useFormErrors } from '../../components/FormFields.tsx';
import { refusedField, writeProblem } from './account.ts';
import { type NewPasswordDraft, NewPasswordFields, newPasswordErrors } from './NewPassword.tsx';

const EMPTY = { currentPassword: '', newPassword: '', repeatPassword: '' };

/**
 * The panel with the form; `username` is the signed-in user's (the policy refuses it in the password).
 * @example <PasswordForm username={me.username} />
 */
export function PasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const [changed, setChanged] = useState(false);
  const form = useFormErrors({ prefix: 'password', order: ['currentPassword', 'newPassword', 'repeatPassword'] });
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (changed) done.current?.focus();
  }, [changed]);

  const change = useMutation({
    mutationFn: (body: PasswordChangeInput) => api<void>('/api/auth/password', { method: 'POST', body }),
    onSuccess: async () => {
      setDraft(EMPTY);
      setChanged(true);
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (error) => {
      const refused = refusedField(error, t);
      if (refused) form.show({ [refused.field]: refused.message });
      else form.show({});
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    change.reset();
    const errors = newPasswordErrors(draft, username, t);
    if (!draft.currentPassword) errors.currentPassword = t('validation.required');
    if (Object.keys(errors).length > 0) return form.show(errors);
    form.set({});
    change.mutate({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
  };
  // A refusal no field explains (throttled, offline) goes to the summary.
  const problem = change.isError && !refusedField(change.error, t) ? writeProblem(change.error, t) : null;

  return (
    <section className="panel account-panel" aria-labelledby="account-password-title" data-panel="password">
      <h2 id="account-password-title">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.intro')}</p>
      <form className="account-form" onSubmit={submit} noValidate>
        <ErrorSummary form={form} name={(field) => t(`account.password.fields.${field}`)} problem={problem} />
        <Field form={form} field="currentPassword" label={t('account.password.current')} required>
          {(control) => (
            <input
              type="password"
              name="currentPassword"
              autoComplete="current-password"
              maxLength={1024}
              value={draft.currentPassword}
              onChange={(e) => {
                setDraft({ ...draft, currentPassword: e.target.value });
                form.forget((f) => f === 'currentPassword');
              }}
              {...control}
            />
          )}
        </Field>
        <NewPasswordFields form={form} draft={draft} onChange={(next: NewPasswordDraft) => setDraft({ ...draft, ...next })} />
        <div>
          <button type="submit" className="primary" disabled={change.isPending}>
            {change.isPending ? t('account.password.saving') : t('account.password.save')}
          </button>
        </div>
        {changed && (
          <p ref={done} className="account-done" role="status" tabIndex={-1} data-password-changed="true">
            {t('account.password.changed')}
          </p>
        )}
      </form>
    </section>
  );
}
