export { canonicalRecordSchema, type RecordSchema } from './canonical-record';
export { type SkuCodesByGtinLookup, skuCodesByGtinLookup } from './catalog/catalog-store';
export { countsOf, type MinuteCounts } from './counters/minute-counter';
export {
  readTransactionReceived,
  TRANSACTION_RECEIVED,
  type TransactionReceivedData,
  transactionReceivedData,
} from './event-data';
export { IDEMPOTENCY_KEY_TTL_MS, purgeExpiredKeys, tryLockKey } from './idempotency/idempotency-store';
export { requestHash } from './idempotency/request-hash';
export {
  type BulkWriteOutcome,
  type BulkWriteRequest,
  createTransactionIngestor,
  DEDUP_WINDOW_MS,
  eventSourceOf,
  type IngestHooks,
  type RecordValidation,
  type Submission,
  type TransactionIngestor,
  type TransactionIngestorOptions,
} from './ingestor';
export {
  mappingIssues,
  type SourceMappingLookup,
  SourceMappings,
  type SourceMappingsOptions,
  sourceMappingLookup,
} from './mapping/source-mappings';
export { readValidationMode } from './policy/policy-store';
export { MAX_QUARANTINED_RECORD_CHARS, type RecordPreview } from './quarantine/quarantine-rows';
export {
  findQuarantined,
  lockQuarantined,
  markDiscarded,
  markReplayed,
  type QuarantineStatus,
} from './quarantine/quarantine-store';
export {
  type BulkWriteBody,
  bulkWriteResponse,
  type RecordIssue,
  type RecordResult,
  type RecordStatus,
} from './record-results';
export {
  FUTURE_TOLERANCE_MS,
  RULE_CODES,
  type RuleCode,
  VALIDATION_MODES,
  type ValidationMode,
} from './validation/rules';
