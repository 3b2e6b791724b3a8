import type { ServiceDefinition } from '@sportello/schemas';
import { Editor } from '@/components/builder/Editor';
import { LoadService } from '@/components/builder/documents';
import { ApiFailure, serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { BuilderEnte, BuilderMe } from '@/lib/builder/queries';

/** The editor of one service's working copy (tabs; the copy lives in one client-side store). */
export default async function EditorPage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { serviceId } = await params;
  const { tab } = await searchParams;
  const t = translatorFor(await currentLanguage());
  // The service and who is asking go out together (the Ente's languages need the second).
  const meQuery = serverQuery(BuilderMe, {});
  meQuery.catch(() => undefined); // awaited below; not an unhandled rejection if the first fails
  let data;
  try {
    data = await serverQuery(LoadService, { id: serviceId });
  } catch (e) {
    if (e instanceof ApiFailure && (e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT')) {
      return <div className="alert alert-warning" role="alert">{t('builder.editor.notFound')}</div>;
    }
    // Not logged in, or not a designer: the layout sends to the login or says why.
    if (e instanceof ApiFailure && (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')) return null;
    throw e;
  }
  const me = await meQuery;
  const ente = me.me?.ente ? (await serverQuery(BuilderEnte, { slug: me.me.ente.slug })).ente : null;
  const s = data.designerService;
  return (
    <Editor
      key={s.id}
      initialTab={tab}
      enteSlug={ente?.slug ?? ''}
      service={{
        id: s.id, slug: s.slug, title: s.title, revision: s.revision, enabled: s.enabled, currentVersion: s.currentVersion ?? null,
        definition: s.workingCopy as ServiceDefinition, problems: s.problems, warnings: s.warnings,
        versions: s.versions.edges.map((e) => e.node),
      }}
      languages={ente?.languages ?? ['it']}
    />
  );
}
