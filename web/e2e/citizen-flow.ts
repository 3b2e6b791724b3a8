import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ENTE, checkA11y, choose, tick, devLogin, fill, idOf, next, pdfFile, select, shot, waitSaved } from './helpers';

const SERVICE = 'contributo-affitto';
const WIZARD = `/${ENTE}/servizi/${SERVICE}/domanda`;
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Issue 15's citizen flow on the rent subsidy, as Anna Conti (ANPR household of two, INPS ISEE):
 * catalogue, login, prefill, a conditional branch (eviction), two household rows added, uploads,
 * leave and resume on a fresh browser profile, submit, double submit, receipt and its PDF.
 */
export async function citizenFlow(page: Page, browser: Browser, opts: { tag: string; viewport?: { width: number; height: number }; a11y: boolean }) {
  const { tag } = opts;
  // Catalogue and service page.
  await page.goto(`/${ENTE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Servizi online' })).toBeVisible();
  await shot(page, `${tag}-01-catalogue`);
  if (opts.a11y) await checkA11y(page, 'catalogue');
  await page.getByRole('searchbox', { name: 'Cerca un servizio' }).fill('affitto');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await page.getByRole('link', { name: /sostegno all.affitto/i }).click();
  await expect(page.getByRole('heading', { name: 'Cosa serve' })).toBeVisible();
  await shot(page, `${tag}-02-service`);
  if (opts.a11y) await checkA11y(page, 'service page');
  // The service page's rating needs a login (a browser could mint keys and rate again and again); it stays anonymous.
  await expect(page.getByTestId('rating-login')).toContainText('Per valutare il servizio accedi');
  await expect(page.getByTestId('rating-login').getByRole('link', { name: 'Accedi per valutare' })).toHaveAttribute('href', /\/accedi\?back=/);

  // Login (development login) and the wizard with prefill.
  await page.getByRole('link', { name: /Compila la domanda|Riprendi/ }).click();
  await page.getByRole('link', { name: 'Accedi per compilare la domanda' }).click();
  await page.getByRole('button', { name: /Anna Conti/ }).click();
  await page.waitForURL((u) => u.pathname === WIZARD);
  await expect(page.locator('h1')).toHaveText('Richiedente');
  await expect(page.locator(idOf('/richiedente/codiceFiscale'))).toHaveValue('CNTNNA92A70L781D');
  await expect(page.locator(idOf('/richiedente/codiceFiscale'))).toHaveAttribute('readonly', '');
  await expect(page.locator('#f-richiedente-codiceFiscale-source')).toContainText('identità digitale');
  await choose(page, '/richiedente/areaCittadinanza', 'italiana');
  await fill(page, '/contatti/telefono', '3331234567');
  await choose(page, '/contatti/canalePreferito', 'email');
  await shot(page, `${tag}-03-step-richiedente`);
  if (opts.a11y) await checkA11y(page, 'step richiedente');
  // An error shown at the field and in the summary, which takes the focus.
  await fill(page, '/contatti/telefono', '12');
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.locator('.alert-danger[role=alert]').first()).toBeFocused();
  await expect(page.locator('#f-contatti-telefono-error')).toBeVisible();
  await fill(page, '/contatti/telefono', '3331234567');
  await next(page, 'Nucleo familiare');

  // Household: two ANPR rows prefilled, two added.
  await expect(page.locator(idOf('/nucleo/1/nome'))).toHaveValue('Tommaso');
  await select(page, '/nucleo/0/condizioneProfessionale', 'lavoratore_dipendente');
  await choose(page, '/nucleo/0/disabile', 'false');
  await fill(page, '/nucleo/0/reddito', '9000');
  await choose(page, '/nucleo/1/disabile', 'false');
  await fill(page, '/nucleo/1/reddito', '0');
  const addRow = page.getByRole('button', { name: /Aggiungi/ });
  const people = [
    { cf: 'BRNGPP50L04G273I', nome: 'Giuseppe', cognome: 'Bruno', nascita: '1950-07-04', sesso: 'M', relazione: 'genitore', lavoro: 'pensionato', reddito: '11000' },
    { cf: 'RCCLSN75P30A944K', nome: 'Alessandro', cognome: 'Ricci', nascita: '1975-09-30', sesso: 'M', relazione: 'convivente', lavoro: 'disoccupato', reddito: '0' },
  ];
  for (const [n, p] of people.entries()) {
    const row = 2 + n;
    await addRow.click();
    await fill(page, `/nucleo/${row}/codiceFiscale`, p.cf);
    await fill(page, `/nucleo/${row}/nome`, p.nome);
    await fill(page, `/nucleo/${row}/cognome`, p.cognome);
    await fill(page, `/nucleo/${row}/dataNascita`, p.nascita);
    await choose(page, `/nucleo/${row}/sesso`, p.sesso);
    await select(page, `/nucleo/${row}/relazione`, p.relazione);
    await select(page, `/nucleo/${row}/condizioneProfessionale`, p.lavoro);
    await choose(page, `/nucleo/${row}/disabile`, 'false');
    await fill(page, `/nucleo/${row}/reddito`, p.reddito);
  }
  // Computed values follow as the citizen types.
  await expect(page.locator(idOf('/riepilogo/numeroComponenti'))).toHaveText('4');
  await shot(page, `${tag}-04-step-nucleo`);
  if (opts.a11y) await checkA11y(page, 'step nucleo');
  await next(page, 'ISEE');
  await expect(page.locator(idOf('/isee/valore'))).toHaveAttribute('readonly', '');
  if (opts.a11y) await checkA11y(page, 'step isee');
  await next(page, /Contratto/);

  await select(page, '/contratto/tipo', 'concordato');
  await fill(page, '/contratto/dataStipula', '2025-01-10');
  await fill(page, '/contratto/dataDecorrenza', '2025-02-01');
  await fill(page, '/contratto/dataScadenza', '2028-01-31');
  await choose(page, '/contratto/modalitaRegistrazione', 'telematica');
  await fill(page, '/contratto/codiceIdentificativo', 'TXY25T000123000AB');
  await fill(page, '/contratto/dataRegistrazione', '2025-01-20');
  await fill(page, '/contratto/ufficioRegistrazione', 'Agenzia Entrate Roma 1');
  await fill(page, '/contratto/canoneAnnuo', '7200');
  await fill(page, '/contratto/mesiLocazione', '12');
  await fill(page, '/contratto/superficie', '70');
  await select(page, '/contratto/categoriaCatastale', 'A3');
  await fill(page, '/contratto/datiCatastali/foglio', '12');
  await fill(page, '/contratto/datiCatastali/particella', '345');
  if (opts.a11y) await checkA11y(page, 'step contratto');
  await waitSaved(page);

  // Leave, and resume on a fresh browser profile (another device): the server draft comes back.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sportello-profile-'));
  const other = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS, locale: 'it-IT', viewport: opts.viewport ?? null,
    baseURL: new URL(page.url()).origin,
  });
  try {
    const p2 = other.pages()[0] ?? (await other.newPage());
    await devLogin(p2, /Anna Conti/, `/${ENTE}/servizi/${SERVICE}`);
    await p2.getByRole('link', { name: 'Riprendi la bozza' }).click();
    await expect(p2.locator('h1')).toHaveText(/Contratto/);
    await expect(p2.locator(idOf('/contratto/canoneAnnuo'))).toHaveValue('7200');
    await p2.getByRole('button', { name: 'Indietro' }).click();
    await p2.getByRole('button', { name: 'Indietro' }).click();
    await expect(p2.locator(idOf('/nucleo/3/nome'))).toHaveValue('Alessandro');
    await shot(p2, `${tag}-05-resumed-other-profile`);
    await p2.getByRole('button', { name: 'Avanti' }).click();
    await p2.getByRole('button', { name: 'Avanti' }).click();
    await expect(p2.locator('h1')).toHaveText(/Contratto/);
    await next(p2, 'Locatore');
    await (await p2.locator(idOf('/locatore/tipo')).count() ? select(p2, '/locatore/tipo', 'persona_fisica') : choose(p2, '/locatore/tipo', 'persona_fisica'));
    await fill(p2, '/locatore/personaFisica/codiceFiscale', 'RSSMRA84D09H501Z');
    await fill(p2, '/locatore/personaFisica/nome', 'Mario');
    await fill(p2, '/locatore/personaFisica/cognome', 'Rossi');
    await choose(p2, '/locatore/parenteRichiedente', 'false');
    await fill(p2, '/locatore/indirizzo', 'Via Verdi 5');
    await fill(p2, '/locatore/comune', 'Esempio');
    await waitSaved(p2);
  } finally {
    await other.close();
    rmSync(profile, { recursive: true, force: true });
  }

  // Back on the first device: the other device saved meanwhile; reloading takes the newer draft.
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Locatore');
  await expect(page.locator(idOf('/locatore/indirizzo'))).toHaveValue('Via Verdi 5');
  if (opts.a11y) await checkA11y(page, 'step locatore');
  await next(page, /Situazioni/);

  // The conditional branch: an eviction adds a step and a required document.
  const stepsBefore = await page.locator('#wizard-progress').innerText();
  await choose(page, '/situazioni/morositaIncolpevole', 'false');
  await choose(page, '/situazioni/monogenitore', 'false');
  await choose(page, '/situazioni/altriContributi', 'false');
  await choose(page, '/situazioni/sfratto', 'true');
  await expect(page.locator('#wizard-progress')).not.toHaveText(stepsBefore);
  if (opts.a11y) await checkA11y(page, 'step situazioni');
  await next(page, /sfratto/i);
  await choose(page, '/sfratto/tipo', 'finita_locazione');
  await fill(page, '/sfratto/dataIntimazione', '2025-10-01');
  await choose(page, '/sfratto/convalidato', 'false');
  if (opts.a11y) await checkA11y(page, 'step sfratto');
  await next(page, /Pagamento|pagamento/);
  await (await page.locator(idOf('/pagamento/modalita')).count() ? select(page, '/pagamento/modalita', 'tesoreria') : choose(page, '/pagamento/modalita', 'tesoreria'));
  if (opts.a11y) await checkA11y(page, 'step pagamento');
  await next(page, /Allegati|allegati|Documenti/);

  // Uploads (with the server's checks): one per required document.
  for (const field of ['contratto', 'ricevutaRegistrazione', 'ricevuteCanone', 'documentoIdentita', 'attoSfratto']) {
    await page.locator(idOf(`/allegati/${field}`)).setInputFiles(await pdfFile(`${field}.pdf`));
    await expect(page.getByText(`Caricato: ${field}.pdf`)).toBeVisible();
  }
  await shot(page, `${tag}-06-step-allegati`);
  if (opts.a11y) await checkA11y(page, 'step allegati');
  await next(page, /Dichiarazioni|dichiarazioni/);
  const boxes = await page.locator('input[type=checkbox]').evaluateAll((els) => els.map((e) => `#${e.id}`));
  for (const box of boxes) await tick(page, box);
  if (opts.a11y) await checkA11y(page, 'step dichiarazioni');
  await next(page);
  await shot(page, `${tag}-07-step-calcolo`);
  if (opts.a11y) await checkA11y(page, 'step calcolo');
  await next(page, 'Riepilogo');
  await expect(page.getByText('Alessandro').first()).toBeVisible();
  await shot(page, `${tag}-08-review`);
  if (opts.a11y) await checkA11y(page, 'review');

  // Submit with a double click: one pratica.
  await page.getByRole('button', { name: 'Invia la domanda' }).dblclick();
  await page.waitForURL(/\/pratiche\//);
  await expect(page.getByRole('heading', { name: 'Domanda inviata' })).toBeVisible();
  const code = (await page.getByTestId('pratica-code').innerText()).trim();
  expect(code).toMatch(/^\d{4}-\d+$/);
  await shot(page, `${tag}-09-receipt`);
  if (opts.a11y) await checkA11y(page, 'receipt');

  // The PDF receipt.
  const href = await page.getByRole('link', { name: /ricevuta \(PDF\)/ }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const doc = await PDFDocument.load(await pdf.body());
  expect(doc.getPageCount()).toBeGreaterThan(0);
  expect(doc.getTitle()).toContain(code);

  // The satisfaction rating of this pratica: stars (a radio group), what went well, a comment; once only.
  await rate(page, 4, 'Le indicazioni erano chiare', 'Tutto chiaro, grazie');
  if (opts.a11y) await checkA11y(page, 'receipt with the rating form');
  await page.getByTestId('rating').getByRole('button', { name: 'Invia la valutazione' }).click();
  await expect(page.getByTestId('rating').getByRole('status')).toHaveText('Grazie per la tua valutazione.');
  await page.reload();
  await rate(page, 1, 'Ho avuto problemi tecnici');
  await page.getByTestId('rating').getByRole('button', { name: 'Invia la valutazione' }).click();
  await expect(page.getByTestId('rating').getByRole('status')).toHaveText('Hai già valutato questa pratica.');

  // Personal area: the pratica once (the double click made one), no draft left.
  await page.getByRole('link', { name: "Vai all'area personale" }).click();
  await expect(page.getByRole('heading', { name: 'Le mie pratiche' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="pratiche"] li').filter({ hasText: code })).toHaveCount(1);
  await expect(page.locator('section[aria-labelledby="bozze"]')).not.toContainText(/sostegno all.affitto/);
  await shot(page, `${tag}-10-personal-area`);
  if (opts.a11y) await checkA11y(page, 'personal area');
  return code;
}

/** Fills the rating form: the stars, one point of the list they open, and a comment. */
async function rate(page: Page, stars: number, point: string, comment?: string) {
  const form = page.getByTestId('rating');
  await tick(page, `[data-testid=rating] input[type=radio][value="${stars}"]`);
  await expect(form.getByRole('radio', { name: stars === 1 ? '1 stella su 5' : `${stars} stelle su 5` })).toBeChecked();
  const box = form.getByRole('checkbox', { name: point });
  await box.evaluate((el: HTMLInputElement) => el.click());
  await expect(box).toBeChecked();
  if (comment) await form.getByLabel('Commento (facoltativo)').fill(comment);
}
