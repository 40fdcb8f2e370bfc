/** Ports of their own, so a benchmark never collides with `npm start` or a test run. */
export const BENCH_PORTS = {
  ourGateway: 24_000,
  stockGateway: 24_010,
  ingest: 24_006,
  embeddedPostgres: 5444,
  subgraphs: { catalog: 24_001, supply: 24_002, logistics: 24_003, quality: 24_004, security: 24_005 },
} as const;
