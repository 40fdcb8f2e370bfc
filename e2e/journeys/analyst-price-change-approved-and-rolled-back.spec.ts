import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';
import { createOwnSku, dollars } from '../support/skus';

const PRICE_CENTS = 2_000;
// +3 %: beyond the 1 % price threshold, so the edit waits for a second user.
const NEW_PRICE_CENTS = 2_060;

test('an analyst’s 3% price change waits for approval, an admin approves it, and a rollback restores the old price', async ({
  page,
  browser,
}) => {
  // Two users' sessions, an approval and a rollback: a longer journey than most.
  test.setTimeout(120_000);
  const analyst = await signInThroughApi('analyst');
  const sku = await createOwnSku(analyst.token, 'E2E Price Journey Tee', PRICE_CENTS);
  const reason = `Supplier cost increase ${randomUUID().slice(0, 8)}`;

  // The analyst finds the SKU and raises its price by 3 %.
  await signInThroughForm(page, 'analyst');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Master data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Master data' })).toBeVisible();
  await page.getByLabel('Search by code or name').fill(sku.code);
  const result = page.locator(`[data-testid="search-result"][data-code="${sku.code}"]`);
  await expect(result).toContainText(dollars(PRICE_CENTS));
  await result.getByRole('link', { name: sku.code }).click();
  await expect(page.getByTestId('record-code')).toHaveText(sku.code);
  await expect(page.getByTestId('record-price')).toHaveText(dollars(PRICE_CENTS));
  await expect(page.getByTestId('record-version')).toHaveAttribute('data-version', '1');

  const form = page.getByRole('form', { name: 'Edit the record' });
  // A mistyped GTIN is answered under its field before anything is sent.
  const gtin = form.getByLabel('GTIN');
  const validGtin = await gtin.inputValue();
  await gtin.fill(`${validGtin.slice(0, -1)}${(Number(validGtin.at(-1)) + 1) % 10}`);
  await gtin.blur();
  await expect(form.getByTestId('field-gtin').getByTestId('field-problem')).toContainText(
    `should be ${validGtin.at(-1)}`,
  );
  await gtin.fill(validGtin);
  await expect(form.getByTestId('field-gtin').getByTestId('field-problem')).toHaveCount(0);

  await form.getByLabel('List price').fill((NEW_PRICE_CENTS / 100).toFixed(2));
  await form.getByLabel('Reason for the change').fill(reason);
  await form.getByRole('button', { name: 'Save changes' }).click();

  const outcome = form.getByTestId('change-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'PENDING_APPROVAL');
  await expect(outcome).toContainText('Waiting for approval');
  await expect(outcome).toContainText('changed by 3.0%');
  // Nothing is published yet: the record keeps its price and version, the request waits on the page.
  await expect(page.getByTestId('record-price')).toHaveText(dollars(PRICE_CENTS));
  await expect(page.getByTestId('record-version')).toHaveAttribute('data-version', '1');
  const pending = page.getByTestId('pending-change-requests').getByTestId('change-request');
  await expect(pending).toHaveCount(1);
  await expect(pending.getByTestId('change-request-status')).toHaveText('Pending approval');
  await expect(pending.getByTestId('change-request-requester')).toContainText('Requested by you');

  // The requester cannot approve their own change: the API's refusal is shown as given.
  await pending.getByRole('button', { name: 'Approve' }).click();
  const refusal = pending.getByRole('alert');
  await expect(refusal).toContainText('The change request was not approved');
  await expect(refusal).toContainText('second person');
  await expect(refusal.getByTestId('error-code')).toHaveText('FORBIDDEN');

  // An admin, in a session of their own, approves it from the queue.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInThroughForm(adminPage, 'admin');
  await adminPage.goto('/master-data');
  await adminPage
    .getByRole('navigation', { name: 'Master data' })
    .getByRole('link', { name: 'Change requests' })
    .click();
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Change requests' })).toBeVisible();
  const request = adminPage.locator(`[data-testid="change-request"][data-entity-id="${sku.id}"]`);
  await expect(request).toContainText(reason);
  await expect(request.getByTestId('change-request-requester')).toContainText(`Requested by ${analyst.name}`);
  const proposed = request.locator('[data-testid="diff-row"][data-field="priceCents"]');
  await expect(proposed.getByTestId('diff-before')).toHaveText(dollars(PRICE_CENTS));
  await expect(proposed.getByTestId('diff-after')).toHaveText(dollars(NEW_PRICE_CENTS));
  await request.getByLabel('Decision comment').fill('Matches the new supplier price list');
  await request.getByRole('button', { name: 'Approve' }).click();

  const decided = adminPage.getByTestId('decided-change-requests').getByTestId('change-request');
  await expect(decided.getByTestId('change-request-status')).toHaveText('Approved');
  await expect(decided.getByTestId('change-request-decision')).toContainText('published as version 2 by you');

  // The record now carries the new price as version 2, at the top of its timeline.
  await decided.getByTestId('change-request-record-link').click();
  await expect(adminPage.getByTestId('record-code')).toHaveText(sku.code);
  await expect(adminPage.getByTestId('record-version')).toHaveAttribute('data-version', '2');
  await expect(adminPage.getByTestId('record-price')).toHaveText(dollars(NEW_PRICE_CENTS));
  const versions = adminPage.getByTestId('version-item');
  await expect(versions.first()).toHaveAttribute('data-version', '2');
  await expect(versions.first()).toContainText(reason);
  // Its author is the analyst who asked; the admin who approved it reads "you".
  await expect(versions.first()).toContainText(`by ${analyst.name}, approved by you`);

  // Two versions picked: the field-level difference, with the relative change.
  await adminPage.getByLabel('Compare version 1').check();
  await adminPage.getByLabel('Compare version 2').check();
  const diffRow = adminPage
    .getByTestId('version-diff')
    .locator('[data-testid="diff-row"][data-field="priceCents"]');
  await expect(diffRow.getByTestId('diff-before')).toHaveText(dollars(PRICE_CENTS));
  await expect(diffRow.getByTestId('diff-after')).toHaveText(dollars(NEW_PRICE_CENTS));
  await expect(diffRow).toContainText('+3.0%');

  // Rolling back to version 1 publishes its values as version 3.
  const first = adminPage.locator('[data-testid="version-item"][data-version="1"]');
  await first.getByRole('button', { name: 'Roll back to version 1' }).click();
  await first.getByLabel('Reason for the rollback').fill('Price list postponed to next quarter');
  await first.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(adminPage.getByTestId('change-outcome')).toContainText('Published as version 3');
  await expect(adminPage.getByTestId('record-version')).toHaveAttribute('data-version', '3');
  await expect(adminPage.getByTestId('record-price')).toHaveText(dollars(PRICE_CENTS));
  await expect(versions.first()).toHaveAttribute('data-version', '3');
  await expect(versions.first()).toContainText('Rollback to version 1');
  const restored = versions.first().locator('[data-testid="diff-row"][data-field="priceCents"]');
  await expect(restored.getByTestId('diff-before')).toHaveText(dollars(NEW_PRICE_CENTS));
  await expect(restored.getByTestId('diff-after')).toHaveText(dollars(PRICE_CENTS));

  // What the API holds agrees with the screen.
  const stored = await graphql<{ sku: { priceCents: number; version: number } }>(
    'query ($id: ID!) { sku(id: $id) { priceCents version } }',
    { id: sku.id },
    analyst.token,
  );
  expect(stored.sku).toEqual({ priceCents: PRICE_CENTS, version: 3 });

  // The published versions reached supply (it recomputes policies on master-data changes), and the
  // stewardship page shows how fast.
  await adminPage.goto('/master-data/stewardship');
  const propagated = adminPage
    .getByTestId('propagation-row')
    .filter({ hasText: 'catalog.master_record_published' });
  await expect(propagated.first()).toBeVisible({ timeout: 30_000 });
  await expect(propagated.first().locator('td').nth(2)).not.toHaveText('0');
  await adminContext.close();
});
