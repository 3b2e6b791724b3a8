import Link from 'next/link';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { Invitations } from '@/components/personal/Invitations';
import { romeDateTime } from '@/lib/rome-time';

const PersonalArea = graphql(`
  query PersonalArea($ente: String!, $language: String) {
    me { user { givenName familyName fiscalCode } }
    myPraticheAwaitingReply { ...PersonalPratica }
    myPratiche(first: 100) { edges { node { ...PersonalPratica } } }
    myDrafts(first: 100) { edges { node { id serviceId serviceTitle updatedAt versionNumber } } }
    publishedServices(enteSlug: $ente, language: $language, first: 100) { edges { node { id slug } } }
    myInvitations { id status roles officeName expiresAt ente { name } }
  }
  fragment PersonalPratica on Pratica { id code serviceId serviceTitle state stateLabel submittedAt protocolNumber awaitedReply { kind until open } }
`);

/**
 * The pratiche awaiting the citizen's reply first, as the server orders them (window open, nearest
 * end first; then closed) whatever the number of pratiche; then the others, newest first.
 */
function awaitingFirst<P extends { id: string }>(awaiting: P[], newest: P[]): P[] {
  const first = new Set(awaiting.map((p) => p.id));
  return [...awaiting, ...newest.filter((p) => !first.has(p.id))];
}

/** The citizen's pratiche with their state (those the office awaits a reply on first, flagged), drafts to continue, and receipts. */
export default async function PersonalAreaPage({ params }: { params: Promise<{ ente: string }> }) {
  const { ente } = await params;
  const language = await currentLanguage();
  const t = translatorFor(language);
  const data = await serverQuery(PersonalArea, { ente, language }).catch(() => null);
  if (!data?.me?.user) {
    return (
      <div>
        <h1>{t('personal.title')}</h1>
        <p>{t('login.required')}</p>
        <Link className="btn btn-primary" href={`/${ente}/accedi?back=${encodeURIComponent(`/${ente}/area-personale`)}`}>{t('login.title')}</Link>
      </div>
    );
  }
  const slugs = new Map(data.publishedServices.edges.map((e) => [e.node.id, e.node.slug]));
  const pratiche = awaitingFirst(data.myPraticheAwaitingReply, data.myPratiche.edges.map((e) => e.node));
  const drafts = data.myDrafts.edges.map((e) => e.node).filter((d) => slugs.has(d.serviceId));
  const date = (iso: string) => romeDateTime(iso, language, 'medium');
  const longDate = (iso: string) => romeDateTime(iso, language);
  return (
    <div>
      <h1>{t('personal.title')}</h1>
      <div className="d-flex flex-wrap gap-3 justify-content-between align-items-start mb-3">
        <p className="lead mb-0">{data.me.user.givenName} {data.me.user.familyName} · {data.me.user.fiscalCode}</p>
        <form method="post" action="/auth/logout">
          <input type="hidden" name="back" value={`/${ente}`} />
          <button type="submit" className="btn btn-outline-primary">{t('personal.logout')}</button>
        </form>
      </div>
      <section aria-labelledby="pratiche" className="mb-4">
        <h2 id="pratiche" className="h3">{t('personal.pratiche')}</h2>
        {pratiche.length === 0 ? <p>{t('personal.noPratiche')}</p> : (
          <ul className="list-group">
            {pratiche.map((p) => (
              <li key={p.id} className={`list-group-item d-flex flex-wrap gap-2 justify-content-between align-items-center${p.awaitedReply?.open ? ' border-start border-4 border-warning' : ''}`}
                data-testid="personal-pratica" data-awaiting={p.awaitedReply ? (p.awaitedReply.open ? 'open' : 'closed') : undefined}>
                <span>
                  <strong>{p.serviceTitle}</strong><br /><span className="small">{p.code} · {date(p.submittedAt)}</span>
                  {p.awaitedReply ? (
                    <span className={`d-block small fw-semibold mt-1${p.awaitedReply.open ? '' : ' text-danger'}`} data-testid="awaiting-reply">
                      {p.awaitedReply.open ? <><span className="badge bg-warning text-dark">{t('personal.awaitingTitle')}</span>{' '}</> : null}
                      {t(`personal.awaitingKind.${p.awaitedReply.kind === 'OBSERVATIONS' ? 'observations' : 'integration'}`)}
                      {' · '}
                      {!p.awaitedReply.open && p.awaitedReply.until ? t('personal.awaitingClosed', { date: longDate(p.awaitedReply.until) })
                        : p.awaitedReply.until ? t('personal.awaitingUntil', { date: longDate(p.awaitedReply.until) }) : t('personal.awaitingNoEnd')}
                    </span>
                  ) : null}
                </span>
                <span className="badge bg-primary">{p.stateLabel}</span>
                <span className="d-flex gap-2">
                  {p.awaitedReply?.open
                    ? <Link className="btn btn-primary btn-sm" href={`/${ente}/pratiche/${p.id}`}>{t('personal.reply')}<span className="visually-hidden"> {p.code}</span></Link>
                    : <Link href={`/${ente}/pratiche/${p.id}`}>{t('personal.open')}<span className="visually-hidden"> {p.code}</span></Link>}
                  <a href={`/${ente}/pratiche/${p.id}/ricevuta`} download>{t('receipt.pdf')}<span className="visually-hidden"> {p.code}</span></a>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="inviti" className="mb-4">
        <h2 id="inviti" className="h3">{t('personal.invitations')}</h2>
        <Invitations language={language} invitations={data.myInvitations.filter((i) => i.status === 'PENDING').map((i) => ({
          id: i.id, enteName: i.ente.name, roles: i.roles, officeName: i.officeName ?? null, expiresAt: i.expiresAt,
        }))} />
      </section>
      <section aria-labelledby="bozze">
        <h2 id="bozze" className="h3">{t('personal.drafts')}</h2>
        {drafts.length === 0 ? <p>{t('personal.noDrafts')}</p> : (
          <ul className="list-group">
            {drafts.map((d) => (
              <li key={d.id} className="list-group-item d-flex flex-wrap gap-2 justify-content-between align-items-center">
                <span><strong>{d.serviceTitle}</strong><br /><span className="small">{t('personal.savedAt', { date: date(d.updatedAt) })}</span></span>
                <Link className="btn btn-outline-primary btn-sm" href={`/${ente}/servizi/${slugs.get(d.serviceId)}/domanda`}>{t('personal.continue')}<span className="visually-hidden"> {d.serviceTitle}</span></Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
