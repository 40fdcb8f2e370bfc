import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: '@meridian/web', include: ['**/*.test.ts'], exclude: ['node_modules/**', '.next/**'] },
});
