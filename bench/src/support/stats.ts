/** The q-th percentile (0..100) of `samples`, nearest-rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((q / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Prints rows as an aligned text table (first row is the header). */
export function printTable(rows: ReadonlyArray<ReadonlyArray<string>>): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: ReadonlyArray<string>) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const [header, ...body] = rows;
  if (!header) return;
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(line(row));
}

/** The q-th percentile (0..100) of `samples` where sample i counts `weights[i]` times, nearest-rank. */
export function weightedPercentile(
  samples: readonly number[],
  weights: readonly number[],
  q: number,
): number {
  const pairs = samples
    .map((sample, index) => [sample, weights[index] ?? 0] as const)
    .filter(([, w]) => w > 0);
  const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) return Number.NaN;
  pairs.sort((a, b) => a[0] - b[0]);
  const rank = Math.min(total, Math.max(1, Math.ceil((q / 100) * total)));
  let seen = 0;
  for (const [sample, weight] of pairs) {
    seen += weight;
    if (seen >= rank) return sample;
  }
  return pairs[pairs.length - 1]?.[0] ?? Number.NaN;
}
