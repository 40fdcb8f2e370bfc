import { defineConfig } from 'prisma/config';

// Paths are relative to this file. The URL is optional so that `prisma generate` works without a
// database; `prisma migrate deploy` (where Prisma's native engine can be downloaded) needs it.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations', seed: 'tsx seed/main.ts' },
  datasource: { url: process.env.DATABASE_URL },
});
