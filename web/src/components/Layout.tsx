// The frame of every signed-in screen: a skip link, the header with navigation, language and
// account, and the page.
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useFormat } from '../format.ts';
import { useSession } from '../session.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const format = useFormat();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">◈</span> {t('app.name')}
        </div>
        {/* Until a required second factor is set up, the API answers nothing the other screens need. */}
        {!me?.totpSetupRequired && (
          <nav aria-label={t('nav.main')}>
            <NavLink to="/" end>
              {t('nav.dashboard')}
            </NavLink>
            <NavLink to="/hotspots">{t('nav.hotspots')}</NavLink>
            <NavLink to="/cases">{t('nav.cases')}</NavLink>
            <NavLink to="/cooperation">{t('nav.cooperation')}</NavLink>
            {me?.roles.some((r) => r === 'analyst' || r === 'officer' || r === 'coordinator' || r === 'admin') && me.bureau.kind !== 'partner' && (
              <NavLink to="/matches">{t('nav.matches')}</NavLink>
            )}
            {me && me.bureau.kind !== 'partner' && me.roles.some((r) => r !== 'partner') && <NavLink to="/screening">{t('nav.screening')}</NavLink>}
            <NavLink to="/campaigns">{t('nav.campaigns')}</NavLink>
            {me?.roles.some((r) => r === 'field' || r === 'officer' || r === 'admin') && <NavLink to="/field">{t('nav.fieldEntry')}</NavLink>}
            {me?.roles.some((r) => r === 'field' || r === 'officer' || r === 'admin') && me.bureau.kind !== 'partner' && (
              <NavLink to="/screen-traveller">{t('nav.screenTraveller')}</NavLink>
            )}
            {me && me.bureau.kind !== 'partner' && me.roles.some((r) => r !== 'field' && r !== 'partner') && <NavLink to="/jobs">{t('nav.jobs')}</NavLink>}
            {me?.roles.includes('admin') && <NavLink to="/users">{t('nav.users')}</NavLink>}
          </nav>
        )}
        <div className="account">
          <LanguageSwitcher />
          {me && <span className="who">{t('nav.signedInAs', { username: me.username, country: format.country(me.bureau.country) })}</span>}
          {!me?.totpSetupRequired && <NavLink to="/account">{t('nav.account')}</NavLink>}
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
