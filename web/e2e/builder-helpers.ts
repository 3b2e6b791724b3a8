import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** Logs in through the builder's own login page as the demo designer (Marco Esposito). */
export async function designerLogin(page: Page): Promise<void> {
  await page.goto('/builder');
  await page.waitForURL(/\/builder\/accedi$/);
  await page.getByRole('button', { name: /Marco Esposito.*Comune di Esempio/ }).click();
  await page.waitForURL(/\/builder$/);
}

export async function newDesignerPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  await designerLogin(page);
  return page;
}

/** Waits until the autosave has sent every edit (the save bar says so). */
export async function waitSavedCopy(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
}

export async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** The properties panel's input for a property (rjsf ids: props-<path>_<property>). */
export const prop = (page: Page, path: string, property: string) =>
  page.locator(`#props-${path.replace(/[^A-Za-z0-9]/g, '-')}_${property}`);

/** Bootstrap Italia draws its checkboxes over the inputs: click the input itself. */
export async function checkBox(input: Locator): Promise<void> {
  await input.evaluate((el: HTMLInputElement) => { if (!el.checked) el.click(); });
  await expect(input).toBeChecked();
}
