import { randomBytes } from 'node:crypto';
import { type Identity, requireRole } from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import type { EventBackbone } from '@meridian/events';
import { z } from 'zod';
import { createSandbox, dropSandboxesCreatedBefore } from '../store/sandboxes';
import { applyIngestedTransactions, TRANSACTION_RECEIVED } from './ingested-transactions';

const DAY_MS = 86_400_000;
/** The audit trail's largest page: a correlation with more events cannot be replayed whole. */
const MAX_EVENTS = 1000;

const replayInput = z.object({
  correlationId: z
    .string()
    .regex(/^[\x21-\x7E]{1,128}$/, 'correlationId is 1–128 printable ASCII characters without spaces'),
});

export interface SandboxReplay {
  sandbox: string;
  eventsReplayed: number;
  positions: Array<{ skuId: string; locationId: string; onHandBefore: number; onHandAfter: number }>;
}

/**
 * Replays every ingested transaction of one correlation id against a copy of the caller's supply data, with
 * the live applier, and reports what it would do to stock. The copy starts from the tenant's current state,
 * so a transaction the live ledger already holds is not applied again (a replay of events already applied
 * shows no change); live data and the backbone are never written. Sandboxes older than a day are dropped.
 */
export async function replayCorrelationInSandbox(
  prisma: PrismaClient,
  backbone: EventBackbone,
  identity: Identity,
  rawInput: unknown,
): Promise<SandboxReplay> {
  const { tenantId } = requireRole(identity, 'analyst', 'planner');
  const { correlationId } = replayInput.parse(rawInput);
  const trail = await backbone.audit.trail({ tenantId, correlationId, limit: MAX_EVENTS });
  if (trail.length >= MAX_EVENTS) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `That correlation id has ${MAX_EVENTS} events or more; a sandbox replays at most ${MAX_EVENTS - 1}.`,
      { field: 'correlationId' },
    );
  }
  const events = trail.map((entry) => entry.event).filter((event) => event.type === TRANSACTION_RECEIVED);
  if (events.length === 0) {
    throw new MeridianError(
      ErrorCode.NOT_FOUND,
      'No ingested transaction in your tenant carries that correlation id; check it against the sender’s record.',
      { field: 'correlationId' },
    );
  }

  const now = new Date();
  await dropSandboxesCreatedBefore(prisma, new Date(now.getTime() - DAY_MS));
  const sandbox = `sandbox_${randomBytes(6).toString('hex')}`;
  const applied = await prisma.$transaction(
    async (tx) => {
      await createSandbox(tx, sandbox, tenantId, now);
      return applyIngestedTransactions(tx, sandbox, events);
    },
    { timeout: 120_000 },
  );
  return {
    sandbox,
    eventsReplayed: events.length,
    positions: applied.positions.map(({ skuId, locationId, before, after }) => ({
      skuId,
      locationId,
      onHandBefore: before,
      onHandAfter: after,
    })),
  };
}
