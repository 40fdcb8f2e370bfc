import { describe, expect, it } from 'vitest';
import { bulkWriteResponse, type RecordResult } from './record-results';

const result = (index: number, status: RecordResult['status']): RecordResult => ({
  index,
  transaction_id: `t${index}`,
  status,
});

describe('bulkWriteResponse', () => {
  it('is 202 with counts when something was accepted', () => {
    const { status, body } = bulkWriteResponse([result(0, 'accepted'), result(1, 'rejected')]);
    expect(status).toBe(202);
    expect(body.summary).toEqual({ accepted: 1, rejected: 1, duplicate: 0 });
    expect(body.code).toBeUndefined();
  });

  it('is 202 for a batch that was already delivered (only duplicates)', () => {
    expect(bulkWriteResponse([result(0, 'duplicate'), result(1, 'rejected')]).status).toBe(202);
  });

  it('is 422 BAD_USER_INPUT when every record was rejected', () => {
    const { status, body } = bulkWriteResponse([result(0, 'rejected'), result(1, 'rejected')]);
    expect(status).toBe(422);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.results).toHaveLength(2);
  });
});
