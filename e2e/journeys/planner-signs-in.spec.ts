import { expect, test } from '@playwright/test';
import { signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';

test('a planner who opens the tower is asked to sign in, lands on the overview, and can sign out', async ({
  page,
}) => {
  const { name } = await signInThroughApi('planner');

  await page.goto('/overview');
  await expect(page).toHaveURL(/\/login\?next=%2Foverview/);

  await signInThroughForm(page, 'planner');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText(name);
  await expect(page.getByTestId('signed-in-user')).toContainText('Planner');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  // Sections that later issues build are marked, not faked.
  await expect(nav.getByRole('link', { name: /Shipments/ })).toHaveCount(0);
  await expect(nav.locator('[aria-disabled="true"]', { hasText: 'Shipments' })).toContainText(
    'not built yet',
  );

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/overview');
  await expect(page).toHaveURL(/\/login/);
});
