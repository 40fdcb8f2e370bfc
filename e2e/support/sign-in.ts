import { expect, type Page } from '@playwright/test';
import { type DemoRole, demoEmail, demoPassword } from './gateway';

/** Signs in through the login form, as a person would, and waits for the overview. */
export async function signInThroughForm(page: Page, role: DemoRole): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Work email').fill(demoEmail(role));
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/overview$/);
}
