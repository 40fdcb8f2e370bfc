import { verifyPassword } from '@meridian/auth';
import { isValidGtin } from '@meridian/canonical';
import { createPrismaClient, type PrismaClient } from '@meridian/db';
import { createScratchDatabase, type ScratchDatabase } from '@meridian/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoDcId, demoPassword, demoRoles, demoTenant, demoUsers, seedDemoWorld } from '../seed/index';

// Its own database: other packages' tests may seed the demo tenant into the shared test database.
const today = new Date('2026-03-18T00:00:00Z');
let database: ScratchDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createScratchDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 4 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe('seedDemoWorld', () => {
  test('writes the demo world once, quickly, and skips the second time', async () => {
    const first = await seedDemoWorld(prisma, { today });
    expect(first.created).toBe(true);
    expect(first.counts).toMatchObject({ tenants: 1, users: 6, skus: 48, inventoryPositions: 48 });

    const rowsBefore = await prisma.dailyDemand.count();
    expect(await seedDemoWorld(prisma, { today: new Date('2026-04-01T00:00:00Z') })).toEqual({
      created: false,
      counts: {},
    });
    expect(await prisma.dailyDemand.count()).toBe(rowsBefore);
    expect(await prisma.tenant.findUniqueOrThrow({ where: { slug: 'demo' } })).toMatchObject({
      id: demoTenant.id,
      name: 'Northwind Outfitters',
    });
  });

  test('gives each role one user who signs in with the demo password', async () => {
    const users = await prisma.user.findMany({
      where: { tenantId: demoTenant.id },
      include: { roles: { include: { role: true } } },
    });
    expect(users.map((user) => user.email).sort()).toEqual(
      demoRoles.map((role) => `${role}@demo.meridian.test`).sort(),
    );
    for (const role of demoRoles) {
      const user = users.find((candidate) => candidate.id === demoUsers[role].id)!;
      expect(user.roles.map((link) => link.role.name)).toEqual([role]);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    }
    expect(await verifyPassword(users[0]!.passwordHash, demoPassword)).toBe(true);
    expect(await verifyPassword(users[0]!.passwordHash, 'wrong-password')).toBe(false);
  });

  test('stores SKUs with valid GTINs, stock at the DC and demand ending the day before `today`', async () => {
    const skus = await prisma.sku.findMany({ where: { tenantId: demoTenant.id } });
    expect(skus.length).toBeGreaterThanOrEqual(40);
    expect(skus.every((sku) => /^[A-Z0-9]{8}$/.test(sku.code) && isValidGtin(sku.gtin))).toBe(true);

    const dc = await prisma.location.findUniqueOrThrow({
      where: { id: demoDcId },
      include: { children: true },
    });
    expect(dc.type).toBe('DC');
    expect(dc.children.filter((child) => child.type === 'STORE').length).toBeGreaterThanOrEqual(2);
    expect(
      await prisma.location.count({ where: { tenantId: demoTenant.id, type: 'SUPPLIER_SITE' } }),
    ).toBeGreaterThan(0);

    expect(
      await prisma.inventoryPosition.count({ where: { tenantId: demoTenant.id, locationId: demoDcId } }),
    ).toBe(skus.length);
    const lastDay = await prisma.dailyDemand.aggregate({
      where: { tenantId: demoTenant.id },
      _max: { day: true },
    });
    expect(lastDay._max.day).toEqual(new Date('2026-03-17T00:00:00Z'));
  });
});
