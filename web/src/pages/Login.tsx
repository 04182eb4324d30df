// Sign-in. The form keeps what was typed when sign-in fails, and says why in words; an account
// with a second factor is asked for its 6-digit code in a second step, without retyping.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useSession } from '../session.tsx';
import { retryMinutes } from './account/account.ts';

export function Login() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the API answers totp_required: the password was right, the code is still to come.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (askCode) codeInput.current?.focus();
  }, [askCode]);

  const codeValid = /^[0-9]{6}$/.test(code);

  function problem(e: unknown): string {
    if (!(e instanceof ApiError)) return t('login.offline');
    if (e.status === 429) {
      const seconds = e.detail.retryAfter;
      return seconds ? t('account.signIn.throttled', { count: retryMinutes(seconds) }) : t('login.throttled');
    }
    if (e.id === 'totp_required') return t('account.signIn.codeWrong');
    return t('login.failed');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (askCode && !codeValid) {
      setError(t('account.signIn.codeFormat'));
      codeInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reply = await signIn({ username: username.trim(), password, ...(askCode ? { totp: code } : {}) });
      const from = (location.state as { from?: string } | null)?.from;
      // A role that requires a second factor without one set up: nothing else is open until it is.
      if (reply.totpSetupRequired) navigate('/account/two-factor', { replace: true });
      else navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      // The first totp_required is no error: the code field appears, its hint says what to type.
      const firstAsk = e instanceof ApiError && e.id === 'totp_required' && !askCode;
      setError(firstAsk ? null : problem(e));
      if (e instanceof ApiError && e.id === 'totp_required') {
        setCode('');
        setAskCode(true);
        codeInput.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  const ready = Boolean(username && password) && (!askCode || code.length > 0);
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <div className="brand brand-large">
          <span className="logo" aria-hidden="true">◈</span> {t('app.name')}
        </div>
        <p className="tagline">{t('app.tagline')}</p>
        <h1>{t('login.title')}</h1>
        <p>{t('login.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label>
            {t('login.username')}
            <input
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                setAskCode(false);
              }}
            />
          </label>
          <label>
            {t('login.password')}
            <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {askCode && (
            <div className="form-field">
              <label htmlFor="login-code">{t('account.signIn.code')}</label>
              <p className="form-field-hint" id="login-code-hint">
                {t('account.signIn.codeHint')}
              </p>
              <input
                ref={codeInput}
                id="login-code"
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                aria-describedby={error ? 'login-code-hint login-error' : 'login-code-hint'}
                aria-invalid={error ? true : undefined}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\s/g, ''))}
              />
            </div>
          )}
          {error && (
            <p className="form-error" role="alert" id="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || !ready}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}

export function SessionExpired() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <h1>{t('session.expiredTitle')}</h1>
        <p>{t('session.expiredBody')}</p>
        <button type="button" className="primary" onClick={() => navigate('/login', { replace: true })}>
          {t('session.signInAgain')}
        </button>
      </div>
    </main>
  );
}
