// The frame of every signed-in screen: a skip link, the header with navigation, the device's
// network and outbox, language and account, and the page. Signing out asks first when records
// made on this device have not reached the server: signing out removes them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { logsFieldRecords } from '../device/fieldData.ts';
import { unsentCount } from '../device/outbox.ts';
import { useFormat } from '../format.ts';
import { useSession } from '../session.tsx';
import { ClockWarning, DeviceStatus } from './DeviceStatus.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const format = useFormat();
  const [unsentAtSignOut, setUnsentAtSignOut] = useState(0);
  const askSignOut = async () => {
    const unsent = me ? await unsentCount(me.userId) : 0;
    if (unsent > 0) setUnsentAtSignOut(unsent);
    else await signOut();
  };
  const field = me ? logsFieldRecords(me.roles) : false;
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
            {field && <NavLink to="/field">{t('nav.fieldEntry')}</NavLink>}
            {field && me?.bureau.kind !== 'partner' && (
              <NavLink to="/screen-traveller">{t('nav.screenTraveller')}</NavLink>
            )}
            {me && me.bureau.kind !== 'partner' && me.roles.some((r) => r !== 'field' && r !== 'partner') && <NavLink to="/jobs">{t('nav.jobs')}</NavLink>}
            {me?.roles.includes('admin') && <NavLink to="/users">{t('nav.users')}</NavLink>}
          </nav>
        )}
        <div className="account">
          {me && field && <DeviceStatus me={me} />}
          <LanguageSwitcher />
          {me && <span className="who">{t('nav.signedInAs', { username: me.username, country: format.country(me.bureau.country) })}</span>}
          {!me?.totpSetupRequired && <NavLink to="/account">{t('nav.account')}</NavLink>}
          <button type="button" className="link" onClick={() => void askSignOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {unsentAtSignOut > 0 && (
        <SignOutQuestion
          unsent={unsentAtSignOut}
          onConfirm={() => {
            setUnsentAtSignOut(0);
            void signOut();
          }}
          onCancel={() => setUnsentAtSignOut(0)}
        />
      )}
      <ClockWarning />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function SignOutQuestion({ unsent, onConfirm, onCancel }: { unsent: number; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="sign-out-question" role="alertdialog" aria-labelledby="sign-out-question" data-unsent={unsent}>
      <p id="sign-out-question" tabIndex={-1} ref={(p) => p?.focus()}>
        {t('device.signOut.question', { count: unsent })}
      </p>
      <div className="sign-out-actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {t('device.signOut.confirm', { count: unsent })}
        </button>
        <Link to="/outbox" className="button" onClick={onCancel}>
          {t('device.signOut.open')}
        </Link>
        <button type="button" onClick={onCancel}>
          {t('device.signOut.cancel')}
        </button>
      </div>
    </div>
  );
}
