import Link from 'next/link';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';

const Catalogue = graphql(`
  query Catalogue($ente: String!, $language: String, $search: String, $category: String) {
    ente(slug: $ente) { name }
    publishedServices(enteSlug: $ente, language: $language, search: $search, category: $category, first: 100) {
      totalCount
      edges { node { id slug title description category categoryKey hasFee languages } }
    }
    all: publishedServices(enteSlug: $ente, language: $language, first: 100) {
      edges { node { category categoryKey } }
    }
  }
`);

/** The Ente's public catalogue: published services by category, with search (works without JavaScript). */
export default async function CataloguePage({ params, searchParams }: { params: Promise<{ ente: string }>; searchParams: Promise<{ q?: string; categoria?: string; uscito?: string }> }) {
  const { ente } = await params;
  const { q = '', categoria = '', uscito } = await searchParams;
  const language = await currentLanguage();
  const t = translatorFor(language);
  const data = await serverQuery(Catalogue, { ente, language, search: q.trim() || null, category: categoria || null }, '');
  const services = data.publishedServices.edges.map((e) => e.node);
  const categories = new Map<string, string>();
  for (const { node } of data.all.edges) if (node.categoryKey && node.category) categories.set(node.categoryKey, node.category);
  const byCategory = new Map<string, typeof services>();
  for (const s of services) {
    const key = s.category ?? t('catalogue.other');
    byCategory.set(key, [...(byCategory.get(key) ?? []), s]);
  }
  return (
    <>
      {uscito === '1' ? <div className="alert alert-success" role="status" data-testid="logged-out">{t('site.loggedOut')}</div> : null}
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro', { ente: data.ente?.name ?? ente })}</p>
      <form role="search" method="get" className="row g-2 align-items-end mb-4">
        <div className="col-12 col-md-6 wizard-field mb-0">
          <label className="form-label" htmlFor="q">{t('catalogue.search')}</label>
          <input className="form-control" id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="col-12 col-md-4 wizard-field mb-0">
          <label className="form-label" htmlFor="categoria">{t('catalogue.category')}</label>
          <select className="form-select" id="categoria" name="categoria" defaultValue={categoria}>
            <option value="">{t('catalogue.allCategories')}</option>
            {[...categories].map(([key, text]) => <option key={key} value={key}>{text}</option>)}
          </select>
        </div>
        <div className="col-12 col-md-2"><button type="submit" className="btn btn-primary w-100">{t('catalogue.searchButton')}</button></div>
      </form>
      <p aria-live="polite">{t(data.publishedServices.totalCount === 1 ? 'catalogue.results_one' : 'catalogue.results_other', { count: data.publishedServices.totalCount })}</p>
      {services.length === 0 ? <p>{t('catalogue.none')}</p> : null}
      {[...byCategory].map(([category, list]) => (
        <section key={category} className="mb-4" aria-labelledby={`cat-${slugify(category)}`}>
          <h2 id={`cat-${slugify(category)}`} className="h3">{category}</h2>
          <div className="row">
            {list.map((s) => (
              <div key={s.id} className="col-12 col-md-6 col-lg-4 mb-3">
                <div className="card card-bg h-100 shadow-sm">
                  <div className="card-body">
                    <h3 className="card-title h5"><Link href={`/${ente}/servizi/${s.slug}`}>{s.title}</Link></h3>
                    {s.description ? <p className="card-text">{excerpt(s.description)}</p> : null}
                  </div>
                </div>
              </div>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

/** The card shows the description's first sentence(s), up to about 180 characters. */
function excerpt(text: string): string {
  if (text.length <= 180) return text;
  const cut = text.lastIndexOf(' ', 177);
  return `${text.slice(0, cut > 100 ? cut : 177)}…`;
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
