import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('states.notFound')}</h1>
      <p>
        <Link to="/">{t('states.home')}</Link>
      </p>
    </section>
  );
}
