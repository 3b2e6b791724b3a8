import { expect, test } from '@playwright/test';
import { ENTE, choose, devLogin, fill, idOf, shot, waitSaved } from './helpers';


const WIZARD = `/${ENTE}/servizi/contributo-affitto/domanda`;

test('offline while filling a step, then back online: nothing typed is lost', async ({ page, context, browser }) => {
  await devLogin(page, /Giuseppe Bruno/, WIZARD);
  await expect(page.locator('h1')).toHaveText('Richiedente');
  await waitSaved(page);
  // The service worker controls the page and has stored it with its scripts.
  await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 });
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await fill(page, '/contatti/telefono', '3470000001');
  await choose(page, '/richiedente/areaCittadinanza', 'italiana');
  await expect(page.getByTestId('sync-status')).toHaveText(/Salvata su questo dispositivo/);
  await shot(page, 'offline-01-typing');
  // Reloaded while offline: the page comes from the service worker, the answers from this device.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(reloaded?.headers()['x-sportello-offline-copy']).toBe('1');
  await expect(page.locator('h1')).toHaveText('Richiedente');
  await expect(page.locator(idOf('/contatti/telefono'))).toHaveValue('3470000001');
  await expect(page.locator(idOf('/richiedente/areaCittadinanza') + '-italiana')).toBeChecked();
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await shot(page, 'offline-02-reloaded-offline');
  await fill(page, '/contatti/telefono', '3470000002');
  await expect(page.getByTestId('sync-status')).toHaveText(/Salvata su questo dispositivo/);
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await waitSaved(page);
  await shot(page, 'offline-03-back-online');

  // The server has them: a fresh browser sees the same answers.
  const other = await browser.newContext({ locale: 'it-IT' });
  const p2 = await other.newPage();
  await devLogin(p2, /Giuseppe Bruno/, WIZARD);
  await expect(p2.locator(idOf('/contatti/telefono'))).toHaveValue('3470000002');
  await other.close();
});
