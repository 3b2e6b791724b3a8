import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ENTE, api } from './helpers';

// What the office does to a citizen's pratica in the browser tests (pratica-reply, pratica-outcome):
// submitted through the API as the citizen logged in on the page, then moved as the demo Ente's
// supervisor (development login through the API), as an operator's screen or a third party would.

export const SLUG = 'accesso-agli-atti';
export const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { to rowVersion } }';
export const STATUS = 'query ($p: ID!) { myPraticaStatus(praticaId: $p) { state stateLabel rowVersion awaitedReply { kind transitionId until open } } }';

export async function tokenOf(request: APIRequestContext, pick: (u: any) => boolean): Promise<string> {
  const { data } = await api(request, '{ devUsers { id fiscalCode memberships { ente { id slug } roles } } }');
  const user = data.devUsers.find(pick);
  const enteId = user.memberships.find((m: any) => m.ente.slug === ENTE)?.ente.id ?? null;
  const login = await api(request, 'mutation ($u: ID!, $e: ID) { devLogin(userId: $u, enteId: $e) { token } }', { u: user.id, e: enteId });
  return login.data.devLogin.token;
}
export const supervisorToken = (request: APIRequestContext) =>
  tokenOf(request, (u) => u.memberships.some((m: any) => m.ente.slug === ENTE && m.roles.includes('SUPERVISOR')));
export const sessionOf = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'sportello_session')!.value;

/** The date and time as the citizen's pages write them (Italian, Rome). */
export const longDate = (iso: string) => new Date(iso).toLocaleString('it', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' });

/** A pratica of the citizen logged in on `page`: the template's example answers for the service `slug`, with `changes`. */
export async function submittedExample(page: Page, request: APIRequestContext, slug: string, tag: string, changes: Record<string, unknown> = {}) {
  const service = await api(request, `{ publishedService(enteSlug: "${ENTE}", slug: "${slug}") { id } }`);
  const example = new URL(`../../schemas/templates/examples/${slug === SLUG ? 'accesso-agli-atti-foia' : slug}.json`, import.meta.url).pathname;
  const answers = { ...JSON.parse(readFileSync(example, 'utf8')), ...changes };
  const submitted = await api(request, 'mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id code feeCents } }', {
    input: { serviceId: service.data.publishedService.id, answers, idempotencyKey: `e2e-${tag}-${Date.now()}` },
  }, await sessionOf(page));
  expect(submitted.errors).toBeUndefined();
  return submitted.data.submitPratica as { id: string; code: string; feeCents: number | null };
}

/** An access request (the FOIA example, with `changes`) of the citizen logged in on `page`. */
export const submittedAccess = (page: Page, request: APIRequestContext, tag: string, changes: Record<string, unknown> = {}) =>
  submittedExample(page, request, SLUG, tag, changes);

/** Moves the pratica through `steps` ([transition, comment]) as the supervisor; returns the last rowVersion. */
export async function officeMoves(request: APIRequestContext, office: string, praticaId: string, steps: Array<readonly [string, string | undefined]>, rowVersion = 1) {
  for (const [transitionId, comment] of steps) {
    const moved = await api(request, MOVE, { input: { praticaId, transitionId, rowVersion, comment } }, office);
    expect(moved.errors, transitionId).toBeUndefined();
    rowVersion = moved.data.transitionPratica.rowVersion;
  }
  return rowVersion;
}

/** A pratica of the citizen logged in on `page`, which the office moved to "integration requested" with a comment and a message. */
export async function awaitingIntegration(page: Page, request: APIRequestContext, tag: string) {
  const pratica = await submittedAccess(page, request, `reply-${tag}`);
  const office = await supervisorToken(request);
  const rowVersion = await officeMoves(request, office, pratica.id, [['avvio_istruttoria', undefined], ['richiesta_integrazione', 'Manca la copia del documento di identità.']]);
  const message = await api(request, 'mutation ($input: MessageCitizenInput!) { messageCitizen(input: $input) { id } }', {
    input: { praticaId: pratica.id, text: 'Può allegare la carta d\'identità in PDF, fronte e retro.' },
  }, office);
  expect(message.errors).toBeUndefined();
  return { ...pratica, office, rowVersion };
}

/** Moves the development server's clock (devMoveClock) by `days`; returns its new time. */
export async function moveServerClock(request: APIRequestContext, days: number): Promise<string> {
  const res = await api(request, 'mutation ($d: Float!) { devMoveClock(days: $d) }', { d: days });
  expect(res.errors).toBeUndefined();
  return res.data.devMoveClock;
}
