import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { SkipLinks } from '@/components/SkipLinks';
import { ApiFailure, serverQuery } from '@/lib/server/api';
import { currentLanguage, platformLanguages, translatorFor } from '@/lib/server/i18n';
import { EnteAndMe } from '@/lib/server/queries';

export const dynamic = 'force-dynamic';

export default async function EnteLayout({ children, params }: { children: ReactNode; params: Promise<{ ente: string }> }) {
  const { ente: slug } = await params;
  const t = translatorFor(await currentLanguage());
  let data;
  try {
    data = await serverQuery(EnteAndMe, { slug });
  } catch (e) {
    // An expired session must not hide the site: retry anonymously.
    if (e instanceof ApiFailure && e.code === 'UNAUTHENTICATED') data = await serverQuery(EnteAndMe, { slug }, '').catch(() => null);
    if (!data) {
      return <main className="container my-5" id="main-container"><h1>Sportello</h1><div className="alert alert-danger" role="alert">{t('site.serverDown')}</div></main>;
    }
  }
  if (!data.ente) {
    return (
      <main className="container my-5" id="main-container">
        <h1>{t('site.enteNotFound')}</h1>
        <p>{t('site.enteNotFoundText', { slug })}</p>
      </main>
    );
  }
  const user = data.me?.user;
  const motto = typeof data.ente.branding.motto === 'string' ? data.ente.branding.motto : undefined;
  return (
    <>
      <SkipLinks t={t} />
      <SiteHeader ente={{ slug: data.ente.slug, name: data.ente.name, motto }} personName={user ? `${user.givenName} ${user.familyName}` : null} languages={platformLanguages()} />
      <main id="main-container" className="container my-4" tabIndex={-1}>{children}</main>
      <SiteFooter enteName={data.ente.name} t={t} />
    </>
  );
}
