import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ENTE, checkA11y, devLogin, idOf, shot } from './helpers';
import { checkBox, designerLogin, newDesignerPage, openTab, prop, waitSavedCopy } from './builder-helpers';

test.use({ viewport: { width: 1400, height: 1000 } });

const unique = () => Math.random().toString(36).slice(2, 8);

/** Publishes from the Versions tab and expects the new version number. */
async function publish(page: Page, version: number): Promise<void> {
  await openTab(page, /Versioni/);
  const button = page.getByRole('button', { name: `Pubblica come versione ${version}` });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  await expect(page.getByText(`Versione ${version} pubblicata.`)).toBeVisible();
}

test('a newcomer finds the builder from the home page and lands in it with the templates at hand', async ({ page, browser }) => {
  // http://127.0.0.1:3000/ opens the demo Ente's catalogue; every citizen page's footer links the builder.
  await page.goto('/');
  await page.waitForURL((u) => u.pathname === `/${ENTE}`);
  await page.getByRole('link', { name: "Area riservata all'ente: progettazione dei servizi" }).click();
  await page.waitForURL(/\/builder\/accedi$/);
  await page.getByRole('button', { name: 'Entra come Marco Esposito (Comune di Esempio)' }).click();
  await page.waitForURL(/\/builder$/);
  await expect(page.getByRole('heading', { name: 'Modelli di servizio' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Crea un servizio dal modello / }).first()).toBeVisible();

  // The citizens' login ("Accedi" in the header) offers the same way in.
  const other = await (await browser.newContext({ locale: 'it-IT' })).newPage();
  await other.goto('/');
  await other.getByRole('link', { name: "Accedi all'area personale" }).click();
  await other.getByRole('button', { name: 'Entra nella progettazione servizi come Marco Esposito (Comune di Esempio)' }).click();
  await other.waitForURL(/\/builder$/);
  await expect(other.getByRole('heading', { name: 'Modelli di servizio' })).toBeVisible();
  await other.context().close();

  // A citizen who opens the builder is told plainly why not, with a way to switch person.
  const citizen = await (await browser.newContext({ locale: 'it-IT' })).newPage();
  await devLogin(citizen, /Anna Conti/, `/${ENTE}`);
  await citizen.goto('/builder');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Non sei un progettista di servizi' })).toBeVisible();
  await expect(citizen.getByText("Il tuo accesso non comprende il ruolo di progettista in nessun ente")).toBeVisible();
  await expect(citizen.getByRole('button', { name: "Esci ed entra con un'altra persona" })).toBeVisible();
  await checkA11y(citizen, 'builder not a designer');
  await shot(citizen, 'builder-00-not-designer');
  await citizen.context().close();
});

test('a designer builds a service from scratch and a citizen finds it as designed', async ({ page, browser }) => {
  await page.goto('/builder');
  await page.waitForURL(/\/builder\/accedi$/);
  await checkA11y(page, 'builder login');
  await shot(page, 'builder-01-login');
  await designerLogin(page);
  await expect(page.getByRole('heading', { name: 'Modelli di servizio' })).toBeVisible();
  await checkA11y(page, 'builder home');
  await shot(page, 'builder-02-home');

  const slug = `prova-${unique()}`;
  await page.getByLabel('Titolo del servizio').fill('Contributo di prova');
  await page.getByLabel('Indirizzo del servizio (facoltativo)').first().fill(slug);
  await page.getByRole('button', { name: 'Crea il servizio' }).click();
  await page.waitForURL(/\/builder\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Contributo di prova' })).toBeVisible();

  // Step 1: rename it, add a yes/no and a text field shown only when the answer is yes.
  await page.getByLabel('Titolo del passo 1').fill('Famiglia');
  await page.getByTestId('palette-yesno').click();
  await prop(page, 'campo1', 'label').fill('Hai figli?');
  await checkBox(prop(page, 'campo1', 'required'));
  await page.getByTestId('palette-text').click();
  await prop(page, 'campo2', 'label').fill('Nome del primo figlio');
  const panel = page.getByTestId('field-panel');
  await panel.getByRole('button', { name: 'Aggiungi una condizione' }).click();
  await expect(panel.getByLabel('Campo', { exact: true })).toHaveValue('campo1');
  await expect(panel.getByLabel('Valore', { exact: true })).toHaveValue('true');
  await expect(page.getByTestId('field-campo2')).toContainText('condizionale');

  // Step 2, with an e-mail field added to it from the palette.
  await page.getByRole('button', { name: 'Aggiungi un passo' }).click();
  await page.getByLabel('Titolo del passo 2').fill('Contatti');
  await page.getByLabel('Aggiungi al passo', { exact: true }).selectOption({ index: 1 });
  await page.getByTestId('palette-email').click();
  await prop(page, 'campo3', 'label').fill('La tua e-mail');
  // The live preview shows the step being edited with the new label.
  await expect(page.getByTestId('live-preview').getByText('La tua e-mail')).toBeVisible();
  await waitSavedCopy(page);
  await checkA11y(page, 'builder steps');
  await shot(page, 'builder-03-steps');

  // A fee of 16 euro, with its causale.
  await openTab(page, /Importi e graduatoria/);
  await page.getByRole('button', { name: 'Aggiungi un importo' }).click();
  await page.getByRole('spinbutton', { name: 'Valore di Importo (in euro)' }).fill('16');
  await page.getByLabel('Causale: testo (it)').fill('Diritti di istruttoria');
  await waitSavedCopy(page);
  await shot(page, 'builder-04-fees');

  // Every text in English too: the Ente publishes in it and en, so English is a column already.
  await openTab(page, /Traduzioni/);
  await expect(page.getByRole('columnheader', { name: /inglese \(en\)/ })).toContainText("dell'Ente");
  await checkBox(page.getByLabel('Solo le righe con testi mancanti'));
  await expect(page.locator('textarea[lang="en"][aria-invalid="true"]').first()).toBeVisible();
  const english: Record<string, string> = {
    'field.campo1.label': 'Do you have children?', 'field.campo2.label': 'Name of your first child', 'field.campo3.label': 'Your e-mail',
    'step.domanda': 'Family', 'step.passo1': 'Contacts', 'service.title': 'Test contribution', 'fee.causale': 'Processing fee',
  };
  const missing = page.locator('textarea[lang="en"][aria-invalid="true"]');
  for (let guard = 0; guard < 30 && (await missing.count()) > 0; guard++) {
    const cell = missing.first();
    const key = ((await cell.getAttribute('aria-label')) ?? '').replace(/ in en$/, '');
    await cell.fill(english[key] ?? `EN ${key}`);
  }
  await expect(missing).toHaveCount(0);
  await waitSavedCopy(page);
  await shot(page, 'builder-05-translations');

  // The preview in English shows the conditional field only after "Yes".
  await openTab(page, /Anteprima/);
  await page.getByRole('combobox', { name: /^Lingua/ }).selectOption('en');
  const preview = page.getByTestId('preview');
  await expect(preview.getByText('Do you have children?')).toBeVisible();
  await expect(preview.getByText('Name of your first child')).toHaveCount(0);
  await preview.locator(`${idOf('/campo1')}-true`).evaluate((el: HTMLInputElement) => el.click());
  await expect(preview.getByText('Name of your first child')).toBeVisible();
  await expect(page.getByTestId('preview-fee')).toContainText('16');
  await checkA11y(page, 'builder preview');
  await shot(page, 'builder-06-preview');

  // German from the picker: until it has every string, publishing is refused (the server's gate),
  // and each missing string is a link to its cell in the translations grid.
  await openTab(page, /Traduzioni/);
  await page.getByLabel('Nuova lingua', { exact: true }).selectOption('de');
  await page.getByRole('button', { name: 'Aggiungi la lingua' }).click();
  await expect(page.getByRole('columnheader', { name: /tedesco \(de\)/ })).toContainText(/[1-9]\d* mancant/);
  await waitSavedCopy(page);
  await openTab(page, /Versioni/);
  const blockers = page.getByTestId('publish-blockers');
  await expect(blockers).toContainText(/tedesco \(de\): mancano \d+ testi/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Pubblica come versione 1' })).toBeDisabled();
  await checkA11y(page, 'builder publish blocked');
  await shot(page, 'builder-06b-publish-blocked');
  await blockers.getByRole('button', { name: 'service.title in de' }).click();
  await expect(page.getByRole('tab', { name: /Traduzioni/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('service.title in de')).toBeFocused();
  await page.getByLabel('service.title in de').fill('Testbeitrag');
  await page.getByRole('button', { name: 'Rimuovi de' }).click();
  await expect(page.getByRole('columnheader', { name: /tedesco/ })).toHaveCount(0);
  await waitSavedCopy(page);

  await publish(page, 1);
  await checkBox(page.getByLabel('Servizio visibile ai cittadini'));
  await expect(page.getByText('I cittadini vedono la versione 1.')).toBeVisible();
  await checkA11y(page, 'builder versions');
  await shot(page, 'builder-07-versions');

  // A citizen finds it in the Ente's catalogue and the field appears as designed.
  const citizen = await (await browser.newContext({ locale: 'it-IT' })).newPage();
  await citizen.goto(`/${ENTE}`);
  await expect(citizen.getByRole('link', { name: /Contributo di prova/ })).toBeVisible();
  await devLogin(citizen, /Anna Conti/, `/${ENTE}/servizi/${slug}/domanda`);
  await expect(citizen.getByText('Hai figli?')).toBeVisible();
  await expect(citizen.getByText('Nome del primo figlio')).toHaveCount(0);
  await citizen.locator(`${idOf('/campo1')}-true`).evaluate((el: HTMLInputElement) => el.click());
  await expect(citizen.getByLabel(/Nome del primo figlio/)).toBeVisible();
  await citizen.locator(`${idOf('/campo1')}-false`).evaluate((el: HTMLInputElement) => el.click());
  await expect(citizen.getByText('Nome del primo figlio')).toHaveCount(0);
  await shot(citizen, 'builder-08-citizen-wizard');

  // Publication off: the service leaves the Ente's catalogue; on again, it is back.
  const onSite = page.getByLabel('Servizio visibile ai cittadini');
  await onSite.evaluate((el: HTMLInputElement) => el.click());
  await expect(onSite).not.toBeChecked();
  await expect(onSite).toBeEnabled();
  await expect(page.getByText('Il servizio non compare nel catalogo e non accetta domande.')).toBeVisible();
  await citizen.goto(`/${ENTE}`);
  await expect(citizen.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(citizen.getByRole('link', { name: /Contributo di prova/ })).toHaveCount(0);
  await checkBox(onSite);
  await expect(page.getByText('I cittadini vedono la versione 1.')).toBeVisible();
  await citizen.reload();
  await expect(citizen.getByRole('link', { name: /Contributo di prova/ })).toBeVisible();
  await citizen.context().close();
});

test('from a template: edit, publish a second version with a readable summary of changes', async ({ page }) => {
  await designerLogin(page);
  await page.getByRole('button', { name: /Crea un servizio dal modello Segnalazione di assenza/ }).click();
  await page.waitForURL(/\/builder\/[^/]+$/);
  await publish(page, 1);

  await openTab(page, /Passi e campi/);
  await page.getByRole('button', { name: /^Giorno dell'assenza/ }).click();
  await prop(page, 'dataAssenza', 'label').fill('Giorno in cui manca');
  // Not in the past is the template's own date bound; not after today (or N days on) is chosen in the properties panel.
  await prop(page, 'dataAssenza', 'notAfterKind').selectOption({ label: 'oggi (o un intervallo da oggi)' });
  await expect(prop(page, 'dataAssenza', 'notAfterAmount')).toBeVisible();
  await waitSavedCopy(page);

  // A problem (two rules with one id) is a link: it opens the rule and puts the focus on it. The
  // template has no rule of its own any more (its date limit is a bound): two new ones share an id.
  await openTab(page, /Regole/);
  // The tab loads its code when first shown: count the rules once it is there.
  await expect(page.getByRole('button', { name: 'Aggiungi una regola' })).toBeVisible();
  const rulesBefore = await page.locator('tbody tr').count();
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Aggiungi una regola' }).click();
    await page.getByLabel('Identificativo', { exact: true }).fill('regolaDoppia');
    await waitSavedCopy(page);
  }
  await page.getByRole('button', { name: 'Modifica regolaDoppia' }).first().click();
  await openTab(page, /Passi e campi/);
  const problems = page.getByTestId('problems');
  await expect(problems).toBeVisible({ timeout: 30_000 });
  await problems.locator('summary').click();
  await problems.getByRole('button', { name: /^Regole:/ }).first().click();
  await expect(page.getByRole('tab', { name: /Regole/ })).toHaveAttribute('aria-selected', 'true');
  const focused = page.locator('fieldset[data-pointer^="/rules/"]').getByLabel('Identificativo', { exact: true }).and(page.locator(':focus'));
  await expect(focused).toBeFocused();
  await expect(focused).toHaveValue('regolaDoppia');
  for (let left = 1; left >= 0; left--) {
    await page.getByRole('button', { name: 'Elimina regolaDoppia' }).last().click();
    await expect(page.locator('tbody tr')).toHaveCount(rulesBefore + left);
  }
  await waitSavedCopy(page);
  await expect(page.getByTestId('problems-none')).toBeVisible({ timeout: 30_000 });

  await openTab(page, /Traduzioni/);
  await checkBox(page.getByLabel('Solo le righe con testi mancanti'));
  const missing = page.locator('textarea[lang="en"][aria-invalid="true"]');
  for (let guard = 0; guard < 10 && (await missing.count()) > 0; guard++) await missing.first().fill('The date cannot be in the past.');
  await waitSavedCopy(page);

  await openTab(page, /Versioni/);
  const changes = page.getByTestId('changes');
  await expect(changes).toContainText('Etichetta: «Giorno dell\'assenza» → «Giorno in cui manca»');
  await expect(changes).toContainText('Controlli del campo «Giorno in cui manca» modificati');
  await shot(page, 'builder-09-changes');
  await publish(page, 2);
  await expect(page.getByRole('cell', { name: 'v2 (in uso)' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'v1', exact: true })).toBeVisible();
  // Version 1 is immutable: against it the copy (now version 2) still shows the edit.
  await expect(changes).toContainText('Nessuna modifica.');
  await changes.getByLabel('Rispetto alla versione').selectOption('1');
  await expect(changes).toContainText('Etichetta: «Giorno dell\'assenza» → «Giorno in cui manca»');
});

test('two designers on the same service: the second save is refused with a clear message and a reload', async ({ browser }) => {
  const a = await newDesignerPage(browser);
  await a.getByLabel('Titolo del servizio').fill('Servizio conteso');
  await a.getByRole('button', { name: 'Crea il servizio' }).click();
  await a.waitForURL(/\/builder\/[^/]+$/);
  const url = a.url();
  const b = await newDesignerPage(browser);
  await b.goto(url);
  await expect(b.getByLabel('Titolo del passo 1')).toBeVisible();

  await a.getByLabel('Titolo del passo 1').fill('Scritto da A');
  await waitSavedCopy(a);
  await b.getByLabel('Titolo del passo 1').fill('Scritto da B');
  const conflict = b.getByTestId('save-conflict');
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await expect(conflict).toContainText('Qualcun altro ha salvato questo servizio');
  await checkA11y(b, 'builder conflict');
  await shot(b, 'builder-10-conflict');
  await conflict.getByRole('button', { name: 'Ricarica la versione salvata' }).click();
  await expect(b.getByLabel('Titolo del passo 1')).toHaveValue('Scritto da A');
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  // After the reload B edits on the current revision again.
  await b.getByLabel('Titolo del passo 1').fill('Scritto da B dopo');
  await waitSavedCopy(b);
  await a.reload();
  await expect(a.getByLabel('Titolo del passo 1')).toHaveValue('Scritto da B dopo');
  await a.context().close();
  await b.context().close();
});

// The school canteen (rules in rows, a fee, ranking-free): axe over the rent subsidy's 140 fields
// took longer than the test's time on a busy 2-core machine; the bench opens that one instead.
test('axe on every tab of the editor (school canteen)', async ({ page }) => {
  test.setTimeout(900_000);
  await designerLogin(page);
  await page.getByRole('link', { name: /^Modifica .*mensa scolastica/i }).filter({ hasNotText: /assenza/i }).first().click();
  await page.waitForURL(/\/builder\/[^/]+$/);
  const tabs = { steps: /Passi e campi/, rules: /Regole/, fees: /Importi e graduatoria/, office: /Campi d'ufficio/, workflow: /Iter/, translations: /Traduzioni/, preview: /Anteprima/, versions: /Versioni/ };
  for (const [name, tab] of Object.entries(tabs)) {
    await openTab(page, tab);
    await checkA11y(page, `editor tab ${tab.source}`);
    await shot(page, `builder-12-canteen-${name}`);
  }
  await openTab(page, /Campi d'ufficio/);
  await page.getByRole('button', { name: "Aggiungi un campo d'ufficio" }).click();
  await expect(page.getByText('$office.verifica1')).toBeVisible();
  await checkA11y(page, 'office field panel');
  await shot(page, 'builder-11-office');
});

/** The working copy's definition as the server exports it (through the page's own session). */
async function exported(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (serviceId) => {
    const res = await fetch('/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ query: 'query($id: ID!) { exportService(id: $id) }', variables: { id: serviceId } }),
    });
    return ((await res.json()) as { data: { exportService: Record<string, unknown> } }).data.exportService;
  }, id);
}

test('the designer\'s home duplicates, exports and imports a definition, and refuses hostile files clearly', async ({ page }) => {
  await designerLogin(page);
  await page.getByRole('button', { name: /Crea un servizio dal modello Segnalazione di assenza/ }).click();
  await page.waitForURL(/\/builder\/[^/]+$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const original = await exported(page, id);
  await page.goto('/builder');
  const row = (serviceId: string) => page.locator('tr', { has: page.locator(`a[href="/builder/${serviceId}"]`) }).first();
  const title = (await row(id).locator('a.fw-semibold').textContent())!;
  const slug = (await row(id).locator('.text-muted').textContent())!;

  // Export: the downloaded file is the definition.
  const [download] = await Promise.all([page.waitForEvent('download'), row(id).getByRole('button', { name: `Esporta ${title} in JSON` }).click()]);
  expect(download.suggestedFilename()).toBe(`${slug}.json`);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(file)).toEqual(original);

  // Duplicate: a new service with its own address and title, the same steps and fields.
  await row(id).getByRole('button', { name: `Duplica ${title}` }).click();
  await page.waitForURL((u) => /^\/builder\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(id));
  const copyId = new URL(page.url()).pathname.split('/').pop()!;
  const copy = await exported(page, copyId);
  expect(copy.id).toMatch(new RegExp(`^${slug}-copia`));
  expect(copy.ui).toEqual(original.ui);
  expect(copy.data).toEqual(original.data);
  await page.goto('/builder');
  await expect(row(copyId).locator('a.fw-semibold')).toHaveText(`${title} (copia)`);
  await expect(row(copyId).locator('.text-muted')).toHaveText(copy.id as string);
  await expect(row(id).locator('a.fw-semibold')).toHaveText(title);

  // Import the exported file back: a new service with that definition.
  const importAs = `importato-${unique()}`;
  await page.getByLabel('File JSON della definizione').setInputFiles({ name: `${slug}.json`, mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByLabel('Indirizzo del servizio (facoltativo)').last().fill(importAs);
  await page.getByRole('button', { name: 'Importa', exact: true }).click();
  await page.waitForURL((u) => /^\/builder\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(copyId));
  const importedId = new URL(page.url()).pathname.split('/').pop()!;
  expect(await exported(page, importedId)).toEqual({ ...original, id: importAs }); // the definition, under its new address
  await page.goto('/builder');
  await expect(row(importedId).locator('.text-muted')).toHaveText(importAs);

  // Hostile files: a clear message each, and no service made.
  const services = await page.locator('tbody tr').count();
  const tryImport = async (name: string, text: string) => {
    await page.getByLabel('File JSON della definizione').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Importa', exact: true }).click();
    const alert = page.locator('.alert[role="alert"]');
    await expect(alert).toBeVisible();
    return alert;
  };
  await expect(await tryImport('rotto.json', '{"id": "rotto", "data": ')).toHaveText('Il file scelto non contiene JSON valido.');
  const notDefinition = await tryImport('altro.json', JSON.stringify({ nome: 'Mario', eta: 40 }));
  await expect(notDefinition).toContainText('Operazione non riuscita');
  await expect(notDefinition.locator('li').first()).toBeVisible(); // where the definition is wrong
  await checkA11y(page, 'builder home, import refused');
  const deep = await tryImport('profondo.json', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
  await expect(deep).toContainText('Operazione non riuscita');
  await expect(deep).toContainText(/annidat/);
  await page.reload();
  await expect(page.locator('tbody tr')).toHaveCount(services);
});
