import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { safeBack } from '@/lib/server/session';
import { DevLoginButton } from '@/components/DevLoginButton';
import { DevLoginSection } from '@/components/DevLoginSection';

const DevUsers = graphql(`
  query DevUsers {
    devUsers { id givenName familyName fiscalCode memberships { ente { id slug name } roles } }
  }
`);

export default async function LoginPage({ params, searchParams }: { params: Promise<{ ente: string }>; searchParams: Promise<{ back?: string }> }) {
  const { ente } = await params;
  const back = safeBack((await searchParams).back ?? `/${ente}`);
  const t = translatorFor(await currentLanguage());
  // devUsers is FORBIDDEN in production: then only SPID/CIE is offered.
  const dev = await serverQuery(DevUsers, {}, '').then((d) => d.devUsers).catch(() => null);
  return (
    <div className="row">
      <div className="col-lg-8">
        <h1>{t('login.title')}</h1>
        <p className="lead">{t('login.intro')}</p>
        <a className="btn btn-primary btn-lg mb-4" href={`/auth/oidc/login?back=${encodeURIComponent(back)}`}>{t('login.spid')}</a>
        {dev ? (
          <DevLoginSection title={t('login.devTitle')} intro={t('login.devIntro')}>
            {dev.map((u) => (
              <li key={u.id} className="mb-2">
                <div className="d-flex align-items-center gap-2 flex-wrap">
                  <DevLoginButton userId={u.id} back={back} className="btn btn-outline-primary btn-sm" label={t('login.devAs', { name: `${u.givenName} ${u.familyName}` })} />
                  <span className="small text-muted">
                    {u.fiscalCode}{u.memberships.length ? ` · ${u.memberships.map((m) => `${m.ente.name}: ${m.roles.join(', ')}`).join('; ')}` : ''}
                  </span>
                </div>
                {u.memberships.filter((m) => m.roles.includes('DESIGNER')).map((m) => (
                  <div key={m.ente.id} className="mt-1">
                    <DevLoginButton userId={u.id} enteId={m.ente.id} back="/builder" className="btn btn-primary btn-sm" label={t('login.devAsDesigner', { name: `${u.givenName} ${u.familyName}`, ente: m.ente.name })} />
                  </div>
                ))}
              </li>
            ))}
          </DevLoginSection>
        ) : null}
      </div>
    </div>
  );
}
