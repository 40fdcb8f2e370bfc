import { describe, expect, it } from 'vitest';
import { createBackbone } from './index';

describe('createBackbone', () => {
  it('uses NATS when natsUrl is set, and says what to do when it is unreachable', async () => {
    await expect(
      createBackbone({ databaseUrl: 'postgres://127.0.0.1:1/unused', natsUrl: 'nats://127.0.0.1:1' }),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.stringMatching(/unset NATS_URL/),
    });
  });

  it('uses PostgreSQL otherwise, connecting lazily', async () => {
    const backbone = await createBackbone({ databaseUrl: 'postgres://127.0.0.1:1/unused' });
    await expect(backbone.publish([])).resolves.toBeUndefined();
    await backbone.close();
  });
});
