import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';

export const ENTE = 'comune-di-esempio';
export const SHOTS = new URL('./artifacts/screens/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/** The wizard's DOM id of a field's pointer (components/wizard/context.ts idOf). */
export const idOf = (pointer: string) => `#f${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export const fill = (page: Page, pointer: string, value: string) => page.locator(idOf(pointer)).fill(value);
// Bootstrap Italia draws its own radios and checkboxes over the inputs: click the input itself.
export const choose = async (page: Page, pointer: string, value: string) => {
  const input = page.locator(`${idOf(pointer)}-${value}`);
  await input.evaluate((el: HTMLInputElement) => el.click());
  await expect(input).toBeChecked();
};
export const tick = async (page: Page, selector: string) => {
  const input = page.locator(selector);
  await input.evaluate((el: HTMLInputElement) => { if (!el.checked) el.click(); });
  await expect(input).toBeChecked();
};
export const select = (page: Page, pointer: string, value: string) => page.locator(idOf(pointer)).selectOption(value);

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** axe-core on the page: no serious or critical violation (WCAG 2.1 AA rules). */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export async function devLogin(page: Page, name: RegExp, back: string): Promise<void> {
  await page.goto(`/${ENTE}/accedi?back=${encodeURIComponent(back)}`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL((u) => u.pathname === back.split('?')[0]);
}

/**
 * Presses the wizard's main button and expects the step to change with no error summary; the new
 * step opens at its top with its heading focused, already when it is drawn.
 */
export async function next(page: Page, expectHeading?: string | RegExp): Promise<void> {
  const heading = page.locator('h1');
  const before = await heading.innerText();
  await page.getByRole('button', { name: /^(Avanti|Vai al riepilogo|Continue|Check your answers)$/ }).click();
  const summary = page.locator('#error-summary-title');
  const outcome = async () => (await summary.isVisible() ? 'refused' : (await heading.innerText()) !== before ? 'moved' : 'waiting');
  await expect.poll(outcome, { message: `the step "${before}" neither moved nor showed its errors` }).not.toBe('waiting');
  if (await summary.isVisible()) {
    throw new Error(`step "${before}" refused: ${await page.locator('.alert-danger').first().innerText()}`);
  }
  expect(await page.evaluate(() => window.scrollY), 'the new step opens at its top').toBe(0);
  await expect(heading).toBeFocused();
  if (expectHeading) await expect(heading).toHaveText(expectHeading);
}

/** A small real PDF to upload. */
export async function pdfFile(name: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText(name, { x: 20, y: 100, size: 12 });
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(await doc.save()) };
}

export async function waitSaved(page: Page): Promise<void> {
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-pending', 'false', { timeout: 20_000 });
  await expect(status).toHaveText(/Bozza salvata|Draft saved/, { timeout: 20_000 });
}

const API = `http://127.0.0.1:${process.env.E2E_API_PORT ?? 4310}/graphql`;

/** A GraphQL call straight to the API (setup done as an Ente's staff, or checking a token). */
export async function api(request: import('@playwright/test').APIRequestContext, query: string, variables: object = {}, token?: string): Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }> {
  const res = await request.post(API, { data: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return res.json();
}

/** A session token of the demo Ente's staff member with this role (development login, through the API). */
export async function staffToken(request: import('@playwright/test').APIRequestContext, role: 'ADMIN' | 'DESIGNER'): Promise<string> {
  const { data } = await api(request, '{ devUsers { id memberships { ente { id slug } roles } } }');
  const who = data.devUsers.flatMap((u: any) => u.memberships.filter((m: any) => m.ente.slug === ENTE && m.roles.includes(role)).map((m: any) => ({ id: u.id, enteId: m.ente.id })))[0];
  const login = await api(request, 'mutation ($u: ID!, $e: ID) { devLogin(userId: $u, enteId: $e) { token } }', { u: who.id, e: who.enteId });
  return login.data.devLogin.token;
}
