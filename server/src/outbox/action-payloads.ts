import { paymentAmount, type Action } from '@sportello/schemas';
import { romeDate } from '../shared/clock.js';
import { badInput, fieldProblem } from '../shared/domain-error.js';
import { appIoTextOutside } from '../notifications/app-io.js';
import { knownPlaceholders, templateProblems } from '@sportello/schemas';
import { renderText, textToHtml } from '../notifications/message-templates.js';
import { translator } from '../shared/i18n.js';
import type { PraticaContext } from '../pratiche/pratica-context.repository.js';
import type { OutboxKind } from './outbox.types.js';

export interface TransitionInfo { transitionId: string; from: string; to: string; comment: string | null; at: Date; language: string }
export type TextOverrides = Record<string, { subject?: string; body?: string }>;

/** One action ready for the outbox, and what the operator's preview shows of it. */
export interface PreparedAction {
  index: number;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  preview: { recipients: string[]; subject: string | null; body: string | null; language: string };
}

const KIND: Record<Action['type'], OutboxKind> = { protocol: 'protocol', email: 'email', appio: 'appio', push: 'push', payment: 'payment', document: 'document' };
const DEFAULT_PAYMENT_DAYS = 30;

const italianDate = (d: Date) => romeDate(d).split('-').reverse().join('/');
const euro = (cents: number | null) => (cents === null ? '' : `${(cents / 100).toLocaleString('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`);

function languageOf(ctx: PraticaContext, wanted: string): string {
  return ctx.definition.translations?.[wanted] ? wanted : ctx.definition.defaultLanguage;
}

type PaymentAction = Extract<Action, { type: 'payment' }>;
interface PaymentTerms { amountCents: number | null; dueDate: Date; causaleKey: string | undefined }

/**
 * What a payment action asks: its own amount (an expression) or else the pratica's fee; due its
 * own days, or the fees', or 30 after the transition. Fixed when the transition is written.
 */
function paymentTerms(ctx: PraticaContext, action: PaymentAction | undefined, index: number, t: TransitionInfo): PaymentTerms {
  const own = action ? paymentAmount(ctx.compiled, t.transitionId, index, { answers: ctx.answers, computed: ctx.computed, office: ctx.officeData, today: romeDate(t.at) }) : undefined;
  const days = action?.dueDays ?? ctx.definition.fees?.dueDays ?? DEFAULT_PAYMENT_DAYS;
  return {
    amountCents: own ? own.amountCents : ctx.feeCents,
    dueDate: new Date(t.at.getTime() + days * 86_400_000),
    causaleKey: action?.causale ?? ctx.definition.fees?.causale,
  };
}

/**
 * The default workflow's texts (`workflow.default.*`, for services without a workflow of their
 * own) are the platform's, in locales/, with the pratica's code as their one placeholder.
 */
function platformText(ctx: PraticaContext, key: string | undefined): boolean {
  return !ctx.definition.workflow && key !== undefined && key.startsWith('workflow.default.');
}

/** The placeholders' values: the pratica's data, formatted as the citizen reads them. */
export function placeholderView(ctx: PraticaContext, t: TransitionInfo, language: string, payment: PaymentTerms = paymentTerms(ctx, undefined, -1, t)): object {
  const strings = ctx.definition.translations?.[language] ?? {};
  return {
    pratica: { code: ctx.code, submittedAt: italianDate(ctx.submittedAt), protocolNumber: ctx.protocolNumber ?? '', state: ctx.state, fee: euro(ctx.feeCents) },
    citizen: { givenName: ctx.citizen.givenName, familyName: ctx.citizen.familyName, fullName: `${ctx.citizen.givenName} ${ctx.citizen.familyName}` },
    ente: { name: ctx.ente.name },
    service: { title: strings[ctx.definition.title] ?? ctx.definition.title },
    transition: { comment: t.comment ?? '', date: italianDate(t.at) },
    payment: { amount: euro(payment.amountCents), dueDate: italianDate(payment.dueDate) },
    answers: ctx.answers,
  };
}

function recipientsOf(ctx: PraticaContext, to: 'citizen' | 'office' | 'assignee'): string[] {
  const address = to === 'citizen' ? ctx.citizen.email : to === 'office' ? ctx.office?.email : ctx.assignee?.email;
  return address ? [address] : [];
}

/**
 * An operator's edit of an App IO text is refused when, rendered, App IO would refuse its length
 * (subject 10-120, text 80-10,000 characters): the operator can fix it now, while the message
 * would otherwise fail in the outbox. The definition's own texts were checked when published.
 */
function checkAppIoEdits(index: number, overrides: TextOverrides, rendered: { subject: string | null; body: string | null }): void {
  for (const part of ['subject', 'body'] as const) {
    const text = rendered[part];
    if (overrides[String(index)]?.[part] === undefined || text === null) continue;
    const limits = appIoTextOutside(part, text);
    if (!limits) continue;
    const params = { part, length: text.length, ...limits };
    throw badInput('outbox.appioTextLength', params, [fieldProblem(`/textOverrides/${index}/${part}`, 'outbox.appioTextLength', 'outbox.appioTextLength', params)]);
  }
}

/**
 * Renders a transition's actions for the outbox: the texts in the citizen's language (the
 * default language where the definition lacks it), the operator's edits in place of the
 * definition's texts. An edit with an unknown placeholder is refused (BAD_USER_INPUT), so the
 * transition is not committed with a text that cannot be sent.
 */
export function prepareActions(ctx: PraticaContext, actions: Action[], t: TransitionInfo, overrides: TextOverrides = {}): PreparedAction[] {
  const language = languageOf(ctx, t.language);
  const strings = ctx.definition.translations?.[language] ?? {};
  const fallback = ctx.definition.translations?.[ctx.definition.defaultLanguage] ?? {};
  // The transition's payment request, if any, is what its messages' {{payment.*}} speak of.
  const paymentIndex = actions.findIndex((a) => a.type === 'payment');
  const payment = paymentTerms(ctx, actions[paymentIndex] as PaymentAction | undefined, paymentIndex, t);
  const view = placeholderView(ctx, t, language, payment);
  const say = translator(language);
  // Only an operator's edit is checked here (the definition's own texts were checked when published).
  let known: ReturnType<typeof knownPlaceholders> | undefined;
  const text = (index: number, part: 'subject' | 'body', key: string | undefined, table = strings): string | null => {
    const edited = overrides[String(index)]?.[part];
    if (edited !== undefined) {
      known ??= knownPlaceholders(ctx.definition);
      const problems = templateProblems(edited, known, `/textOverrides/${index}/${part}`);
      if (problems.length) throw badInput('outbox.unknownPlaceholder', { placeholder: problems[0]!.params?.placeholder ?? '' }, problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })));
      return renderText(edited, view);
    }
    if (key === undefined) return null;
    if (platformText(ctx, key)) return say(key, { code: ctx.code });
    return renderText(table[key] ?? fallback[key] ?? key, view);
  };
  return actions.map((action, index) => {
    const a = action as Action & { subject?: string; body?: string };
    // The register is kept in the Ente's language; everything else speaks the citizen's.
    let subject = text(index, 'subject', a.subject, action.type === 'protocol' ? fallback : strings);
    let body = text(index, 'body', a.body);
    let payload: Record<string, unknown> = {};
    let recipients: string[] = [];
    switch (action.type) {
      case 'email':
        recipients = recipientsOf(ctx, action.to);
        payload = { to: recipients, subject, text: body, html: body === null ? undefined : textToHtml(body) };
        break;
      case 'appio':
        checkAppIoEdits(index, overrides, { subject, body });
        recipients = ctx.citizen.fiscalCode ? [ctx.citizen.fiscalCode] : [];
        payload = { fiscalCode: ctx.citizen.fiscalCode, subject, markdown: body };
        break;
      case 'push':
        recipients = [`${ctx.citizen.givenName} ${ctx.citizen.familyName}`];
        payload = { citizenId: ctx.citizen.id, title: subject, body };
        break;
      case 'payment': {
        const terms = index === paymentIndex ? payment : paymentTerms(ctx, action, index, t);
        recipients = [`${ctx.citizen.givenName} ${ctx.citizen.familyName}`];
        subject = terms.causaleKey === undefined ? null : text(index, 'subject', terms.causaleKey);
        body = terms.amountCents === null
          ? say('outbox.payment.noAmount')
          : say('outbox.payment.summary', { amount: euro(terms.amountCents), dueDate: italianDate(terms.dueDate) });
        payload = { amountCents: terms.amountCents, dueDate: romeDate(terms.dueDate), causale: subject };
        break;
      }
      case 'document':
        recipients = [`${ctx.citizen.givenName} ${ctx.citizen.familyName}`];
        payload = { title: subject, body, fileName: `${ctx.code}-${t.transitionId}.pdf` };
        break;
      case 'protocol':
        // The platform's texts of the default workflow already name the pratica.
        payload = { subject: subject === null || platformText(ctx, a.subject) ? subject : `${subject} - pratica ${ctx.code}` };
        break;
    }
    const shown = action.type === 'protocol' ? (payload.subject as string | null) : subject;
    return { index, kind: KIND[action.type], payload: { ...payload, language }, preview: { recipients, subject: shown, body, language } };
  });
}
