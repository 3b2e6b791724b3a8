import Link from 'next/link';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { SkipLinks } from '@/components/SkipLinks';
import { serverQueryOrNull } from '@/lib/server/api';
import { currentLanguage, platformLanguages, translatorFor } from '@/lib/server/i18n';
import { BuilderMe } from '@/lib/builder/queries';
import './builder.css';

export const dynamic = 'force-dynamic';

/** The designers' area: its own slim header (Ente, person, language), no citizen navigation. */
export default async function BuilderLayout({ children }: { children: ReactNode }) {
  const t = translatorFor(await currentLanguage());
  const me = await serverQueryOrNull(BuilderMe, {}).catch(() => null);
  const user = me?.me?.user;
  return (
    <>
      <SkipLinks t={t} />
      <header className="it-header-wrapper">
        <div className="it-header-slim-wrapper">
          <div className="container-fluid px-4">
            <div className="it-header-slim-wrapper-content">
              <Link href="/builder" className="navbar-brand text-white">{t('builder.brand')}{me?.me?.ente ? ` · ${me.me.ente.name}` : ''}</Link>
              <div className="it-header-slim-right-zone d-flex gap-2 align-items-center">
                <Suspense><LanguageSwitcher languages={platformLanguages()} /></Suspense>
                {user ? (
                  <>
                    <span className="text-white small d-none d-md-inline">{t('site.loggedInAs', { name: `${user.givenName} ${user.familyName}` })}</span>
                    <form method="post" action="/auth/logout">
                      <input type="hidden" name="back" value="/builder/accedi" />
                      <button type="submit" className="btn btn-outline-light btn-sm">{t('site.logout')}</button>
                    </form>
                  </>
                ) : null}
              </div>
            </div>
          </div>
        </div>
      </header>
      <main id="main-container" className="container-fluid px-4 my-4 builder-area" tabIndex={-1}>{children}</main>
      <footer id="footer" className="border-top py-3 px-4 small text-muted">{t('builder.footer')}</footer>
    </>
  );
}
