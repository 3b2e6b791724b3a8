import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { DevLoginButton } from '@/components/DevLoginButton';
import { DevLoginSection } from '@/components/DevLoginSection';

const BuilderDevUsers = graphql(`
  query BuilderDevUsers {
    devUsers { id givenName familyName memberships { ente { id slug name } roles } }
  }
`);

/** The designers' login: SPID/CIE, and in development the demo people who design for an Ente. */
export default async function BuilderLoginPage() {
  const t = translatorFor(await currentLanguage());
  // devUsers is FORBIDDEN in production: then only SPID/CIE is offered.
  const dev = await serverQuery(BuilderDevUsers, {}, '').then((d) => d.devUsers).catch(() => null);
  const designers = (dev ?? []).flatMap((u) => u.memberships.filter((m) => m.roles.includes('DESIGNER')).map((m) => ({ user: u, ente: m.ente })));
  return (
    <div className="row">
      <div className="col-lg-8">
        <h1>{t('builder.login.title')}</h1>
        <p className="lead">{t('builder.login.intro')}</p>
        <a className="btn btn-primary btn-lg mb-4" href={`/auth/oidc/login?back=${encodeURIComponent('/builder')}`}>{t('login.spid')}</a>
        {dev ? (
          <DevLoginSection title={t('login.devTitle')} intro={t('builder.login.devIntro')}>
            {designers.map(({ user, ente }) => (
              <li key={`${user.id}-${ente.id}`} className="mb-2">
                <DevLoginButton userId={user.id} enteId={ente.id} back="/builder" label={t('builder.login.as', { name: `${user.givenName} ${user.familyName}`, ente: ente.name })} />
              </li>
            ))}
          </DevLoginSection>
        ) : null}
      </div>
    </div>
  );
}
