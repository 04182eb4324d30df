// Sign-in. The form keeps what was typed when sign-in fails, and says why in words.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useSession } from '../session.tsx';

export function Login() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 429 ? t('login.throttled') : t('login.failed')) : t('login.offline'));
    } finally {
      setBusy(false);
    }
  }

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
            <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label>
            {t('login.password')}
            <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || !username || !password}>
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
