'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslation } from 'react-i18next';

/** Log-in link, or the person's name, personal area and log-out. */
export function AccountMenu({ ente, name }: { ente: string; name: string | null }) {
  const { t } = useTranslation();
  const path = usePathname();
  if (!name) {
    return (
      <Link className="btn btn-primary btn-sm btn-icon btn-full" href={`/${ente}/accedi?back=${encodeURIComponent(path)}`}>
        <span>{t('site.login')}</span>
      </Link>
    );
  }
  return (
    <div className="d-flex align-items-center gap-2 flex-wrap">
      <span className="text-white small d-none d-md-inline">{t('site.loggedInAs', { name })}</span>
      <Link className="btn btn-outline-light btn-sm" href={`/${ente}/area-personale`}>{t('site.personalArea')}</Link>
      <form method="post" action="/auth/logout">
        <input type="hidden" name="back" value={`/${ente}`} />
        <button type="submit" className="btn btn-outline-light btn-sm">{t('site.logout')}</button>
      </form>
    </div>
  );
}
