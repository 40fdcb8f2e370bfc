import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import {
  type SkuCodesByGtinLookup,
  SourceMappings,
  type Submission,
  skuCodesByGtinLookup,
  sourceMappingLookup,
  type TransactionIngestor,
} from '@meridian/ingestion';
import type { Logger } from '@meridian/observability';
import { type CaptureCodes, gtinsOf, inTenantCodes } from './catalog-codes';
import { EPCIS_SOURCE_SYSTEM, type EventError, mapEpcisEvents } from './map-events';

export type CaptureErrorBehaviour = 'rollback' | 'proceed';
export type CaptureStatus = 'running' | 'succeeded' | 'failed';

export interface CaptureJobView {
  id: string;
  status: CaptureStatus;
  errorBehaviour: CaptureErrorBehaviour;
  counts: {
    events: number;
    eventsRejected: number;
    transactionsAccepted: number;
    transactionsDuplicate: number;
  };
  errors: EventError[];
  createdAt: string;
  finishedAt: string | null;
}

type JobRow = Awaited<ReturnType<PrismaClient['captureJob']['findFirst']>> & {};

function viewOf(row: JobRow): CaptureJobView {
  return {
    id: row.id,
    status: row.status as CaptureStatus,
    errorBehaviour: row.errorBehaviour as CaptureErrorBehaviour,
    counts: {
      events: row.eventCount,
      eventsRejected: row.rejectedCount,
      transactionsAccepted: row.acceptedCount,
      transactionsDuplicate: row.duplicateCount,
    },
    errors: row.errors as unknown as EventError[],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * EPCIS capture jobs. A job row (with the document) is committed first, then the events are mapped and
 * their canonical transactions go through the bulk write path (with `proceed`, rejected events and
 * transactions are quarantined in the same write) under the Idempotency-Key
 * `epcis-capture:<job id>`: appended in one transaction, deduplicated by transaction id. If the process
 * dies in between, `resumeUnfinished` runs the job again and the key makes the second run a replay.
 */
/** Why a valid transaction of a refused event is quarantined with it. */
function withheldIssue(event: { eventID: string | null; index: number }) {
  return {
    field: 'event',
    code: 'EVENT_REJECTED',
    message: `Another transaction of EPCIS event ${event.eventID ?? event.index} was invalid, so none of the event's was captured; replay this one unchanged once that one is corrected.`,
  };
}

export function createCaptureService(options: {
  prisma: PrismaClient;
  ingestor: TransactionIngestor;
  logger: Logger;
  /** The tenants' `epcis` mapping rules (default: read from the catalog, cached a few seconds). */
  mappings?: SourceMappings;
  /** SKU codes by GTIN (default: read from the catalog). */
  skuCodesByGtin?: SkuCodesByGtinLookup;
}) {
  const { prisma, ingestor, logger } = options;
  const mappings = options.mappings ?? new SourceMappings(sourceMappingLookup(prisma));
  const skuCodesByGtin = options.skuCodesByGtin ?? skuCodesByGtinLookup(prisma);

  async function run(job: { id: string; tenantId: string; errorBehaviour: string; eventList: unknown[] }) {
    const mapped = mapEpcisEvents(job.eventList, job.tenantId);
    const gs1Transactions = mapped.flatMap((event) => (event.ok ? event.transactions : []));
    const codes: CaptureCodes = {
      mappings: await mappings.inForce(job.tenantId, EPCIS_SOURCE_SYSTEM),
      skuCodeByGtin: await skuCodesByGtin(job.tenantId, gtinsOf(gs1Transactions)),
    };
    const resolved = mapped.map((event) =>
      event.ok
        ? {
            ...event,
            transactions: event.transactions.map((transaction) => inTenantCodes(transaction, codes)),
          }
        : event,
    );
    const errors: EventError[] = [];
    // The write path's own checks (schema and the tenant's rules) up front, so that rollback refuses the
    // whole document before anything is appended.
    const toValidate = resolved.flatMap((event) =>
      event.ok
        ? event.transactions.filter((item) => item.errors.length === 0).map((item) => item.record)
        : [],
    );
    const validations = toValidate.length > 0 ? await ingestor.validate(job.tenantId, toValidate) : [];
    // Every event becomes submissions: with proceed, the rejected ones are quarantined with the rest of the write.
    const submissions: Submission[] = [];
    const eventOfSubmission: number[] = [];
    let validated = 0;
    for (const event of resolved) {
      if (!event.ok) {
        const { ok: _ok, ...error } = event;
        errors.push(error);
        submissions.push({
          record: undefined,
          received: job.eventList[event.index],
          errors: [{ field: 'event', code: event.reason, message: event.message }],
        });
        eventOfSubmission.push(event.index);
        continue;
      }
      // A transaction whose GS1 keys the tenant's mappings refuse is invalid like one the rules refuse.
      const checks = event.transactions.map((item) =>
        item.errors.length > 0 ? { errors: item.errors } : (validations[validated++] ?? { errors: [] }),
      );
      const invalid = checks.find((check) => check.errors.length > 0);
      if (invalid) {
        const issue = invalid.errors[0];
        errors.push({
          index: event.index,
          eventID: event.eventID,
          reason: 'CANONICAL_INVALID',
          message: `The event maps to an invalid canonical transaction: ${issue?.field}: ${issue?.message}`,
        });
      }
      for (const [position, item] of event.transactions.entries()) {
        // An event is captured whole or not at all: its valid transactions wait in quarantine beside the invalid one.
        const withheld = invalid !== undefined && (checks[position]?.errors.length ?? 0) === 0;
        const refusal = item.errors.length > 0 ? item.errors : withheld ? [withheldIssue(event)] : null;
        submissions.push(refusal ? { record: item.record, errors: refusal } : { record: item.record });
        eventOfSubmission.push(event.index);
      }
    }

    let accepted = 0;
    let duplicate = 0;
    const appendNothing =
      submissions.length === 0 || (job.errorBehaviour === 'rollback' && errors.length > 0);
    if (!appendNothing) {
      const outcome = await ingestor.ingest({
        tenantId: job.tenantId,
        channel: 'capture',
        idempotency: { key: `epcis-capture:${job.id}`, requestHash: job.id },
        submissions,
      });
      const reported = new Set(errors.map((error) => error.index));
      for (const result of outcome.body.results) {
        if (result.status === 'accepted') accepted++;
        else if (result.status === 'duplicate') duplicate++;
        else {
          const index = eventOfSubmission[result.index] ?? -1;
          if (reported.has(index)) continue;
          reported.add(index);
          errors.push({
            index,
            eventID: mapped[index]?.eventID ?? null,
            reason: 'CANONICAL_INVALID',
            message: result.errors?.[0]?.message ?? 'The canonical transaction was rejected.',
          });
        }
      }
    }
    const rejectedEvents = new Set(errors.map((error) => error.index)).size;
    const failed =
      job.errorBehaviour === 'rollback'
        ? errors.length > 0
        : rejectedEvents === job.eventList.length && rejectedEvents > 0;
    await prisma.captureJob.update({
      where: { id: job.id },
      data: {
        status: failed ? 'failed' : 'succeeded',
        document: Prisma.DbNull,
        acceptedCount: accepted,
        duplicateCount: duplicate,
        rejectedCount: rejectedEvents,
        errors: errors.sort((a, b) => a.index - b.index) as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
  }

  /** Records the job, then runs it; the job is durable before any event is appended. */
  async function capture(request: {
    tenantId: string;
    errorBehaviour: CaptureErrorBehaviour;
    document: { epcisBody: { eventList: unknown[] } };
  }): Promise<CaptureJobView> {
    const id = randomUUID();
    const { eventList } = request.document.epcisBody;
    await prisma.captureJob.create({
      data: {
        id,
        tenantId: request.tenantId,
        status: 'running',
        errorBehaviour: request.errorBehaviour,
        document: request.document as Prisma.InputJsonValue,
        eventCount: eventList.length,
      },
    });
    try {
      await run({ id, tenantId: request.tenantId, errorBehaviour: request.errorBehaviour, eventList });
    } catch (error) {
      // The job stays `running` with its document; resumeUnfinished finishes it.
      logger.error({ err: error, captureJobId: id }, 'capture job interrupted; it will be resumed');
    }
    return (await findJob(request.tenantId, id)) as CaptureJobView;
  }

  async function findJob(tenantId: string, id: string): Promise<CaptureJobView | null> {
    const row = await prisma.captureJob.findFirst({ where: { id, tenantId } });
    return row ? viewOf(row) : null;
  }

  /** Runs again the jobs still `running` that started more than `olderThanMs` ago (a crash or a lost database). */
  async function resumeUnfinished(olderThanMs = 60_000): Promise<number> {
    const jobs = await prisma.captureJob.findMany({
      where: { status: 'running', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
      take: 100,
    });
    let resumed = 0;
    for (const job of jobs) {
      const eventList =
        (job.document as { epcisBody?: { eventList?: unknown[] } } | null)?.epcisBody?.eventList ?? [];
      try {
        await run({ id: job.id, tenantId: job.tenantId, errorBehaviour: job.errorBehaviour, eventList });
        resumed++;
      } catch (error) {
        // 409: another instance is running it right now.
        if (!(error instanceof MeridianError && error.code === ErrorCode.CONFLICT)) {
          logger.warn({ err: error, captureJobId: job.id }, 'resuming capture job failed; retried later');
        }
      }
    }
    return resumed;
  }

  return { capture, findJob, resumeUnfinished };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
