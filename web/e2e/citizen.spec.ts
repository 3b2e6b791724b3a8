import { test } from '@playwright/test';
import { citizenFlow } from './citizen-flow';

test('citizen flow on the rent subsidy (desktop), with axe on every main page', async ({ page, browser }) => {
  await citizenFlow(page, browser, { tag: 'desktop', a11y: true });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('citizen flow on the rent subsidy at 390x844', async ({ page, browser }) => {
    await citizenFlow(page, browser, { tag: 'mobile', viewport: { width: 390, height: 844 }, a11y: false });
  });
});
