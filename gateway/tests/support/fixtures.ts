import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';

export interface SkuWorld {
  tenantId: string;
  skuId: string;
  skuCode: string;
  skuName: string;
  shipmentReference: string;
  exceptionTitle: string;
}

let counter = 0;
/** A distinct 8-character A–Z0–9 code per call. */
function nextCode(prefix: string): string {
  counter += 1;
  return `${prefix}${String(Date.now() % 100_000).padStart(5, '0')}${counter}`.slice(0, 8).padEnd(8, '0');
}

/** One tenant with a SKU that has stock at two locations, one inbound shipment and one open exception. */
export async function createSkuWorld(prisma: PrismaClient): Promise<SkuWorld> {
  const tenantId = randomUUID();
  const suffix = tenantId.slice(0, 8);
  await prisma.tenant.create({ data: { id: tenantId, slug: `t-${suffix}`, name: `Tenant ${suffix}` } });
  const family = await prisma.skuFamily.create({
    data: { tenantId, code: `FAM-${suffix}`, name: 'Trail tees' },
  });
  const skuCode = nextCode('GW');
  const sku = await prisma.sku.create({
    data: {
      tenantId,
      code: skuCode,
      gtin: `0${String(Date.now()).slice(-12)}`,
      name: 'Trailhead tee, green, M',
      familyId: family.id,
    },
  });
  const [dc, store] = await Promise.all(
    (['DC', 'STORE'] as const).map((type) =>
      prisma.location.create({
        data: { tenantId, code: `${type}-${suffix}`, name: `${type} ${suffix}`, type, region: 'US-W' },
      }),
    ),
  );
  await prisma.inventoryPosition.createMany({
    data: [
      { tenantId, skuId: sku.id, locationId: dc!.id, onHand: 120 },
      { tenantId, skuId: sku.id, locationId: store!.id, onHand: 7 },
    ],
  });
  const carrier = await prisma.carrier.create({
    data: { tenantId, code: `CAR-${suffix}`, name: 'Fast Freight', scac: 'FFRT' },
  });
  const shipmentReference = `INB-${suffix}`;
  const departure = new Date();
  await prisma.shipment.create({
    data: {
      tenantId,
      reference: shipmentReference,
      carrierId: carrier.id,
      originLocationId: dc!.id,
      destinationLocationId: store!.id,
      status: 'IN_TRANSIT',
      direction: 'INBOUND',
      plannedDeparture: departure,
      plannedArrival: new Date(departure.getTime() + 86_400_000),
      lines: { create: [{ skuId: sku.id, quantity: 48 }] },
    },
  });
  const exceptionTitle = `Stock low for ${skuCode}`;
  await prisma.exception.create({
    data: {
      tenantId,
      kind: 'STOCKOUT_RISK',
      severity: 'HIGH',
      title: exceptionTitle,
      skuId: sku.id,
      slaDueAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { tenantId, skuId: sku.id, skuCode, skuName: sku.name, shipmentReference, exceptionTitle };
}
