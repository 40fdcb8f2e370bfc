import type { z } from 'zod';
import { canonicalTransactionV1 } from '../transactions/v1';
import { canonicalTransactionV2 } from '../transactions/v2';

/**
 * Every schema version Meridian publishes at `/schemas/<name>/<version>.json`. A published version is
 * immutable: its committed JSON Schema must never change (the contract test and `generate --check` fail
 * if it would), because integrators validate against it. To change a schema, add a version: a minor one
 * for an additive change, a major one (with transformers to and from the previous major) for a breaking one.
 * `published: false` marks a version still being drafted; its file may change until it is published.
 */
export interface SchemaVersion {
  name: string;
  version: string;
  published: boolean;
  schema: z.ZodType;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { name: 'canonical-transaction', version: '1.0.0', published: true, schema: canonicalTransactionV1 },
  { name: 'canonical-transaction', version: '2.0.0', published: true, schema: canonicalTransactionV2 },
];

export const schemaPath = (name: string, version: string) => `/schemas/${name}/${version}.json`;
