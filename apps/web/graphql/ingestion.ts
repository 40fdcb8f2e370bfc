import { graphql } from './generated';

// Result types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export type {
  ConsumerLagFragment as ConsumerLag,
  DeadLetterEntryFragment as DeadLetterEntry,
  EventRetentionSettingFragment as EventRetentionSetting,
  IngestValidationMode,
  IssueFragment as Issue,
  QuarantineEntryFragment as QuarantineEntry,
  QuarantineStatus,
  ThroughputMinuteFragment as ThroughputMinute,
} from './generated/graphql';

export const THROUGHPUT_MINUTES = 60;
export const QUARANTINE_PAGE_SIZE = 50;
export const DEAD_LETTERS_SHOWN = 50;

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

graphql(`
  fragment ConsumerLag on ConsumerLag {
    consumer
    lag
    pendingRetries
    deadLetters
  }
`);

graphql(`
  fragment DeadLetterEntry on DeadLetter {
    id
    consumer
    eventId
    eventType
    correlationId
    attempts
    errorCode
    lastError
    deadAt
    replayedAt
  }
`);

graphql(`
  fragment EventRetentionSetting on EventRetention {
    days
    isDefault
    minDays
    maxDays
    updatedAt
  }
`);

export const IngestionDashboardQuery = graphql(`
  query IngestionDashboard($minutes: Int!) {
    ingestionStatus {
      validationMode
      eventRetention {
        ...EventRetentionSetting
      }
      throughput(minutes: $minutes) {
        ...ThroughputMinute
      }
      rejectsByReason {
        code
        field
        count
      }
      consumers {
        ...ConsumerLag
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

export const SetEventRetentionMutation = graphql(`
  mutation SetEventRetention($days: Int!) {
    setEventRetention(days: $days) {
      ...EventRetentionSetting
    }
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

export const DeadLettersQuery = graphql(`
  query DeadLetters($first: Int!) {
    deadLetters(first: $first) {
      ...DeadLetterEntry
    }
  }
`);

export const DeadLetterQuery = graphql(`
  query DeadLetter($id: ID!) {
    deadLetter(id: $id) {
      ...DeadLetterEntry
      payloadJson
    }
  }
`);

export const ReplayDeadLetterMutation = graphql(`
  mutation ReplayDeadLetter($id: ID!) {
    replayDeadLetter(id: $id) {
      ...DeadLetterEntry
    }
  }
`);
