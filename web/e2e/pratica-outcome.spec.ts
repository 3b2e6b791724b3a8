import { expect, test, type Locator } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { ENTE, api, checkA11y, devLogin, shot } from './helpers';
import { STATUS, awaitingIntegration, longDate, moveServerClock, officeMoves, sessionOf, submittedAccess, submittedExample, supervisorToken } from './pratica-office';

/**
 * Issue 15, the citizen's pratica after the office acts: the personal area puts the pratiche the
 * office awaits a reply on first, with the date; once the reply window is over (the development
 * server's clock moved past it) the reply form is gone and both pages say the time has ended; an
 * accepted request shows the outcome letter (a real PDF, downloadable) and the payment requested
 * with its amount and due date.
 */
const AREA = `/${ENTE}/area-personale`;
const dayOf = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('it', { timeZone: 'Europe/Rome', dateStyle: 'long' });

/** The personal area lists pratiche awaiting a reply (window open), then those whose window closed, then the rest. */
async function expectAwaitingFirst(items: Locator) {
  const order = (await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-awaiting') ?? 'none')));
  const rank = { open: 0, closed: 1, none: 2 } as Record<string, number>;
  expect(order.map((o) => rank[o])).toEqual([...order.map((o) => rank[o]!)].sort((a, b) => a - b));
}

test('the reply window: flagged first in the personal area with its date; once over, the form is gone and the pages say so', async ({ page, request }) => {
  const who = /^Entra come Mario Rossi$/;
  await devLogin(page, who, AREA);
  const p = await awaitingIntegration(page, request, 'window');
  const status = (await api(request, STATUS, { p: p.id }, await sessionOf(page))).data.myPraticaStatus;
  expect(status.awaitedReply).toMatchObject({ kind: 'INTEGRATION', open: true });
  const until = longDate(status.awaitedReply.until);

  await page.goto(AREA);
  const items = page.getByTestId('personal-pratica');
  await expectAwaitingFirst(items);
  const mine = items.filter({ hasText: p.code });
  await expect(mine).toHaveAttribute('data-awaiting', 'open');
  await expect(mine.getByTestId('awaiting-reply')).toHaveText(`L'ufficio attende una tua risposta Integrazione richiesta · Rispondi entro il ${until}`);
  await expect(items.first()).toHaveAttribute('data-awaiting', 'open');
  await shot(page, 'outcome-01-personal-area-awaiting');
  await checkA11y(page, 'personal area with a pratica awaiting a reply');
  await mine.getByRole('link', { name: `Rispondi ${p.code}` }).click();
  await expect(page.getByTestId('awaited-kind')).toContainText('integrare la domanda');
  await expect(page.getByLabel('Testo della risposta')).toBeVisible();

  // Eleven days on (the template gives ten to answer), on the server's clock.
  await moveServerClock(request, 11);
  try {
    await devLogin(page, who, `/${ENTE}/pratiche/${p.id}`); // the session ended by the same clock
    const reply = page.getByTestId('awaited-reply');
    await expect(page.getByTestId('reply-until')).toHaveText(`Il termine per rispondere è scaduto il ${until}: per rispondere ora rivolgiti all'ufficio.`);
    await expect(reply.getByLabel('Testo della risposta')).toHaveCount(0);
    await expect(reply.getByRole('button', { name: 'Invia la risposta' })).toHaveCount(0);
    await shot(page, 'outcome-02-window-closed');
    await checkA11y(page, 'pratica page once the reply window is over');
    const late = await api(request, 'mutation ($input: ReplyToPraticaInput!) { replyToPratica(input: $input) { to } }', {
      input: { praticaId: p.id, rowVersion: p.rowVersion, text: 'Troppo tardi' },
    }, await sessionOf(page));
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', key: 'workflow.replyWindowClosed' });

    await page.goto(AREA);
    await expectAwaitingFirst(items);
    await expect(mine).toHaveAttribute('data-awaiting', 'closed');
    await expect(mine.getByTestId('awaiting-reply')).toHaveText(`Integrazione richiesta · Termine per rispondere scaduto il ${until}`);
    await expect(mine.getByRole('link', { name: `Apri ${p.code}` })).toBeVisible();
  } finally {
    await moveServerClock(request, -11);
  }
});

test('an accepted request: the outcome letter is listed and downloads as a real PDF, the payment requested shows amount and due date', async ({ page, request }) => {
  await devLogin(page, /^Entra come Giulia Bianchi$/, AREA);
  // A certified copy: 40 pages, stamp duty 16 euro every four, 160 euro to pay.
  const p = await submittedAccess(page, request, 'outcome', { modalita: 'copia_conforme', dichiarazioneBollo: true });
  expect(p.feeCents).toBe(16_000);
  const office = await supervisorToken(request);
  await officeMoves(request, office, p.id, [['avvio_istruttoria', undefined], ['accoglimento', 'Accolta: copie conformi pronte dopo il pagamento.']]);

  // The outbox's worker generates the letter (PDF, registered in the protocol) and the payment request.
  const citizen = await sessionOf(page);
  const done = async () => (await api(request, `query ($p: ID!) { myPraticaDocuments(praticaId: $p) { id title fileName protocolNumber downloadPath }
    myPaymentRequests(praticaId: $p) { amountCents dueDate causale status } }`, { p: p.id }, citizen)).data;
  await expect.poll(async () => { const d = await done(); return [d.myPraticaDocuments.length, d.myPaymentRequests.length]; }, { timeout: 60_000 }).toEqual([1, 1]);
  const { myPraticaDocuments: [letter], myPaymentRequests: [payment] } = await done();
  expect(letter).toMatchObject({ title: `Provvedimento di accoglimento della richiesta di accesso - pratica ${p.code}`, protocolNumber: expect.any(String) });
  expect(payment).toMatchObject({ amountCents: 16_000, status: 'requested' });

  await page.goto(`/${ENTE}/pratiche/${p.id}`);
  await expect(page.getByTestId('awaited-reply')).toHaveCount(0);
  const doc = page.getByTestId('pratica-document');
  await expect(doc).toHaveCount(1);
  await expect(doc).toContainText(letter.title);
  await expect(doc).toContainText(`protocollo ${letter.protocolNumber}`);
  const link = doc.getByRole('link', { name: `Scarica ${letter.title}` });
  const href = await link.getAttribute('href');
  expect(href).toBe(letter.downloadPath);
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('application/pdf');
  const bytes = await file.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
  // Also as the browser downloads it (the link's download attribute).
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(letter.fileName);

  const pay = page.getByTestId('payment-request');
  await expect(pay).toHaveCount(1);
  await expect(pay).toContainText('160,00');
  await expect(pay).toContainText(payment.causale);
  await expect(pay).toContainText(`da pagare entro il ${dayOf(payment.dueDate)}`);
  await shot(page, 'outcome-03-letter-and-payment');
  await checkA11y(page, 'pratica page with the outcome letter and a payment request');
});

test('a notice of refusal (art. 10-bis): the page and the personal area say observations are awaited and by when; the reply moves the pratica back to the istruttoria', async ({ page, request }) => {
  await devLogin(page, /^Entra come Mario Rossi$/, AREA);
  const p = await submittedExample(page, request, 'bonus-nuovi-nati', 'observations');
  const office = await supervisorToken(request);
  await officeMoves(request, office, p.id, [['avvio_istruttoria', undefined], ['preavviso_rigetto', 'L\'ISEE dichiarato supera la soglia di 25.000 euro.']]);
  const status = (await api(request, STATUS, { p: p.id }, await sessionOf(page))).data.myPraticaStatus;
  expect(status).toMatchObject({ state: 'preavviso_rigetto', awaitedReply: { kind: 'OBSERVATIONS', transitionId: 'osservazioni_presentate', open: true } });
  const until = longDate(status.awaitedReply.until);

  await page.goto(AREA);
  const mine = page.getByTestId('personal-pratica').filter({ hasText: p.code });
  await expect(mine.getByTestId('awaiting-reply')).toHaveText(`L'ufficio attende una tua risposta Osservazioni al preavviso di diniego · Rispondi entro il ${until}`);
  await mine.getByRole('link', { name: `Rispondi ${p.code}` }).click();
  await expect(page.getByTestId('awaited-kind')).toContainText('preavviso di diniego, art. 10-bis L. 241/1990');
  await expect(page.getByTestId('reply-until')).toHaveText(`Puoi rispondere fino al ${until}.`);
  await expect(page.getByTestId('timeline-transition').first()).toContainText('supera la soglia');
  await shot(page, 'outcome-04-observations-awaited');
  await checkA11y(page, 'pratica page awaiting observations on a notice of refusal');
  await page.getByLabel('Testo della risposta').fill('L\'ISEE corretto, rilasciato dopo la domanda, è di 18.400 euro: allego l\'attestazione.');
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByTestId('reply-sent')).toBeVisible();
  expect((await api(request, STATUS, { p: p.id }, await sessionOf(page))).data.myPraticaStatus).toMatchObject({ state: 'in_istruttoria', awaitedReply: null });
});
