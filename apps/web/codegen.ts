import type { CodegenConfig } from '@graphql-codegen/cli';
import { apiSchema } from './scripts/api-schema';

/**
 * `pnpm --filter @meridian/web codegen` types every operation in graphql/*.ts against the gateway's API
 * schema and writes graphql/generated/ (committed); `… codegen --check` fails when that folder is stale.
 */
const config: CodegenConfig = {
  schema: apiSchema(),
  documents: ['graphql/*.ts'],
  generates: {
    'graphql/generated/': {
      preset: 'client',
      // Components read query results directly; fragments only share selections between operations.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
