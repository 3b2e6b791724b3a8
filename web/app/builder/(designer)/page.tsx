import { graphql } from '@/gql';
import { ApiFailure, serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { DesignerHome } from '@/components/builder/home/DesignerHome';

const BuilderHome = graphql(`
  query BuilderHome {
    me { ente { id slug name } }
    designerServices(first: 100) {
      totalCount
      edges { node { id slug title revision enabled currentVersion templateId updatedAt problems { code } } }
    }
    catalogueTemplates(first: 100) {
      edges { node { id title description category languages activated } }
    }
  }
`);

/** The designer's home: the Ente's services and the catalogue of templates. */
export default async function BuilderHomePage() {
  const language = await currentLanguage();
  const t = translatorFor(language);
  let data;
  try {
    data = await serverQuery(BuilderHome, {});
  } catch (e) {
    // Not logged in, or not a designer: the layout sends to the login or says why (rendered
    // together with this page); nothing to show here, and no server error logged per visit.
    if (e instanceof ApiFailure && (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')) return null;
    throw e;
  }
  const services = data.designerServices.edges.map(({ node }) => ({
    id: node.id, slug: node.slug, title: node.title, enabled: node.enabled, currentVersion: node.currentVersion ?? null,
    updatedAt: node.updatedAt, problems: node.problems.length, fromTemplate: !!node.templateId,
  }));
  const templates = data.catalogueTemplates.edges.map(({ node }) => ({
    id: node.id, title: node.title, description: node.description ?? null, category: node.category ?? null, languages: node.languages,
  }));
  return (
    <>
      <h1>{t('builder.home.title', { ente: data.me?.ente?.name ?? '' })}</h1>
      <p className="lead">{t('builder.home.intro')}</p>
      <DesignerHome services={services} templates={templates} enteSlug={data.me?.ente?.slug ?? ''} />
    </>
  );
}
