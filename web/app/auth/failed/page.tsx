import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { safeBack } from '@/lib/server/session';

export default async function LoginFailed({ searchParams }: { searchParams: Promise<{ code?: string; back?: string }> }) {
  const { code = 'ERROR', back } = await searchParams;
  const t = translatorFor(await currentLanguage());
  const specific = t(`login.failed.${code}`);
  return (
    <main className="container my-5" id="main-container">
      <h1>{t('login.failedTitle')}</h1>
      <div className="alert alert-danger" role="alert">{specific.startsWith('login.') ? t('login.failed.default', { code }) : specific}</div>
      <a className="btn btn-primary" href={safeBack(back ?? '/')}>{t('login.retry')}</a>
    </main>
  );
}
