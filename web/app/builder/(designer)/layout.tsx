import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ApiFailure, serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { BuilderMe } from '@/lib/builder/queries';

export const dynamic = 'force-dynamic';

/** Only designers of an Ente pass: anyone else is sent to log in, or told plainly why not. */
export default async function DesignerOnly({ children }: { children: ReactNode }) {
  const t = translatorFor(await currentLanguage());
  let me;
  try {
    me = (await serverQuery(BuilderMe, {})).me;
  } catch (e) {
    if (e instanceof ApiFailure && e.code === 'UNAUTHENTICATED') redirect('/builder/accedi');
    return <div className="alert alert-danger" role="alert">{t('site.serverDown')}</div>;
  }
  if (!me?.user) redirect('/builder/accedi');
  if (!me.ente || !me.roles.includes('DESIGNER')) {
    return (
      <div className="row"><div className="col-lg-8">
        <h1>{t('builder.notDesigner.title')}</h1>
        <div className="alert alert-warning" role="alert">{me.ente ? t('builder.notDesigner.text', { ente: me.ente.name }) : t('builder.notDesigner.textNoEnte')}</div>
        <form method="post" action="/auth/logout">
          <input type="hidden" name="back" value="/builder/accedi" />
          <button type="submit" className="btn btn-outline-primary">{t('builder.notDesigner.switch')}</button>
        </form>
      </div></div>
    );
  }
  return <>{children}</>;
}
