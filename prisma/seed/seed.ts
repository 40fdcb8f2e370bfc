import { hashPassword } from '@meridian/auth';
import { Prisma, type PrismaClient } from '@meridian/db';
import { demoPassword, demoTenant } from './demo';
import { insertInventoryPositionDays } from './replenishment';
import { buildDemoWorld, startOfUtcDay } from './world';

export interface SeedResult {
  /** False when the demo tenant already existed and nothing was written. */
  created: boolean;
  /** Rows written per table (empty when nothing was written). */
  counts: Record<string, number>;
}

export interface SeedOptions {
  /** Day the demo world is built around: demand history ends the day before. Defaults to the current UTC date. */
  today?: Date;
}

/**
 * Writes the demo world (tenant `demo`, "Northwind Outfitters") in one transaction, so a failed
 * or interrupted run leaves nothing behind. Skips when the demo tenant already exists.
 */
export async function seedDemoWorld(
  prisma: PrismaClient,
  { today = new Date() }: SeedOptions = {},
): Promise<SeedResult> {
  const skipped: SeedResult = { created: false, counts: {} };
  if (await prisma.tenant.findUnique({ where: { slug: demoTenant.slug } })) return skipped;

  const world = buildDemoWorld(startOfUtcDay(today));
  // argon2 is deliberately slow: hash before the transaction opens. Each user gets its own salt.
  const passwordHashes = await Promise.all(world.users.map(() => hashPassword(demoPassword)));

  try {
    const counts = await prisma.$transaction(
      async (tx) => {
        await tx.tenant.create({ data: world.tenant });
        // Roles are global; another tenant's seed or the security service may have created them.
        await tx.role.createMany({ data: world.roles, skipDuplicates: true });
        const roleIds = new Map(
          (await tx.role.findMany({ where: { name: { in: world.roles.map((role) => role.name) } } })).map(
            (role) => [role.name, role.id],
          ),
        );
        const written = {
          users: await tx.user.createMany({
            data: world.users.map((user, index) => ({ ...user, passwordHash: passwordHashes[index]! })),
          }),
          userRoles: await tx.userRole.createMany({
            data: world.userRoles.map(({ userId, role }) => ({ userId, roleId: roleIds.get(role)! })),
          }),
          // Parents before children: the stores point at the DC.
          locations: await tx.location.createMany({
            data: [...world.locations].sort(
              (a, b) => Number(a.parentId != null) - Number(b.parentId != null),
            ),
          }),
          suppliers: await tx.supplier.createMany({ data: world.suppliers }),
          skuFamilies: await tx.skuFamily.createMany({ data: [world.skuFamily] }),
          skus: await tx.sku.createMany({ data: world.skus }),
          carriers: await tx.carrier.createMany({ data: world.carriers }),
          inventoryPositions: await tx.inventoryPosition.createMany({ data: world.inventoryPositions }),
          promotions: await tx.promotion.createMany({ data: [world.promotion] }),
          dailyDemand: await tx.dailyDemand.createMany({ data: world.dailyDemand }),
          shipments: await tx.shipment.createMany({ data: world.shipments }),
          shipmentLines: await tx.shipmentLine.createMany({ data: world.shipmentLines }),
          exceptions: await tx.exception.createMany({ data: world.exceptions }),
          masterRecordVersions: await tx.masterRecordVersion.createMany({ data: world.masterRecordVersions }),
          supplySettings: await tx.supplySettings.createMany({ data: [world.replenishment.supplySettings] }),
          inventoryPositionDays: await insertInventoryPositionDays(
            tx,
            world.replenishment.inventoryPositionDays,
          ),
          purchaseOrderProposals: await tx.purchaseOrderProposal.createMany({
            data: world.replenishment.purchaseOrderProposals,
          }),
        };
        return Object.fromEntries(Object.entries(written).map(([table, { count }]) => [table, count]));
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    return { created: true, counts: { tenants: 1, ...counts } };
  } catch (error) {
    // A concurrent seed created the tenant first: the world exists, which is what was asked for.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      if (await prisma.tenant.findUnique({ where: { slug: demoTenant.slug } })) return skipped;
    }
    throw error;
  }
}
