import { describe, expect, it } from 'vitest';
import { decidePolicyChange, reorderPointVariance } from './governance';

const figures = (reorderPoint: number) => ({ reorderPoint, safetyStock: 10, orderQuantity: 100 });

describe('policy change governance', () => {
  it('applies the first policy of a position directly', () => {
    expect(
      decidePolicyChange({
        current: null,
        pendingApproval: false,
        rejectedReorderPoint: null,
        next: figures(500),
      }).kind,
    ).toBe('APPLY');
  });

  it('applies a reorder point move of up to 5 % and proposes anything larger', () => {
    const decide = (next: number) =>
      decidePolicyChange({
        current: figures(200),
        pendingApproval: false,
        rejectedReorderPoint: null,
        next: figures(next),
      });
    expect(decide(210)).toEqual({ kind: 'APPLY', variance: 0.05 });
    expect(decide(190).kind).toBe('APPLY');
    expect(decide(211).kind).toBe('PROPOSE');
    expect(decide(189).kind).toBe('PROPOSE');
  });

  it('keeps the policy while a proposal waits, and does not ask again about a change just rejected', () => {
    expect(
      decidePolicyChange({
        current: figures(200),
        pendingApproval: true,
        rejectedReorderPoint: null,
        next: figures(300),
      }),
    ).toMatchObject({ kind: 'KEEP', reason: 'PENDING_APPROVAL' });
    expect(
      decidePolicyChange({
        current: figures(200),
        pendingApproval: false,
        rejectedReorderPoint: 300,
        next: figures(305),
      }),
    ).toMatchObject({ kind: 'KEEP', reason: 'REJECTED_BEFORE' });
    expect(
      decidePolicyChange({
        current: figures(200),
        pendingApproval: false,
        rejectedReorderPoint: 300,
        next: figures(400),
      }).kind,
    ).toBe('PROPOSE');
  });

  it('treats a move away from 0 as infinite', () => {
    expect(reorderPointVariance(0, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(reorderPointVariance(0, 0)).toBe(0);
  });
});
