export * from './domain-events';
export * from './gtin';
export {
  MAPPING_KINDS,
  type MappingError,
  type MappingErrorCode,
  type MappingKind,
  type MappingResult,
  type MappingTable,
  mappingsInForce,
  mapSourceRecord,
  type SourceMappingRule,
} from './mapping/source-mapping';
export { jsonSchemaText, type SchemaIndex, schemaIndex } from './publishing/json-schema';
export { SCHEMA_VERSIONS, type SchemaVersion, schemaPath } from './publishing/registry';
export { EVENT_TYPES, type EventType } from './transactions/event-types';
export { describeIssues, type FieldIssue } from './transactions/issues';
export { toV1, toV2 } from './transactions/transform';
export { type CanonicalTransactionV1, canonicalTransactionV1 } from './transactions/v1';
export { type CanonicalTransactionV2, canonicalTransactionV2 } from './transactions/v2';
export { UOM_CODES, uom } from './units/uom';
