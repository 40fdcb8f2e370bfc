import { expect, test } from '@playwright/test';
import { count, percent } from '../support/format';
import { graphql, signInThroughApi } from '../support/gateway';
import { signInThroughForm } from '../support/sign-in';

interface Kpis {
  me: {
    tenant: {
      inventoryKpis: {
        fillRate: number;
        skusAtStockoutRisk: number;
        skuCount: number;
        fillRateTrend: { day: string }[];
      };
      shippingKpis: { onTimeRate: number };
      exceptionKpis: { open: number; openBySeverity: { severity: string; count: number }[] };
    };
  };
}

const kpiQuery = `{
  me { tenant {
    inventoryKpis { fillRate skusAtStockoutRisk skuCount fillRateTrend(days: 30) { day } }
    shippingKpis { onTimeRate }
    exceptionKpis { open openBySeverity { severity count } }
  } }
}`;

test('a planner sees KPI tiles and a 30-day trend that match what the API computes from the seed', async ({
  page,
}) => {
  const { token } = await signInThroughApi('planner');
  await signInThroughForm(page, 'planner');

  // Other journeys (or live traffic) may move the figures between the two reads: compare against a
  // fresh API answer until the page and the API agree.
  await expect(async () => {
    const { inventoryKpis, shippingKpis, exceptionKpis } = (await graphql<Kpis>(kpiQuery, {}, token)).me
      .tenant;
    expect(inventoryKpis.skuCount, 'the seed should have created SKUs').toBeGreaterThan(0);

    await expect(page.getByTestId('kpi-fill-rate-value')).toHaveText(percent(inventoryKpis.fillRate), {
      timeout: 500,
    });
    await expect(page.getByTestId('kpi-on-time-value')).toHaveText(percent(shippingKpis.onTimeRate), {
      timeout: 500,
    });
    await expect(page.getByTestId('kpi-stockout-risk-value')).toHaveText(
      count(inventoryKpis.skusAtStockoutRisk),
      {
        timeout: 500,
      },
    );
    await expect(page.getByTestId('kpi-stockout-risk-detail')).toHaveText(
      `of ${count(inventoryKpis.skuCount)} SKUs`,
      {
        timeout: 500,
      },
    );
    await expect(page.getByTestId('kpi-open-exceptions-value')).toHaveText(count(exceptionKpis.open), {
      timeout: 500,
    });
    for (const { severity, count: open } of exceptionKpis.openBySeverity) {
      await expect(page.getByTestId(`open-${severity.toLowerCase()}`)).toContainText(count(open), {
        timeout: 500,
      });
    }

    await expect(page.getByTestId('fill-rate-table').locator('tbody tr')).toHaveCount(
      inventoryKpis.fillRateTrend.length,
      { timeout: 500 },
    );
  }).toPass({ timeout: 20_000 });

  await expect(page.getByTestId('fill-rate-trend').locator('.recharts-area-curve')).toBeVisible();
});
