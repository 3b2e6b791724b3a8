import Mustache from 'mustache';

/**
 * Message texts are per-language Mustache templates (the definition's translations, or an
 * operator's edit) with the pratica's data as placeholders. The engine checks which names a
 * text may use (PLACEHOLDERS, templateProblems in @sportello/schemas, so `sportello check`, the
 * builder and the server agree); this module renders them.
 */

/** Renders a template as plain text (values as they are). */
export function renderText(template: string, view: object): string {
  return Mustache.render(template, view, {}, { escape: (s: string) => s });
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A rendered text as an HTML mail body: everything escaped (the values a citizen typed and the
 * designer's own text alike), paragraphs and line breaks kept.
 */
export function textToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  return escaped.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('\n');
}
