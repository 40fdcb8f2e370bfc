import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';
import { createOwnSku, dollars } from '../support/skus';

const PRICE_CENTS = 2_000;
// +0.5 %: within the 1 % price threshold, so no approval is needed, only the date.
const NEW_PRICE_CENTS = 2_010;

test('an analyst schedules a small price change for a later date: the record keeps its price, shows the change as scheduled, and the analyst withdraws it', async ({
  page,
}) => {
  const analyst = await signInThroughApi('analyst');
  const sku = await createOwnSku(analyst.token, 'E2E Scheduled Price Tee', PRICE_CENTS);
  const reason = `Price list of March 2099 ${randomUUID().slice(0, 8)}`;

  await signInThroughForm(page, 'analyst');
  await page.goto('/master-data');
  await page.getByLabel('Search by code or name').fill(sku.code);
  await page
    .locator(`[data-testid="search-result"][data-code="${sku.code}"]`)
    .getByRole('link', { name: sku.code })
    .click();
  await expect(page.getByTestId('record-price')).toHaveText(dollars(PRICE_CENTS));

  const form = page.getByRole('form', { name: 'Edit the record' });
  await form.getByLabel('List price').fill((NEW_PRICE_CENTS / 100).toFixed(2));
  await form.getByLabel('Reason for the change').fill(reason);
  await form.getByLabel(/Takes effect/).fill('2099-03-01T09:00');
  await form.getByRole('button', { name: 'Save changes' }).click();

  const outcome = form.getByTestId('change-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'SCHEDULED');
  await expect(outcome).toContainText('will be published on');
  // Nothing is published before its date: same price, same version, and the change waits on the record.
  await expect(page.getByTestId('record-price')).toHaveText(dollars(PRICE_CENTS));
  await expect(page.getByTestId('record-version')).toHaveAttribute('data-version', '1');
  const scheduled = page.getByTestId('scheduled-change-requests').getByTestId('change-request');
  await expect(scheduled).toHaveCount(1);
  await expect(scheduled).toContainText(reason);
  await expect(scheduled.getByTestId('change-request-status')).toHaveText('Approved');
  await expect(scheduled.getByTestId('change-request-effective')).toContainText('Approved: publishes');
  await expect(page.getByTestId('pending-change-requests')).toHaveCount(0);

  const stored = await graphql<{
    sku: { priceCents: number; version: number };
    changeRequests: {
      entityId: string;
      status: string;
      publishedVersion: number | null;
      effectiveAt: string;
    }[];
  }>(
    `query ($id: ID!) {
      sku(id: $id) { priceCents version }
      changeRequests(status: APPROVED, first: 200) { entityId status publishedVersion effectiveAt }
    }`,
    { id: sku.id },
    analyst.token,
  );
  expect(stored.sku).toEqual({ priceCents: PRICE_CENTS, version: 1 });
  expect(stored.changeRequests.filter((request) => request.entityId === sku.id)).toEqual([
    {
      entityId: sku.id,
      status: 'APPROVED',
      publishedVersion: null,
      effectiveAt: new Date('2099-03-01T09:00').toISOString(),
    },
  ]);

  // Plans change: the requester withdraws it before its date, and the record no longer shows it.
  await scheduled.getByRole('button', { name: 'Withdraw before it takes effect' }).click();
  await expect(page.getByTestId('scheduled-change-requests')).toHaveCount(0);
  await expect(page.getByTestId('record-price')).toHaveText(dollars(PRICE_CENTS));
  const withdrawn = await graphql<{ changeRequests: { entityId: string }[] }>(
    '{ changeRequests(status: WITHDRAWN, first: 200) { entityId } }',
    {},
    analyst.token,
  );
  expect(withdrawn.changeRequests.filter((request) => request.entityId === sku.id)).toHaveLength(1);
});
