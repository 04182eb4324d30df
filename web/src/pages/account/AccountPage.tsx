// "Your account" (/account): change the password, two-factor sign-in, and the devices signed in.
// /account/two-factor is the set-up alone, where a role that requires a second factor sends its
// users until they have one (the API answers nothing else till then).
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { Sessions } from './Sessions.tsx';
import { TwoFactor } from './TwoFactor.tsx';
import './account.css';

export default function AccountPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  if (!me) return <Loading />;
  return (
    <section className="page account-page">
      <div className="page-head">
        <div>
          <h1>{t('account.title')}</h1>
          <p className="operation-name">
            {t('nav.signedInAs', { username: me.username, country: format.country(me.bureau.country) })}
          </p>
        </div>
      </div>
      <div className="account-grid">
        <PasswordForm username={me.username} />
        <TwoFactor me={me} />
        <Sessions />
      </div>
    </section>
  );
}

/** The set-up a role requires, alone on the screen, with why. */
export function TwoFactorRequired() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return <Loading />;
  return (
    <section className="page account-page account-required">
      <div className="page-head">
        <div>
          <h1>{t('account.required.title')}</h1>
          {!me.totpEnabled && <p className="account-intro">{t('account.required.intro')}</p>}
        </div>
      </div>
      <TwoFactor me={me} />
    </section>
  );
}
