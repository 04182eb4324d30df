// What an admin may do to an account: disable it (after a confirmation; its sessions end) or
// enable it again, set a new password (its sessions end), and remove its second factor after a
// lost phone. Each says what it did, in place, and keeps the focus on the card.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserPasswordResetInput } from '../../../../src/modules/bureaus/schema.ts';
import { api } from '../../api.ts';
import { ErrorSummary, useFormErrors } from '../../components/FormFields.tsx';
import { refusedField, writeProblem } from '../account/account.ts';
import { type NewPasswordDraft, NewPasswordFields, newPasswordErrors } from '../account/NewPassword.tsx';
import { Confirm } from './Confirm.tsx';
import type { UserBody } from './users.ts';

type Asking = 'disable' | 'password' | 'totp' | null;
type Done = 'disabled' | 'enabled' | 'password' | 'totp' | null;

/** A change to one user; the list is read again once the server has made it. */
function useUserChange(user: UserBody, onDone: (done: Done) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown; done: Done }) =>
      api<void>(`/api/users/${user.id}/${path}`, { method: 'POST', ...(body === undefined ? {} : { body }) }),
    onSuccess: async (_, { done }) => {
      onDone(done);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

/**
 * The actions part of a user's card.
 * @example <UserActions user={user} />
 */
export function UserActions({ user }: { user: UserBody }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking>(null);
  const [done, setDone] = useState<Done>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const buttons = useRef<HTMLDivElement>(null);
  const change = useUserChange(user, (d) => {
    setAsking(null);
    setDone(d);
  });
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const ask = (what: Asking) => {
    change.reset();
    setDone(null);
    setAsking(what);
  };
  const cancel = () => {
    setAsking(null);
    change.reset();
    // Back to the row of buttons the question came from.
    setTimeout(() => buttons.current?.querySelector<HTMLButtonElement>('button')?.focus());
  };
  const problem = change.isError ? writeProblem(change.error, t) : null;
  const vars = { username: user.username };

  return (
    <div className="users-actions">
      {done && (
        <p ref={doneRef} className="account-done" role="status" tabIndex={-1} data-done={done}>
          {t(`users.done.${done}`, vars)}
        </p>
      )}
      {asking === null && (
        <div className="account-actions" ref={buttons}>
          {user.disabled ? (
            <button type="button" className="account-secondary" disabled={change.isPending} onClick={() => change.mutate({ path: 'enable', done: 'enabled' })}>
              {t('users.enable')}
            </button>
          ) : (
            <button type="button" className="account-secondary" onClick={() => ask('disable')}>
              {t('users.disable.button')}
            </button>
          )}
          <button type="button" className="account-secondary" onClick={() => ask('password')}>
            {t('users.password.button')}
          </button>
          {user.totpEnabled && (
            <button type="button" className="account-secondary" onClick={() => ask('totp')}>
              {t('users.totp.button')}
            </button>
          )}
        </div>
      )}
      {asking === null && problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {asking === 'disable' && (
        <Confirm
          question={t('users.disable.question', vars)}
          confirm={t('users.disable.confirm')}
          pending={change.isPending}
          problem={problem}
          onConfirm={() => change.mutate({ path: 'disable', done: 'disabled' })}
          onCancel={cancel}
        />
      )}
      {asking === 'totp' && (
        <Confirm
          question={t('users.totp.question', vars)}
          confirm={t('users.totp.confirm')}
          pending={change.isPending}
          problem={problem}
          onConfirm={() => change.mutate({ path: 'totp/reset', done: 'totp' })}
          onCancel={cancel}
        />
      )}
      {asking === 'password' && (
        <PasswordReset
          user={user}
          pending={change.isPending}
          error={change.error}
          onSubmit={(body) => change.mutate({ path: 'password', body, done: 'password' })}
          onCancel={cancel}
        />
      )}
    </div>
  );
}

function PasswordReset(props: {
  user: UserBody;
  pending: boolean;
  error: unknown;
  onSubmit: (body: UserPasswordResetInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<NewPasswordDraft>({ newPassword: '', repeatPassword: '' });
  const form = useFormErrors({ prefix: `user-${props.user.id}-password`, order: ['newPassword', 'repeatPassword'] });
  const firstId = form.id('newPassword');
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);
  // The server's refusal (a common password) goes to its field once it arrives.
  const { error } = props;
  const { show } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown once per refusal, not on each render's new `show`
  useEffect(() => {
    const refused = refusedField(error, t);
    if (refused) show({ [refused.field]: refused.message });
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = newPasswordErrors(draft, props.user.username, t);
    if (Object.keys(errors).length > 0) return form.show(errors);
    form.set({});
    props.onSubmit({ newPassword: draft.newPassword });
  };
  const problem = props.error && !refusedField(props.error, t) ? writeProblem(props.error, t) : null;
  return (
    <form className="account-form users-password" onSubmit={submit} noValidate aria-label={t('users.password.title', { username: props.user.username })}>
      <p className="form-field-hint">{t('users.password.intro')}</p>
      <ErrorSummary form={form} name={(field) => t(`account.password.fields.${field}`)} problem={problem} />
      <NewPasswordFields form={form} draft={draft} onChange={setDraft} />
      <div className="account-actions">
        <button type="submit" className="primary" disabled={props.pending}>
          {t('users.password.save')}
        </button>
        <button type="button" className="account-secondary" onClick={props.onCancel}>
          {t('account.cancel')}
        </button>
      </div>
    </form>
  );
}
