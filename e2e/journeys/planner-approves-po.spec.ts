import { expect, test } from '@playwright/test';
import { count } from '../support/format';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';

interface Proposals {
  purchaseOrderProposals: { id: string; quantity: number; sku: { code: string; baseUom: string } }[];
}

const proposalsQuery = `query ($status: String!) {
  purchaseOrderProposals(status: $status, first: 200) { id quantity sku { code baseUom } }
}`;

test('a planner approves a proposed purchase order; it leaves the queue and shows as approved', async ({
  page,
}) => {
  const { token } = await signInThroughApi('planner');
  let proposed = (await graphql<Proposals>(proposalsQuery, { status: 'PROPOSED' }, token))
    .purchaseOrderProposals;
  if (proposed.length === 0) {
    // The scheduled run has not proposed anything yet on this stack: run it now, as the page's button would.
    await graphql('mutation { runReplenishment }', {}, token);
    proposed = (await graphql<Proposals>(proposalsQuery, { status: 'PROPOSED' }, token))
      .purchaseOrderProposals;
  }
  const proposal = proposed[0];
  expect(proposal, 'the seed has SKUs projected to reach their reorder point').toBeDefined();
  if (!proposal) return;

  await signInThroughForm(page, 'planner');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Purchase orders' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();

  const item = page.locator(`[data-testid="proposal"][data-proposal-id="${proposal.id}"]`);
  await expect(item).toBeVisible();
  await expect(item.getByTestId('proposal-quantity')).toHaveText(
    `${count(proposal.quantity)} ${proposal.sku.baseUom}`,
  );
  await expect(
    item.getByRole('list', { name: 'Why this order is proposed' }).getByRole('listitem'),
  ).not.toHaveCount(0);

  await item.getByRole('button', { name: 'Approve' }).click();
  const decided = page.getByTestId('proposal-decided');
  await expect(decided).toHaveAttribute('data-status', 'APPROVED');
  await expect(decided).toContainText(proposal.sku.code);
  await expect(item).toHaveCount(0);

  await page.getByRole('button', { name: 'Approved', exact: true }).click();
  const approved = page.locator(`[data-testid="proposal"][data-proposal-id="${proposal.id}"]`);
  await expect(approved.getByTestId('proposal-status')).toHaveText('Approved');
  await expect(approved.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const stillProposed = (await graphql<Proposals>(proposalsQuery, { status: 'PROPOSED' }, token))
    .purchaseOrderProposals;
  expect(stillProposed.map((entry) => entry.id)).not.toContain(proposal.id);
});
