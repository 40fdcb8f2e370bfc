import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';

const raiseMutation = `mutation ($input: RaiseExceptionInput!) { raiseException(input: $input) { id title } }`;
const resolveMutation = `mutation ($id: ID!) { resolveException(id: $id, resolution: "Raised by an end-to-end test") { id } }`;
const openCountQuery = `{ me { tenant { exceptionKpis { open } } } }`;

async function raiseException(token: string, title: string): Promise<string> {
  const data = await graphql<{ raiseException: { id: string } }>(
    raiseMutation,
    { input: { kind: 'DATA_QUALITY', severity: 'HIGH', title, detail: 'End-to-end check of the live feed' } },
    token,
  );
  return data.raiseException.id;
}

async function openExceptionsOnTile(page: Page): Promise<number> {
  const text = await page.getByTestId('kpi-open-exceptions-value').textContent();
  return Number(text?.replaceAll(',', ''));
}

const raisedIds: string[] = [];
let analystToken = '';

test.afterEach(async () => {
  // Leave the shared tenant's open-exception count as the seed made it.
  for (const id of raisedIds.splice(0)) await graphql(resolveMutation, { id }, analystToken);
});

test('an analyst watching the overview sees a newly raised exception within a second, without reloading', async ({
  page,
}) => {
  analystToken = (await signInThroughApi('analyst')).token;
  await signInThroughForm(page, 'analyst');
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live');

  // A first exception proves the server-side subscription is in place before anything is timed.
  const warmUpTitle = `E2E warm-up ${randomUUID()}`;
  raisedIds.push(await raiseException(analystToken, warmUpTitle));
  await expect(page.getByTestId('exception-item').filter({ hasText: warmUpTitle })).toBeVisible();

  // Settle the tile on the API's count so "goes up" is measured from a known figure.
  const { open: openBefore } = (
    await graphql<{ me: { tenant: { exceptionKpis: { open: number } } } }>(openCountQuery, {}, analystToken)
  ).me.tenant.exceptionKpis;
  await expect.poll(() => openExceptionsOnTile(page)).toBe(openBefore);

  await page.evaluate(() => {
    (window as { e2eSameDocument?: boolean }).e2eSameDocument = true;
  });

  const title = `E2E live exception ${randomUUID()}`;
  raisedIds.push(await raiseException(analystToken, title));
  const item = page.getByTestId('exception-item').filter({ hasText: title });
  await expect(item).toBeVisible({ timeout: 1_000 });

  await expect(page.getByTestId('exception-item').first()).toContainText(title);
  await expect(item.getByTestId('severity-badge')).toHaveText('High');
  await expect(item.getByTestId('sla-status')).toContainText('SLA due');
  await expect.poll(() => openExceptionsOnTile(page)).toBeGreaterThan(openBefore);
  expect(await page.evaluate(() => (window as { e2eSameDocument?: boolean }).e2eSameDocument)).toBe(true);
});
