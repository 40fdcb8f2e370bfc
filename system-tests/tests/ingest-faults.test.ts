import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAdjustments } from '../support/feed';
import { checkLedger, onHandByPosition } from '../support/ledger';
import { type Pipeline, startPipeline } from '../support/pipeline';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * The ingest pipeline's promise under faults: every accepted event is applied exactly once (lost = 0,
 * duplicate effects = 0), and a message that can never be applied ends in the dead-letter queue without
 * holding up the rest. Real processes, a real PostgreSQL server and (when NATS_URL is set) real NATS.
 */
const until = async (condition: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

async function ledgerRowsOf(pipeline: Pipeline, correlationId: string): Promise<number> {
  const [row] = await pipeline.prisma.$queryRaw<{ rows: number }[]>`
    SELECT count(*)::int AS "rows" FROM "supply"."InventoryMovement" WHERE "correlationId" = ${correlationId}`;
  return row?.rows ?? 0;
}

function faultSuite(name: string, options: { databasePort: number; nats?: boolean }) {
  describe(name, () => {
    let pipeline: Pipeline;
    let proxy: TcpProxy | undefined;

    beforeAll(async () => {
      if (options.nats) {
        const target = new URL(process.env.NATS_URL as string);
        proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 4222) });
      }
      pipeline = await startPipeline({
        name: options.nats ? 'faults-nats' : 'faults-postgres',
        databasePort: options.databasePort,
        natsUrl: proxy ? `nats://127.0.0.1:${proxy.port}` : undefined,
      });
    }, 240_000);

    afterAll(async () => {
      await pipeline?.stop();
      await proxy?.close();
    }, 60_000);

    it('a consumer killed mid-batch: every accepted adjustment is applied exactly once', async () => {
      const before = await onHandByPosition(pipeline);
      const correlationId = `kill-${Date.now()}`;
      const sent = await sendAdjustments(pipeline, {
        records: 6_000,
        correlationId,
        afterBatch: async (batch) => {
          if (batch !== 3) return;
          await until(async () => (await ledgerRowsOf(pipeline, correlationId)) > 0);
          pipeline.killSupply();
          await pipeline.startSupply();
        },
      });
      const check = await checkLedger(pipeline, sent, before);
      expect(check.accepted).toBe(6_000);
      expect(check).toMatchObject({ lost: 0, positionsOff: [], deadLettered: [] });
    }, 240_000);

    it('10 % of every batch re-sent: answered duplicate and applied once', async () => {
      const before = await onHandByPosition(pipeline);
      const sent = await sendAdjustments(pipeline, { records: 3_000, duplicateShare: 0.1 });
      const check = await checkLedger(pipeline, sent, before);
      expect(check.accepted).toBe(3_000);
      expect(check).toMatchObject({ lost: 0, positionsOff: [], deadLettered: [] });
    }, 240_000);

    it('a poison message goes to the dead-letter queue and the rest is applied once', async () => {
      const before = await onHandByPosition(pipeline);
      const sent = await sendAdjustments(pipeline, { records: 1_000, poisonIds: new Set([250]) });
      const check = await checkLedger(pipeline, sent, before);
      expect(check.accepted).toBe(1_000);
      expect(check.deadLettered).toEqual([sent[250]!.transactionId]);
      expect(check).toMatchObject({ lost: 0, positionsOff: [] });
    }, 240_000);

    if (options.nats) {
      it('the NATS connection dropped under load: every accepted adjustment is applied exactly once', async () => {
        const before = await onHandByPosition(pipeline);
        const sent = await sendAdjustments(pipeline, {
          records: 5_000,
          afterBatch: async (batch) => {
            if (batch !== 3) return;
            proxy?.sever();
            await new Promise((resolve) => setTimeout(resolve, 2_000));
            proxy?.restore();
          },
        });
        const check = await checkLedger(pipeline, sent, before);
        expect(check.accepted).toBe(5_000);
        expect(check).toMatchObject({ lost: 0, positionsOff: [], deadLettered: [] });
      }, 240_000);
    } else {
      it('PostgreSQL restarted under load: every accepted adjustment is applied exactly once', async () => {
        const before = await onHandByPosition(pipeline);
        const sent = await sendAdjustments(pipeline, {
          records: 5_000,
          afterBatch: async (batch) => {
            if (batch === 4) await pipeline.restartDatabase({ downMs: 1_500 });
          },
        });
        const check = await checkLedger(pipeline, sent, before);
        expect(check.accepted).toBe(5_000);
        expect(check).toMatchObject({ lost: 0, positionsOff: [], deadLettered: [] });
      }, 240_000);
    }
  });
}

faultSuite('ingest pipeline under faults, PostgreSQL backbone', { databasePort: 5471 });
if (process.env.NATS_URL)
  faultSuite('ingest pipeline under faults, NATS JetStream backbone', { databasePort: 5472, nats: true });
