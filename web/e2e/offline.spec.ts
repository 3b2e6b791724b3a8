import { expect, test } from '@playwright/test';
import { ENTE, choose, devLogin, fill, idOf, shot, waitSaved } from './helpers';


const WIZARD = `/${ENTE}/servizi/contributo-affitto/domanda`;

test('offline while filling a step, then back online: nothing typed is lost', async ({ page, context, browser }) => {
  await devLogin(page, /Giuseppe Bruno/, WIZARD);
  await expect(page.locator('h1')).toHaveText('Richiedente');
  await waitSaved(page);
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await fill(page, '/contatti/telefono', '3470000001');
  await choose(page, '/richiedente/areaCittadinanza', 'italiana');
  await expect(page.getByTestId('sync-status')).toHaveText(/Salvata su questo dispositivo/);
  await shot(page, 'offline-01-typing');
  // (A reload while offline needs the service worker's cached page: not covered here yet.)
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await waitSaved(page);
  await shot(page, 'offline-02-back-online');

  // The server has them: a fresh browser sees the same answers.
  const other = await browser.newContext({ locale: 'it-IT' });
  const p2 = await other.newPage();
  await devLogin(p2, /Giuseppe Bruno/, WIZARD);
  await expect(p2.locator(idOf('/contatti/telefono'))).toHaveValue('3470000001');
  await other.close();
});
