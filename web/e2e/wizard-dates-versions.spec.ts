import { expect, test, type APIRequestContext } from '@playwright/test';
import { ENTE, api, choose, devLogin, fill, idOf, next, shot, staffToken, waitSaved } from './helpers';

const SERVICE = 'contributo-affitto';
const WIZARD = `/${ENTE}/servizi/${SERVICE}/domanda`;

async function firstStep(page: import('@playwright/test').Page) {
  await choose(page, '/richiedente/areaCittadinanza', 'italiana');
  await fill(page, '/contatti/telefono', '3331112222');
  await choose(page, '/contatti/canalePreferito', 'email');
}

test.describe('in New York at 18:30 on 4 December, when it is already 5 December in Rome', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('the wizard\'s date rules count Rome\'s date, as the server does, not the device\'s', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-04T23:30:00Z'));
    expect(await page.evaluate(() => new Date().toLocaleDateString('en-CA'))).toBe('2026-12-04');
    await devLogin(page, /^Entra come Francesca Romano$/, WIZARD);
    await firstStep(page);
    await next(page, 'Nucleo familiare');
    const rows = await page.locator('[id^="f-nucleo-"][id$="-dataNascita"]').count();
    await page.getByRole('button', { name: /Aggiungi/ }).click();
    // Born on 5 December 2025: one year old in Rome (5 December), still 0 by the device's date.
    await fill(page, `/nucleo/${rows}/dataNascita`, '2025-12-05');
    await expect(page.locator(idOf(`/nucleo/${rows}/eta`))).toHaveText('1');
    // Born "today" in Rome is not a date in the future.
    await fill(page, `/nucleo/${rows}/dataNascita`, '2026-12-05');
    await expect(page.locator(idOf(`/nucleo/${rows}/eta`))).toHaveText('0');
    await page.getByRole('button', { name: 'Avanti' }).click();
    await expect(page.locator(`#f-nucleo-${rows}-dataNascita-error`)).toHaveCount(0);
    await shot(page, 'dates-01-rome-today');
  });
});

/** Publishes a new version of the rent subsidy as the demo Ente's designer, through the API. */
async function publishNewVersion(request: APIRequestContext): Promise<void> {
  const token = await staffToken(request, 'DESIGNER');
  const must = async (query: string, variables: object = {}) => {
    const res = await api(request, query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const { designerServices } = await must('{ designerServices(first: 50) { edges { node { id slug revision workingCopy } } } }');
  const s = designerServices.edges.map((e: any) => e.node).find((n: any) => n.slug === SERVICE);
  const [major, minor, patch] = String(s.workingCopy.version).split('.').map(Number);
  const definition = { ...s.workingCopy, version: `${major}.${minor}.${patch + 1}` };
  await must('mutation ($input: UpdateWorkingCopyInput!) { updateWorkingCopy(input: $input) { revision } }', { input: { id: s.id, revision: s.revision, definition } });
  await must('mutation ($id: ID!) { publishService(id: $id) { number } }', { id: s.id });
}

test('a draft made on an older version says so, keeps its answers, and offers to start again on the new one', async ({ page, request }) => {
  await devLogin(page, /^Entra come Marco Esposito$/, WIZARD);
  await firstStep(page);
  await waitSaved(page);
  await expect(page.getByTestId('older-version')).toHaveCount(0);
  await publishNewVersion(request);

  await page.reload();
  const notice = page.getByTestId('older-version');
  await expect(notice).toContainText('iniziata sulla versione 1');
  await expect(notice).toContainText('ora è pubblicata la versione 2');
  await expect(page.locator(idOf('/contatti/telefono'))).toHaveValue('3331112222');
  await shot(page, 'versions-01-older-draft');
  await next(page, 'Nucleo familiare');

  page.once('dialog', (d) => void d.accept());
  await notice.getByRole('button', { name: 'Elimina la bozza e ricomincia con la versione 2' }).click();
  await page.waitForLoadState('load');
  await expect(page.locator('h1')).toHaveText('Richiedente');
  await expect(page.getByTestId('older-version')).toHaveCount(0);
  await expect(page.locator(idOf('/contatti/telefono'))).toHaveValue('');
});
