import Link from 'next/link';
import { localize, type ServiceDefinition } from '@sportello/schemas';
import { graphql } from '@/gql';
import { serverQuery, serverQueryOrNull } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { serviceFacts } from '@/lib/server/service-info';
import { RatingForm } from '@/components/rating/RatingForm';
import { romeDay } from '@/lib/rome-time';

const ServicePage = graphql(`
  query ServicePage($ente: String!, $slug: String!, $language: String) {
    publishedService(enteSlug: $ente, slug: $slug, language: $language) {
      id title description category hasFee languages language version publishedAt definition(language: $language)
    }
  }
`);
const MyDraft = graphql(`
  query MyDraft($serviceId: ID!) { draft(serviceId: $serviceId) { id updatedAt } }
`);

/** The service page of the Comuni model: what it is, what you need, cost, timing, languages, start. */
export default async function ServiceDetail({ params }: { params: Promise<{ ente: string; slug: string }> }) {
  const { ente, slug } = await params;
  const language = await currentLanguage();
  const t = translatorFor(language);
  const { publishedService: s } = await serverQuery(ServicePage, { ente, slug, language }, '');
  if (!s) return <div className="alert alert-warning" role="alert">{t('service.notFound')}</div>;
  const definition = s.definition as unknown as ServiceDefinition;
  const text = (key: string) => localize({ translations: definition.translations, defaultLanguage: definition.defaultLanguage }, key, language);
  const facts = serviceFacts(definition);
  // null for a visitor who is not logged in (UNAUTHENTICATED); { draft: null } for a person without a draft.
  const mine = await serverQueryOrNull(MyDraft, { serviceId: s.id });
  const draft = mine?.draft ?? null;
  const names = new Intl.DisplayNames([language], { type: 'language' });
  return (
    <article>
      <nav aria-label={t('site.breadcrumb')} className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item"><Link href={`/${ente}`}>{t('catalogue.title')}</Link></li>
          <li className="breadcrumb-item active" aria-current="page">{s.title}</li>
        </ol>
      </nav>
      <h1>{s.title}</h1>
      {s.category ? <p className="text-muted">{s.category}</p> : null}
      <Link className="btn btn-primary btn-lg my-3" href={`/${ente}/servizi/${slug}/domanda`}>{draft ? t('service.resume') : t('service.start')}</Link>
      <section aria-labelledby="descr"><h2 id="descr" className="h3">{t('service.description')}</h2><p>{s.description}</p></section>
      <section aria-labelledby="req">
        <h2 id="req" className="h3">{t('service.requirements')}</h2>
        <ul>
          <li>{t('service.requirementLogin')}</li>
          {facts.usesAnpr ? <li>{t('service.requirementRegistry')}</li> : null}
          {facts.usesIsee ? <li>{t('service.requirementIsee')}</li> : null}
          {facts.documents.length ? <li>{t('service.requirementDocuments')}<ul>{facts.documents.map((d) => <li key={d}>{text(d)}</li>)}</ul></li> : null}
        </ul>
      </section>
      <section aria-labelledby="fee"><h2 id="fee" className="h3">{t('service.fee')}</h2><p>{s.hasFee ? t('service.feeYes') : t('service.feeNo')}</p></section>
      <section aria-labelledby="dur"><h2 id="dur" className="h3">{t('service.duration')}</h2><p>{facts.durationDays ? t('service.durationDays', { days: facts.durationDays }) : t('service.durationUnknown')}</p></section>
      <section aria-labelledby="lang"><h2 id="lang" className="h3">{t('service.languages')}</h2><p>{s.languages.map((l) => names.of(l) ?? l).join(', ')}</p></section>
      <p className="small text-muted">{t('service.version', { version: s.version, date: romeDay(s.publishedAt, language) })}</p>
      <RatingForm serviceId={s.id} heading={t('rating.pageTitle')} loginHref={mine ? undefined : `/${ente}/accedi?back=${encodeURIComponent(`/${ente}/servizi/${slug}`)}`} />
    </article>
  );
}
