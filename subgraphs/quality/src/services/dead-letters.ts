import { type Identity, requireRole, requireUser } from '@meridian/auth';
import { ErrorCode, MeridianError } from '@meridian/errors';
import type { DeadLetterRecord, EventBackbone } from '@meridian/events';
import { consumerLag, deadLetterView, eventTrailView } from '../domain/dead-letters';

interface Ports {
  identity: Identity;
  backbone: EventBackbone;
}

const MAX_DEAD_LETTERS = 200;
const CORRELATION_ID = /^[\x21-\x7E]{1,128}$/;

/** The dead letter, if it is the tenant's (another tenant's is answered like a missing one). */
async function tenantLetter(backbone: EventBackbone, tenantId: string, id: string) {
  const letter = await backbone.deadLetters.get(id);
  return letter?.tenantId === tenantId ? letter : null;
}

export async function listDeadLetters({ identity, backbone }: Ports, first: number | null | undefined) {
  const { tenantId } = requireUser(identity);
  const limit = first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DEAD_LETTERS) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_DEAD_LETTERS}.`, {
      field: 'first',
    });
  }
  return (await backbone.deadLetters.list({ tenantId, limit })).map(deadLetterView);
}

export async function findDeadLetter({ identity, backbone }: Ports, id: string) {
  const letter = await tenantLetter(backbone, requireUser(identity).tenantId, id);
  return letter ? deadLetterView(letter) : null;
}

/** Hands the event back to the consumer that gave up on it; the letter is marked replayed. */
export async function replayDeadLetter({ identity, backbone }: Ports, id: string) {
  const { tenantId } = requireRole(identity, 'analyst');
  if (!(await tenantLetter(backbone, tenantId, id))) {
    throw new MeridianError(ErrorCode.NOT_FOUND, `No dead letter ${id} in your tenant.`, { field: 'id' });
  }
  await backbone.deadLetters.replay(id);
  return deadLetterView((await backbone.deadLetters.get(id)) as DeadLetterRecord);
}

export async function eventTrail({ identity, backbone }: Ports, correlationId: string) {
  const { tenantId } = requireUser(identity);
  if (!CORRELATION_ID.test(correlationId)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'correlationId is 1–128 printable ASCII characters without spaces, as sent in correlation_id.',
      { field: 'correlationId' },
    );
  }
  return (await backbone.audit.trail({ tenantId, correlationId, limit: 1000 })).map(eventTrailView);
}

export async function consumersFor(backbone: EventBackbone, tenantId: string) {
  const [stats, letters] = await Promise.all([
    backbone.stats(),
    backbone.deadLetters.list({ tenantId, limit: 1000 }),
  ]);
  return consumerLag(stats.consumers, letters);
}
