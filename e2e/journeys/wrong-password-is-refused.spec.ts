import { expect, test } from '@playwright/test';
import { demoEmail } from '../support/gateway';

test('a wrong password is refused with a message that says what to do, and the user stays on sign-in', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Work email').fill(demoEmail('planner'));
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const message = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  await expect(message).toBeVisible();
  await expect(message).toContainText('email or password is not correct');
  await expect(message).toContainText('try again');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
});
