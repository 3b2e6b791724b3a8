import { expect, test } from '@playwright/test';
import { ENTE, api, checkA11y, devLogin, shot, staffToken } from './helpers';

const AREA = `/${ENTE}/area-personale`;

test('a person sees the invitation an Ente sent them, accepts it, and logs out (the session ends on the server)', async ({ page, request, context }) => {
  // The demo Ente's admin invites Laura Ferrari (by fiscal code) as an operator.
  const admin = await staffToken(request, 'ADMIN');
  const invited = await api(request, 'mutation ($input: InviteOperatorInput!) { inviteOperator(input: $input) { id } }', {
    input: { email: 'laura.ferrari@example.it', fiscalCode: 'FRRLRA86R63G224V', givenName: 'Laura', familyName: 'Ferrari', roles: ['OPERATOR'] },
  }, admin);
  expect(invited.errors).toBeUndefined();

  await devLogin(page, /Laura Ferrari/, AREA);
  const invitation = page.getByTestId('invitation');
  await expect(invitation).toHaveCount(1);
  await expect(invitation).toContainText('Comune di Esempio');
  await expect(invitation).toContainText('operatore');
  await shot(page, 'personal-01-invitation');
  await checkA11y(page, 'personal area with an invitation');
  await invitation.getByRole('button', { name: /^Accetta/ }).click();
  await expect(invitation.getByRole('status')).toHaveText('Invito accettato');
  // The role is hers now.
  const me = await api(request, '{ me { memberships { ente { slug } roles } } }', {}, (await context.cookies()).find((c) => c.name === 'sportello_session')!.value);
  expect(me.data.me.memberships).toContainEqual({ ente: { slug: ENTE }, roles: ['OPERATOR'] });

  // Log out from the personal area: back to the catalogue, told so; the old token no longer works.
  const token = (await context.cookies()).find((c) => c.name === 'sportello_session')!.value;
  await page.getByRole('button', { name: 'Esci da Sportello' }).click();
  await expect(page.getByTestId('logged-out')).toHaveText(/Sei uscito/);
  expect((await context.cookies()).find((c) => c.name === 'sportello_session')).toBeUndefined();
  const after = await api(request, '{ myDrafts(first: 1) { totalCount } }', {}, token);
  expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await page.goto(AREA);
  await expect(page.getByRole('link', { name: 'Accedi', exact: false }).first()).toBeVisible();
});
