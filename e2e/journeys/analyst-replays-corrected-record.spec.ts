import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { count } from '../support/format';
import { graphql, signInThroughApi } from '../support/gateway';
import { postTransactions } from '../support/ingest';
import { signInThroughForm } from '../support/sign-in';

const DC = 'DC-RNO';
const ADJUSTMENT = 7;

interface Setup {
  me: { tenant: { id: string } };
  skus: {
    edges: {
      node: {
        code: string;
        baseUom: string;
        inventoryPositions: { onHand: number; location: { code: string } }[];
      };
    }[];
  };
}

const setupQuery = `{
  me { tenant { id } }
  skus(first: 50) { edges { node { code baseUom inventoryPositions { onHand location { code } } } } }
}`;

test('an analyst finds a rejected record in quarantine, corrects and replays it, and sees the stock move on the SKU', async ({
  page,
}) => {
  const { token } = await signInThroughApi('analyst');
  const setup = await graphql<Setup>(setupQuery, {}, token);
  // The last seeded SKU stocked at the DC: the other journeys leave its stock alone.
  const sku = setup.skus.edges
    .map((edge) => edge.node)
    .filter((node) => node.inventoryPositions.some((position) => position.location.code === DC))
    .at(-1);
  expect(sku, `the seed should stock a SKU at ${DC}`).toBeDefined();
  if (!sku) return;
  const onHandBefore = sku.inventoryPositions.find((position) => position.location.code === DC)!.onHand;

  const transactionId = randomUUID();
  const correlationId = `e2e-replay-${randomUUID().slice(0, 8)}`;
  const record = {
    transaction_id: transactionId,
    correlation_id: correlationId,
    source_system: 'e2e-wms',
    event_type: 'inventory_adjustment',
    sku_id: sku.code,
    shipment_id: null,
    lot: null,
    // "BOXES" is no UN/CEFACT Rec 20 code: the schema refuses it.
    measure: { quantity: ADJUSTMENT, uom: 'BOXES' },
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    version: '2.0.0',
    status: 'active',
    tenant_id: setup.me.tenant.id,
    idempotency_key: randomUUID(),
    payload: { location_id: DC, reason: 'found', note: 'End-to-end quarantine replay' },
  };

  const answer = await postTransactions(token, [record], randomUUID());
  expect(answer.status, JSON.stringify(answer.body)).toBe(422);
  expect(answer.body.results?.[0]).toMatchObject({ transaction_id: transactionId, status: 'rejected' });
  expect(answer.body.results?.[0]?.errors?.map((error) => error.field)).toContain('measure.uom');

  await signInThroughForm(page, 'analyst');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Ingestion' }).click();
  await expect(page).toHaveURL(/\/ingestion$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingestion' })).toBeVisible();

  // The list is re-read every few seconds; the record is there with the reason the ingest gave.
  const item = page.locator(`[data-testid="quarantine-item"][data-transaction-id="${transactionId}"]`);
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expect(item.getByTestId('quarantine-status')).toHaveText('Quarantined');
  await expect(item.getByTestId('record-issue').filter({ hasText: 'measure.uom' })).toBeVisible();

  await item.getByRole('button').click();
  const detail = page.getByTestId('quarantine-detail');
  await expect(detail.getByRole('list', { name: 'Reasons' })).toContainText('measure.uom');
  await expect(detail.getByRole('list', { name: 'Reasons' })).toContainText('"BOXES"');

  // Fix the unit in the textarea, as a person would, and replay.
  const editor = detail.getByLabel('Record JSON');
  const shown = JSON.parse(await editor.inputValue()) as typeof record;
  expect(shown.transaction_id).toBe(transactionId);
  expect(shown.measure.uom).toBe('BOXES');
  await editor.fill(JSON.stringify({ ...shown, measure: { ...shown.measure, uom: 'EA' } }, null, 2));
  await detail.getByRole('button', { name: 'Correct and replay' }).click();

  const outcome = detail.getByTestId('correction-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'accepted');
  await expect(outcome).toContainText('Accepted');
  await expect(detail.getByTestId('quarantine-status')).toHaveText('Replayed');
  await expect(detail.getByRole('button', { name: 'Correct and replay' })).toHaveCount(0);

  // The SKU named in the record: the supply consumer applies the replayed transaction within seconds.
  await detail.getByTestId('quarantine-sku-link').click();
  await expect(page).toHaveURL(new RegExp(`/skus/${sku.code}$`));
  await expect(page.getByTestId('sku-code')).toHaveText(sku.code);

  const movement = page.getByTestId('movement-row').filter({ hasText: correlationId });
  await expect(movement).toBeVisible({ timeout: 15_000 });
  await expect(movement.getByTestId('movement-kind')).toHaveText('Adjustment');
  await expect(movement.getByTestId('movement-quantity')).toHaveText(`+${ADJUSTMENT} ${sku.baseUom}`);
  await expect(movement).toContainText(DC);
  await expect(movement).toContainText('e2e-wms');

  const position = page.locator(`[data-testid="position-row"][data-location-code="${DC}"]`);
  await expect(position.getByTestId('position-on-hand')).toHaveText(
    `${count(onHandBefore + ADJUSTMENT)} ${sku.baseUom}`,
  );
});
