import { describe, expect, it } from 'vitest';
import { canDecidePurchaseOrders, canEditPromotions } from './supply-roles';

describe('planning roles', () => {
  it('lets marketing and planners edit promotions, not analysts', () => {
    expect(canEditPromotions(['MARKETING'])).toBe(true);
    expect(canEditPromotions(['PLANNER'])).toBe(true);
    expect(canEditPromotions(['ANALYST'])).toBe(false);
  });

  it('lets planners and admins decide purchase orders, not marketing', () => {
    expect(canDecidePurchaseOrders(['PLANNER'])).toBe(true);
    expect(canDecidePurchaseOrders(['ADMIN'])).toBe(true);
    expect(canDecidePurchaseOrders(['MARKETING'])).toBe(false);
  });
});
