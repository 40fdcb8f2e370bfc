import { randomUUID } from 'node:crypto';
import { expect, type Locator, test } from '@playwright/test';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';

const EXPECTED_UPLIFT_PERCENT = 40;

interface SkuList {
  skus: { edges: { node: { code: string } }[] };
}

interface SkuForecast {
  skuByCode: {
    code: string;
    forecasts: { points: { day: string; forecast: number }[] }[];
    promotions: { startsOn: string; endsOn: string }[];
  };
}

// One SKU at a time: the gateway's cost limit refuses forecasts of every SKU in one query.
const forecastQuery = `query ($code: String!) {
  skuByCode(code: $code) { code forecasts { points { day forecast } } promotions { startsOn endsOn } }
}`;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Next week, Monday to Sunday (UTC): the days the promotion runs. */
function nextWeek(): { startsOn: string; endsOn: string } {
  const today = new Date().toISOString().slice(0, 10);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const startsOn = addDays(today, (8 - weekday) % 7 || 7);
  return { startsOn, endsOn: addDays(startsOn, 6) };
}

/** The first number in a cell such as "1,234.5 EA (+40%)". */
async function quantityIn(cell: Locator): Promise<number> {
  const text = (await cell.textContent()) ?? '';
  const match = text.replaceAll(',', '').match(/-?\d+(\.\d+)?/);
  expect(match, `a quantity in "${text}"`).not.toBeNull();
  return Number(match?.[0]);
}

// Two people sign in one after the other and the save retrains the SKU's forecast: more than one default timeout.
test.setTimeout(120_000);

test('marketing enters a promotion for next week and the planner sees the SKU forecast raised on its days', async ({
  page,
}) => {
  const planner = await signInThroughApi('planner');
  const marketing = await signInThroughApi('marketing');
  const week = nextWeek();

  // A SKU whose forecast covers next week and that no promotion touches then, and its forecast before.
  const { skus } = await graphql<SkuList>(
    '{ skus(first: 200) { edges { node { code } } } }',
    {},
    planner.token,
  );
  const codes = skus.edges.map((edge) => edge.node.code);
  // Start mid-list: the journeys that move stock take SKUs from the ends.
  const ordered = [
    ...codes.slice(Math.floor(codes.length / 2)),
    ...codes.slice(0, Math.floor(codes.length / 2)),
  ];
  const inWeek = (day: string) => week.startsOn <= day && day <= week.endsOn;
  let sku: SkuForecast['skuByCode'] | undefined;
  for (const code of ordered) {
    const candidate = (await graphql<SkuForecast>(forecastQuery, { code }, planner.token)).skuByCode;
    const covered = candidate.forecasts[0]?.points.filter((point) => inWeek(point.day)).length ?? 0;
    const promoted = candidate.promotions.some(
      (promotion) => promotion.startsOn <= week.endsOn && promotion.endsOn >= week.startsOn,
    );
    if (covered === 7 && !promoted) {
      sku = candidate;
      break;
    }
  }
  expect(sku, 'the seed should have SKUs with a trained forecast covering next week').toBeDefined();
  if (!sku) return;
  const forecastBefore = (sku.forecasts[0]?.points ?? [])
    .filter((point) => inWeek(point.day))
    .reduce((sum, point) => sum + point.forecast, 0);
  expect(forecastBefore).toBeGreaterThan(0);

  const campaign = `E2E week ${randomUUID().slice(0, 8)}`;
  let promotionId: string | undefined;
  try {
    // Marketing enters it in the Promotions section.
    await signInThroughForm(page, 'marketing');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Promotions' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Promotions' })).toBeVisible();
    await page.getByRole('button', { name: 'New promotion' }).click();
    const form = page.getByRole('form', { name: 'New promotion' });

    // Checked before anything is sent: a promotion needs SKUs and an uplift.
    await form.getByRole('button', { name: 'Save promotion' }).click();
    await expect(form.getByTestId('promotion-error-skuIds')).toBeVisible();
    await expect(form.getByTestId('promotion-error-expectedUpliftPercent')).toBeVisible();

    await form.getByLabel('Campaign').fill(campaign);
    await form.getByLabel('First day').fill(week.startsOn);
    await form.getByLabel('Last day').fill(week.endsOn);
    await form.getByLabel('Expected uplift (%)').fill(String(EXPECTED_UPLIFT_PERCENT));
    await form.getByLabel('Find SKUs by code, name or GTIN').fill(sku.code);
    await form.getByRole('checkbox', { name: new RegExp(`^${sku.code}\\b`) }).check();
    await expect(form.getByTestId('promotion-error-skuIds')).toHaveCount(0);
    await form.getByRole('button', { name: 'Save promotion' }).click();

    await expect(page.getByTestId('promotion-saved')).toContainText(campaign);
    const row = page.locator(`[data-testid="promotion-row"][data-campaign="${campaign}"]`);
    await expect(row).toContainText(sku.code);
    await expect(row).toContainText(`+${EXPECTED_UPLIFT_PERCENT}%`);

    const saved = await graphql<{ promotions: { id: string; campaign: string }[] }>(
      '{ promotions { id campaign } }',
      {},
      marketing.token,
    );
    promotionId = saved.promotions.find((promotion) => promotion.campaign === campaign)?.id;
    expect(promotionId, 'the promotion is stored').toBeDefined();

    // The planner opens the SKU and sees the forecast on the promotion's days above the baseline and
    // above what it was before the promotion.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInThroughForm(page, 'planner');
    await page.goto(`/skus/${sku.code}`);
    await expect(page.getByTestId('sku-code')).toHaveText(sku.code);

    const promotionRow = page.locator(`[data-testid="sku-promotion-row"][data-campaign="${campaign}"]`);
    await expect(promotionRow).toBeVisible({ timeout: 15_000 });
    const baselineShown = await quantityIn(promotionRow.getByTestId('promotion-baseline'));
    const forecastShown = await quantityIn(promotionRow.getByTestId('promotion-forecast'));
    expect(forecastShown).toBeGreaterThan(baselineShown);
    expect(forecastShown).toBeGreaterThan(forecastBefore * 1.2);

    // The forecast explains itself, and each promotion day of the chart's table is above its baseline.
    await expect(page.getByTestId('forecast-driver').filter({ hasText: campaign })).toBeVisible();
    for (let offset = 0; offset < 7; offset += 1) {
      const day = page.locator(
        `[data-testid="demand-forecast-row"][data-day="${addDays(week.startsOn, offset)}"]`,
      );
      expect(await quantityIn(day.getByTestId('forecast-value'))).toBeGreaterThan(
        await quantityIn(day.getByTestId('baseline-value')),
      );
    }
  } finally {
    if (promotionId) {
      await graphql('mutation ($id: ID!) { deletePromotion(id: $id) }', { id: promotionId }, marketing.token);
    }
  }
});
