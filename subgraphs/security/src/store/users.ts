import type { PrismaClient } from '@meridian/db';

export function findUserByEmail(prisma: PrismaClient, email: string) {
  return prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { tenant: true, roles: { include: { role: true } } },
  });
}

export function findUser(prisma: PrismaClient, tenantId: string, id: string) {
  return prisma.user.findFirst({
    where: { id, tenantId },
    include: { tenant: true, roles: { include: { role: true } } },
  });
}

export function findTenant(prisma: PrismaClient, id: string) {
  return prisma.tenant.findUnique({ where: { id } });
}
