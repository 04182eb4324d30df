// Two-factor sign-in (TOTP): set it up with an authenticator app (QR code, link or key typed by
// hand, then a code to confirm), see that it is on, and turn it off unless the role requires it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TotpSetupReplyBody } from '../../../../src/modules/auth/schema.ts';
import { api, type Me } from '../../api.ts';
import { ErrorSummary, Field, useFormErrors } from '../../components/FormFields.tsx';
import { groupSecret, refusedField, writeProblem } from './account.ts';
import { QrCode } from './QrCode.tsx';

/** The focus goes to a message once it appears: what just happened is read first. */
function useFocusWhen(shown: boolean) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

/**
 * The two-factor panel of the account screen, and the whole of the set-up screen a role requires.
 * @example <TwoFactor me={me} />
 */
export function TwoFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [enabledNow, setEnabledNow] = useState(false);
  const [disabledNow, setDisabledNow] = useState(false);
  // The message is there once /api/auth/me has told the new state.
  const enabledRef = useFocusWhen(enabledNow && me.totpEnabled);
  const disabledRef = useFocusWhen(disabledNow && !me.totpEnabled);
  return (
    <section className="panel account-panel" aria-labelledby="account-2fa-title" data-panel="two-factor" data-totp={me.totpEnabled ? 'on' : 'off'}>
      <h2 id="account-2fa-title">{t('account.twoFactor.title')}</h2>
      {me.totpEnabled ? (
        <>
          {enabledNow ? (
            <div className="account-done-block">
              <p ref={enabledRef} className="account-done" role="status" tabIndex={-1}>
                {t('account.twoFactor.enabledNow')}
              </p>
              <p>
                <Link to="/">{t('account.twoFactor.continue')}</Link>
              </p>
            </div>
          ) : (
            <p>
              <span className="badge account-on">{t('account.twoFactor.on')}</span> {t('account.twoFactor.onBody')}
            </p>
          )}
          {me.totpRequired ? <p className="muted">{t('account.twoFactor.requiredOn')}</p> : <DisableForm onDisabled={() => setDisabledNow(true)} />}
        </>
      ) : (
        <>
          {disabledNow && (
            <p ref={disabledRef} className="account-done" role="status" tabIndex={-1}>
              {t('account.twoFactor.disabledNow')}
            </p>
          )}
          <p>
            <span className="badge badge-quiet account-off">{t('account.twoFactor.off')}</span> {t(me.totpRequired ? 'account.twoFactor.requiredOff' : 'account.twoFactor.offBody')}
          </p>
          <SetUp
            onEnabled={() => {
              setDisabledNow(false);
              setEnabledNow(true);
            }}
          />
        </>
      )}
    </section>
  );
}

function SetUp({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const form = useFormErrors({ prefix: 'totp', order: ['code'] });
  const stepsHeading = useRef<HTMLHeadingElement>(null);
  const setup = useMutation({ mutationFn: () => api<TotpSetupReplyBody>('/api/auth/totp/setup', { method: 'POST' }) });
  // The steps replace the button that asked for them: the focus goes to their heading.
  const started = Boolean(setup.data);
  useEffect(() => {
    if (started) stepsHeading.current?.focus();
  }, [started]);
  const enable = useMutation({
    mutationFn: (body: { code: string }) => api<void>('/api/auth/totp/enable', { method: 'POST', body }),
    onSuccess: async () => {
      onEnabled();
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (error) => {
      const refused = refusedField(error, t);
      form.show(refused ? { [refused.field]: refused.message } : {});
    },
  });

  if (!setup.data) {
    return (
      <div className="account-actions">
        <button type="button" className="primary" disabled={setup.isPending} onClick={() => setup.mutate()}>
          {setup.isPending ? t('account.twoFactor.starting') : t('account.twoFactor.start')}
        </button>
        {setup.isError && (
          <p className="form-error" role="alert">
            {writeProblem(setup.error, t)}
          </p>
        )}
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.reset();
    const typed = code.replace(/\s/g, '');
    if (!typed) return form.show({ code: t('validation.required') });
    if (!/^[0-9]{6}$/.test(typed)) return form.show({ code: t('account.twoFactor.codeFormat') });
    form.set({});
    enable.mutate({ code: typed });
  };
  const problem = enable.isError && !refusedField(enable.error, t) ? writeProblem(enable.error, t) : null;
  const { secret, uri } = setup.data;
  return (
    <div className="account-setup" data-setup="started">
      <h3 ref={stepsHeading} tabIndex={-1}>
        {t('account.twoFactor.stepsTitle')}
      </h3>
      <ol className="account-steps">
        <li>
          <p>{t('account.twoFactor.stepApp')}</p>
        </li>
        <li>
          <p>{t('account.twoFactor.stepScan')}</p>
          <div className="account-qr-row">
            <QrCode value={uri} label={t('account.twoFactor.qrLabel')} />
            <div className="account-key">
              <p className="muted">{t('account.twoFactor.keyIntro')}</p>
              <p>
                <code className="account-secret" translate="no" data-secret={secret}>
                  {groupSecret(secret)}
                </code>
              </p>
              <p>
                <a href={uri}>{t('account.twoFactor.openLink')}</a>
              </p>
            </div>
          </div>
        </li>
        <li>
          <form className="account-form" onSubmit={submit} noValidate>
            <ErrorSummary form={form} name={() => t('account.twoFactor.code')} problem={problem} />
            <Field form={form} field="code" label={t('account.twoFactor.code')} hint={t('account.twoFactor.codeHint')} required>
              {(control) => (
                <input
                  name="code"
                  className="account-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  value={code}
                  onChange={(e) => {
                    setCode(e.target.value);
                    form.forget(() => true);
                  }}
                  {...control}
                />
              )}
            </Field>
            <div>
              <button type="submit" className="primary" disabled={enable.isPending}>
                {enable.isPending ? t('account.twoFactor.enabling') : t('account.twoFactor.enable')}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [closed, setClosed] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [password, setPassword] = useState('');
  const form = useFormErrors({ prefix: 'totp-off', order: ['password'] });
  const disable = useMutation({
    mutationFn: (body: { password: string }) => api<void>('/api/auth/totp/disable', { method: 'POST', body }),
    onSuccess: async () => {
      onDisabled();
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (error) => {
      const refused = refusedField(error, t);
      form.show(refused ? { [refused.field]: refused.message } : {});
    },
  });
  const passwordId = form.id('password');
  // Opened: to the password; cancelled: back to the button that opened it.
  useEffect(() => {
    if (open) document.getElementById(passwordId)?.focus();
    else if (closed) opener.current?.focus();
  }, [open, closed, passwordId]);
  if (!open) {
    return (
      <button ref={opener} type="button" className="account-secondary" onClick={() => setOpen(true)}>
        {t('account.twoFactor.disable')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.reset();
    if (!password) return form.show({ password: t('validation.required') });
    form.set({});
    disable.mutate({ password });
  };
  const problem = disable.isError && !refusedField(disable.error, t) ? writeProblem(disable.error, t) : null;
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-label={t('account.twoFactor.disable')}>
      <p className="form-field-hint">{t('account.twoFactor.disableIntro')}</p>
      <ErrorSummary form={form} name={() => t('account.twoFactor.password')} problem={problem} />
      <Field form={form} field="password" label={t('account.twoFactor.password')} required>
        {(control) => (
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            maxLength={1024}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              form.forget(() => true);
            }}
            {...control}
          />
        )}
      </Field>
      <div className="account-actions">
        <button type="submit" className="account-danger" disabled={disable.isPending}>
          {t('account.twoFactor.disableConfirm')}
        </button>
        <button
          type="button"
          className="account-secondary"
          onClick={() => {
            setOpen(false);
            setClosed(true);
          }}
        >
          {t('account.cancel')}
        </button>
      </div>
    </form>
  );
}
