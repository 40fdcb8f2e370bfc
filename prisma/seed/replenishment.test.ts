import { describe, expect, it } from 'vitest';
import { buildDemoWorld } from './world';

const today = new Date('2026-03-18T00:00:00Z');
const world = buildDemoWorld(today);
const { supplySettings, inventoryPositionDays, purchaseOrderProposals } = world.replenishment;

describe('the demo replenishment rows', () => {
  it('hold 90 evenings of stock per position, ending yesterday at today’s stock, never below zero', () => {
    expect(inventoryPositionDays).toHaveLength(world.inventoryPositions.length * 90);
    expect(inventoryPositionDays.every((row) => row.onHand >= 0)).toBe(true);
    for (const position of world.inventoryPositions) {
      const rows = inventoryPositionDays.filter((row) => row.skuId === position.skuId);
      const newest = rows.reduce((latest, row) => (new Date(row.day) > new Date(latest.day) ? row : latest));
      expect(new Date(newest.day)).toEqual(new Date('2026-03-17T00:00:00Z'));
      expect(newest.onHand).toBe(position.onHand);
    }
  });

  it('price each evening at the SKU’s unit cost', () => {
    const sku = world.skus[0]!;
    const row = inventoryPositionDays.find((candidate) => candidate.skuId === sku.id)!;
    expect(row.valueCents).toBe(BigInt(row.onHand * (sku.unitCostCents ?? 0)));
  });

  it('leave two proposals in the planner’s queue, for the SKUs running out, in whole cases', () => {
    const codes = purchaseOrderProposals.map(
      (proposal) => world.skus.find((sku) => sku.id === proposal.skuId)!.code,
    );
    expect(codes.sort()).toEqual(['THBLKMED', 'THNVYLRG']);
    for (const proposal of purchaseOrderProposals) {
      expect(proposal.status).toBe('PROPOSED');
      expect(proposal.quantity % 12).toBe(0);
      expect(proposal.explanation).toHaveLength(3);
    }
    expect(supplySettings.tenantId).toBe(world.tenant.id);
  });
});
