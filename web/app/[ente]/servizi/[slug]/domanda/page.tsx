import Link from 'next/link';
import type { ServiceDefinition } from '@sportello/schemas';
import { WizardClient } from '@/components/wizard/WizardClient';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';

const WizardStart = graphql(`
  query WizardStart($ente: String!, $slug: String!, $language: String) {
    me { user { id } }
    publishedService(enteSlug: $ente, slug: $slug, language: $language) {
      id title version versionId definition(language: $language)
    }
  }
`);
const WizardDraft = graphql(`
  query WizardDraft($serviceId: ID!, $language: String) {
    draft(serviceId: $serviceId) { answers rowVersion currentStep versionNumber updatedAt definition(language: $language) }
    prefill(serviceId: $serviceId) { answers filled locked unavailable }
  }
`);

export default async function WizardPage({ params }: { params: Promise<{ ente: string; slug: string }> }) {
  const { ente, slug } = await params;
  const language = await currentLanguage();
  const t = translatorFor(language);
  const start = await serverQuery(WizardStart, { ente, slug, language }).catch(() => serverQuery(WizardStart, { ente, slug, language }, ''));
  const s = start.publishedService;
  if (!s) return <div className="alert alert-warning" role="alert">{t('service.notFound')}</div>;
  if (!start.me?.user) {
    return (
      <div>
        <h1>{s.title}</h1>
        <p>{t('login.required')}</p>
        <Link className="btn btn-primary" href={`/${ente}/accedi?back=${encodeURIComponent(`/${ente}/servizi/${slug}/domanda`)}`}>{t('wizard.loginToContinue')}</Link>
      </div>
    );
  }
  const { draft, prefill } = await serverQuery(WizardDraft, { serviceId: s.id, language });
  // A draft stays on the version it was started on (the server judges it by that one): fill it with that definition.
  const definition = (draft && draft.versionNumber !== s.version ? draft.definition : s.definition) as unknown as ServiceDefinition;
  return (
    <WizardClient ente={ente} serviceId={s.id} title={s.title} language={language} userId={start.me.user.id}
      definition={definition} versionNumber={s.version}
      draft={draft ? { answers: draft.answers, rowVersion: draft.rowVersion, currentStep: draft.currentStep ?? null, versionNumber: draft.versionNumber, updatedAt: draft.updatedAt } : null}
      prefill={prefill ? { answers: prefill.answers, filled: prefill.filled, locked: prefill.locked, unavailable: prefill.unavailable } : null} />
  );
}
