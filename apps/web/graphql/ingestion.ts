import { graphql } from './generated';

// Result types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export type {
  IngestValidationMode,
  IssueFragment as Issue,
  QuarantineEntryFragment as QuarantineEntry,
  QuarantineStatus,
  ThroughputMinuteFragment as ThroughputMinute,
} from './generated/graphql';

export const THROUGHPUT_MINUTES = 60;
export const QUARANTINE_PAGE_SIZE = 50;

graphql(`
  fragment Issue on RecordIssue {
    field
    code
    message
  }
`);

graphql(`
  fragment ThroughputMinute on IngestionMinute {
    minute
    accepted
    duplicates
    rejected
    warned
  }
`);

graphql(`
  fragment QuarantineEntry on QuarantinedRecord {
    id
    channel
    transactionId
    correlationId
    sourceSystem
    recordJson
    reasons {
      ...Issue
    }
    status
    quarantinedAt
    resolvedAt
    replayedTransactionId
  }
`);

export const IngestionDashboardQuery = graphql(`
  query IngestionDashboard($minutes: Int!) {
    ingestionStatus {
      validationMode
      throughput(minutes: $minutes) {
        ...ThroughputMinute
      }
      rejectsByReason {
        code
        field
        count
      }
    }
  }
`);

export const QuarantineListQuery = graphql(`
  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {
    quarantinedRecords(status: $status, first: $first) {
      totalCount
      edges {
        node {
          ...QuarantineEntry
        }
      }
    }
  }
`);

export const QuarantineRecordQuery = graphql(`
  query QuarantineRecord($id: ID!) {
    quarantinedRecord(id: $id) {
      ...QuarantineEntry
    }
  }
`);

export const SetIngestValidationModeMutation = graphql(`
  mutation SetIngestValidationMode($mode: IngestValidationMode!) {
    setIngestValidationMode(mode: $mode)
  }
`);

export const CorrectQuarantinedRecordMutation = graphql(`
  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {
    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {
      record {
        ...QuarantineEntry
      }
      issues {
        ...Issue
      }
      warnings {
        ...Issue
      }
    }
  }
`);

export const DiscardQuarantinedRecordMutation = graphql(`
  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {
    discardQuarantinedRecord(id: $id, reason: $reason) {
      ...QuarantineEntry
    }
  }
`);
