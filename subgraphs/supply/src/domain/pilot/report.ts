import type { PilotKpis, PilotResult } from './simulate';

const LABELS: Record<keyof PilotKpis, { label: string; format: (value: number) => string }> = {
  stockoutSkuDays: { label: 'Stock-out SKU-days', format: (v) => v.toFixed(1) },
  fillRate: { label: 'Fill rate', format: (v) => `${(v * 100).toFixed(2)} %` },
  averageInventoryUnits: { label: 'Average inventory (units)', format: (v) => v.toFixed(0) },
  carryingCostCents: {
    label: 'Carrying cost (pilot days)',
    format: (v) => `$${(v / 100).toFixed(0)}`,
  },
  forecastWape: { label: 'Forecast WAPE', format: (v) => `${(v * 100).toFixed(1)} %` },
  purchaseOrders: { label: 'Purchase orders raised', format: (v) => v.toFixed(1) },
};

const signed = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(1)} %`;

/** The KPI table the pilot prints: mean ± standard deviation over seeds per policy, and the relative change. */
export function formatPilotTable(result: PilotResult): string {
  const rows = (Object.keys(LABELS) as Array<keyof PilotKpis>).map((kpi) => {
    const { label, format } = LABELS[kpi];
    return [
      label,
      `${format(result.baselineMean[kpi])} ± ${format(result.baselineSpread[kpi])}`,
      `${format(result.meridianMean[kpi])} ± ${format(result.meridianSpread[kpi])}`,
      signed(result.relativeChange[kpi]),
      seedRange(result, kpi),
    ];
  });
  const header = [
    'KPI (mean ± sd over seeds)',
    'Baseline',
    'Meridian',
    'Change',
    'Change per seed (min … max)',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The relative change seed by seed, so a mean carried by one lucky seed shows. */
function seedRange(result: PilotResult, kpi: keyof PilotKpis): string {
  const changes = result.seeds.map(({ baseline, meridian }) =>
    baseline[kpi] === 0
      ? meridian[kpi] === 0
        ? 0
        : Math.sign(meridian[kpi])
      : (meridian[kpi] - baseline[kpi]) / Math.abs(baseline[kpi]),
  );
  return `${signed(Math.min(...changes))} … ${signed(Math.max(...changes))}`;
}
