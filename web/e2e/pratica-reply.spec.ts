import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ENTE, api, checkA11y, devLogin, pdfFile, shot } from './helpers';
import { STATUS, awaitingIntegration, longDate, sessionOf } from './pratica-office';

/**
 * Issue 15/16, the citizen's side of the workflow: the office asks for an integration (set up
 * through the API as the demo Ente's supervisor), the citizen sees it on the pratica's page with
 * the date their time to answer ends, is refused where the server refuses (a file too big, an
 * expired session, the office moving the pratica meanwhile) without losing what they typed, then
 * replies with text and a file and the pratica moves on.
 */
async function replyFlow(page: Page, request: APIRequestContext, tag: string, who: RegExp) {
  await devLogin(page, who, `/${ENTE}/area-personale`);
  const p = await awaitingIntegration(page, request, tag);
  const url = `/${ENTE}/pratiche/${p.id}`;
  const before = (await api(request, STATUS, { p: p.id }, await sessionOf(page))).data.myPraticaStatus;
  expect(before).toMatchObject({ state: 'integrazione_richiesta', awaitedReply: { kind: 'INTEGRATION', transitionId: 'integrazione_ricevuta', open: true } });

  // The pratica page: state, what is awaited and until when, the office's request in the history.
  await page.goto(url);
  await expect(page.getByTestId('pratica-state')).toContainText(before.stateLabel);
  const awaited = page.getByTestId('awaited-reply');
  await expect(awaited.getByRole('heading', { name: 'La pratica attende una tua risposta' })).toBeVisible();
  await expect(page.getByTestId('awaited-kind')).toContainText('L\'ufficio ti ha chiesto di integrare la domanda');
  await expect(page.getByTestId('reply-until')).toHaveText(`Puoi rispondere fino al ${longDate(before.awaitedReply.until)}.`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-message')).toContainText('Può allegare la carta d\'identità in PDF');
  await expect(timeline.getByTestId('timeline-transition').first()).toContainText('Manca la copia del documento di identità.');
  await expect(timeline.getByTestId('timeline-message')).toContainText('Ufficio');
  await shot(page, `reply-${tag}-01-awaited`);
  await checkA11y(page, `pratica page awaiting a reply (${tag})`);

  // Nothing typed yet: told at the field.
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByText('Scrivi il testo della risposta.')).toBeVisible();
  const text = 'Allego la carta d\'identità richiesta.\nResto a disposizione.';
  await page.getByLabel('Testo della risposta').fill(text);

  // A file over the server's limit (10 MB): refused by the server, in Italian; the text stays.
  await page.getByLabel('Allega un documento (facoltativo)').setInputFiles({ name: 'scansione-enorme.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10_500_000, 0x25) });
  await expect(page.getByTestId('reply-refusal')).toHaveText(/scansione-enorme\.pdf non caricato: supera il limite di 10 MB/);
  await expect(page.getByLabel('Testo della risposta')).toHaveValue(text);

  // The session expires: the server refuses, the page says so and keeps the text; after logging in again it is still there.
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByTestId('reply-refusal')).toContainText('La sessione è scaduta');
  await expect(page.getByLabel('Testo della risposta')).toHaveValue(text);
  await shot(page, `reply-${tag}-02-session-expired`);
  await devLogin(page, who, url);
  await expect(page.getByLabel('Testo della risposta')).toHaveValue(text);

  // A real file, then the reply: the pratica moves on.
  await page.getByLabel('Allega un documento (facoltativo)').setInputFiles(await pdfFile('carta-identita.pdf'));
  await expect(page.getByTestId('reply-file')).toContainText('carta-identita.pdf');
  await shot(page, `reply-${tag}-03-filled`);
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByTestId('reply-sent')).toHaveText('La tua risposta è stata inviata all\'ufficio.');
  await expect(page.getByTestId('awaited-reply')).toHaveCount(0);
  const after = (await api(request, STATUS, { p: p.id }, await sessionOf(page))).data.myPraticaStatus;
  expect(after).toMatchObject({ state: 'in_istruttoria', awaitedReply: null });
  expect(after.rowVersion).toBeGreaterThan(before.rowVersion);
  await expect(page.getByTestId('pratica-state')).toContainText(after.stateLabel);
  const reply = timeline.getByTestId('timeline-reply');
  await expect(reply).toContainText('La tua risposta');
  await expect(reply).toContainText('Resto a disposizione.');
  await expect(reply.getByRole('link', { name: 'carta-identita.pdf' })).toBeVisible();
  // The file the citizen sent downloads through the one origin.
  const href = await reply.getByRole('link', { name: 'carta-identita.pdf' }).getAttribute('href');
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Sent: the text is no longer kept on the device.
  expect(await page.evaluate((id) => localStorage.getItem(`sportello.reply.${id}`), p.id)).toBeNull();
  await shot(page, `reply-${tag}-04-sent`);
  await checkA11y(page, `pratica page after the reply (${tag})`);
}

test('the citizen answers an integration request on the pratica page: refusals keep the text, the reply moves the pratica', async ({ page, request }) => {
  await replyFlow(page, request, 'desktop', /^Entra come Mario Rossi$/);
});

test('the office takes the pratica while the citizen writes: the reply is refused (CONFLICT), the page reads the new version, the second send goes', async ({ page, request }) => {
  await devLogin(page, /^Entra come Mario Rossi$/, `/${ENTE}/area-personale`);
  const p = await awaitingIntegration(page, request, 'conflict');
  await page.goto(`/${ENTE}/pratiche/${p.id}`);
  await page.getByLabel('Testo della risposta').fill('Eccomi');
  // Meanwhile a supervisor takes the pratica: its rowVersion moves on, it still waits for the citizen.
  const taken = await api(request, 'mutation ($p: ID!, $v: Int!) { takePratica(praticaId: $p, rowVersion: $v) { rowVersion } }', { p: p.id, v: p.rowVersion }, p.office);
  expect(taken.errors).toBeUndefined();
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByTestId('reply-refusal')).toContainText('attende ancora la tua risposta');
  await expect(page.getByLabel('Testo della risposta')).toHaveValue('Eccomi');
  await shot(page, 'reply-conflict');
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByTestId('reply-sent')).toBeVisible();
  expect((await api(request, STATUS, { p: p.id }, await sessionOf(page))).data.myPraticaStatus.state).toBe('in_istruttoria');
});

test.describe('390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the same reply on a phone', async ({ page, request }) => {
    await replyFlow(page, request, 'mobile', /^Entra come Giulia Bianchi$/);
  });
});
