import { expect, test } from '@playwright/test';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';

const retentionQuery = '{ ingestionStatus { eventRetention { days isDefault } } }';

test('an admin sets how long the tenant keeps its event log; an analyst sees it and cannot change it', async ({
  page,
}) => {
  const { token } = await signInThroughApi('admin');
  const before = await graphql<{ ingestionStatus: { eventRetention: { days: number; isDefault: boolean } } }>(
    retentionQuery,
    {},
    token,
  );
  const chosen = before.ingestionStatus.eventRetention.days === 45 ? 46 : 45;

  await signInThroughForm(page, 'admin');
  await page.goto('/ingestion');
  const panel = page.getByRole('region', { name: 'Event log retention' });
  await expect(panel.getByTestId('event-retention')).toHaveText(
    `${before.ingestionStatus.eventRetention.days} days${
      before.ingestionStatus.eventRetention.isDefault ? ' (platform default)' : ''
    }`,
  );
  const days = panel.getByLabel(/Days/);
  // Out of bounds: the form does not send it.
  await days.fill('3');
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
  await days.fill(String(chosen));
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('event-retention')).toHaveText(`${chosen} days`);

  const after = await graphql<{ ingestionStatus: { eventRetention: { days: number; isDefault: boolean } } }>(
    retentionQuery,
    {},
    token,
  );
  expect(after.ingestionStatus.eventRetention).toEqual({ days: chosen, isDefault: false });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInThroughForm(page, 'analyst');
  await page.goto('/ingestion');
  const analystPanel = page.getByRole('region', { name: 'Event log retention' });
  await expect(analystPanel.getByTestId('event-retention')).toHaveText(`${chosen} days`);
  await expect(analystPanel.getByText('Only an administrator can change the retention.')).toBeVisible();
  await expect(analystPanel.getByRole('button', { name: 'Save' })).toHaveCount(0);
});
