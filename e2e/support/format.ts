// How the control tower is expected to write figures: a percentage with one decimal and grouped
// whole numbers (en-US). Written here rather than imported from the app, so a formatting
// regression in the app fails the journeys instead of being mirrored by them.
const percentFormat = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function percent(ratio: number): string {
  return percentFormat.format(ratio);
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}
