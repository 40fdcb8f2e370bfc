import { describe, expect, it } from 'vitest';
import {
  daysUntilStockout,
  proposalStatusLabel,
  proposalValueCents,
  rejectionReasonProblem,
  sortQueue,
} from './supply-purchase-orders';

const proposal = (id: string, projectedStockoutOn: string | null, triggerDay = '2026-11-27') => ({
  id,
  quantity: 120,
  unitCostCents: 1_250,
  projectedStockoutOn,
  triggerDay,
  createdAt: '2026-11-27T06:00:00Z',
});

describe('purchase order proposals', () => {
  it('values a proposal at quantity times unit cost', () => {
    expect(proposalValueCents(proposal('a', null))).toBe(150_000);
  });

  it('counts the days left to the projected stock-out', () => {
    expect(daysUntilStockout(proposal('a', '2026-12-01'), '2026-11-27')).toBe(4);
    expect(daysUntilStockout(proposal('a', null), '2026-11-27')).toBeNull();
  });

  it('queues the soonest stock-out first and proposals without one last', () => {
    const queue = sortQueue([
      proposal('none', null),
      proposal('late', '2026-12-09'),
      proposal('soon', '2026-11-30'),
      proposal('soon-earlier-trigger', '2026-11-30', '2026-11-26'),
    ]);
    expect(queue.map((entry) => entry.id)).toEqual(['soon-earlier-trigger', 'soon', 'late', 'none']);
  });

  it('asks for a reason to reject', () => {
    expect(rejectionReasonProblem('  ')).toMatch(/why/);
    expect(rejectionReasonProblem('x'.repeat(501))).toMatch(/500/);
    expect(rejectionReasonProblem('Supplier on holiday until January')).toBeNull();
  });

  it('spells statuses and keeps unknown ones as sent', () => {
    expect(proposalStatusLabel('APPROVED')).toBe('Approved');
    expect(proposalStatusLabel('ON_HOLD')).toBe('ON_HOLD');
  });
});
