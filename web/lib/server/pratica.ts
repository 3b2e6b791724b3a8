import { compile, localize, type ServiceDefinition } from '@sportello/schemas';
import { graphql } from '@/gql';
import { serverQuery } from './api';

const PraticaQuery = graphql(`
  query PraticaReceipt($id: ID!, $ente: String!, $language: String) {
    me { user { givenName familyName fiscalCode } }
    pratica(id: $id) {
      id code protocolNumber submittedAt state stateLabel serviceId serviceTitle feeCents versionNumber answers computed
    }
    publishedServices(enteSlug: $ente, language: $language, first: 100) { edges { node { id slug } } }
  }
`);
const DefinitionQuery = graphql(`
  query ReceiptDefinition($ente: String!, $slug: String!, $language: String) {
    publishedService(enteSlug: $ente, slug: $slug, language: $language) { definition(language: $language) }
  }
`);

export interface ReceiptLine { label: string; value: string }

/** A pratica with its answers as label/value lines in the citizen's language (for the page and the PDF). */
export async function loadReceipt(ente: string, id: string, language: string, yesNo: [string, string]) {
  const data = await serverQuery(PraticaQuery, { id, ente, language }).catch(() => null);
  const p = data?.pratica;
  if (!p) return null;
  const slug = data.publishedServices.edges.find((e) => e.node.id === p.serviceId)?.node.slug ?? null;
  const def = slug ? (await serverQuery(DefinitionQuery, { ente, slug, language }, '').catch(() => null))?.publishedService?.definition : null;
  const lines: ReceiptLine[] = [];
  const definition = def as unknown as ServiceDefinition | undefined;
  const compiled = definition ? compile(definition) : undefined;
  const service = compiled?.ok ? compiled.service : undefined;
  const text = (key?: string, fallback = '') => (key && definition ? localize({ translations: definition.translations, defaultLanguage: definition.defaultLanguage }, key, language) : fallback);
  const walk = (value: unknown, path: string, prefix: string) => {
    const field = service?.fields.get(path);
    const label = prefix + text(field?.ui.label, path.slice(path.lastIndexOf('.') + 1));
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object')) {
      value.forEach((row, i) => { for (const [k, v] of Object.entries(row as object)) walk(v, `${path}[].${k}`, `${label} ${i + 1} · `); });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, prefix);
    } else {
      let shown = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? yesNo[value ? 0 : 1] : String(value);
      if (typeof value === 'string' && field?.ui.options?.[value]) shown = text(field.ui.options[value]);
      if (field?.ui.widget === 'file') shown = Array.isArray(value) ? `${value.length} file` : '1 file';
      lines.push({ label, value: shown });
    }
  };
  for (const [k, v] of Object.entries(p.answers)) walk(v, k, '');
  return { pratica: p, slug, lines, me: data.me?.user ?? null };
}
