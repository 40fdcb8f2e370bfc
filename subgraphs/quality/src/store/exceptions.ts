import type { ExceptionSeverity, ExceptionStatus, Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

export interface ExceptionFilter {
  tenantId: string;
  status?: ExceptionStatus[] | null;
  severity?: ExceptionSeverity[] | null;
}

function where({ tenantId, status, severity }: ExceptionFilter): Prisma.ExceptionWhereInput {
  return {
    tenantId,
    ...(status?.length ? { status: { in: status } } : {}),
    ...(severity?.length ? { severity: { in: severity } } : {}),
  };
}

export function findException(db: Db, tenantId: string, id: string) {
  return db.exception.findFirst({ where: { id, tenantId } });
}

export function listExceptions(db: Db, filter: ExceptionFilter, skip: number, take: number) {
  return db.exception.findMany({
    where: where(filter),
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    skip,
    take: take + 1,
  });
}

export function countExceptions(db: Db, filter: ExceptionFilter) {
  return db.exception.count({ where: where(filter) });
}

export function listOpenExceptionsForSku(db: Db, tenantId: string, skuId: string) {
  return db.exception.findMany({
    where: { tenantId, skuId, status: { not: 'RESOLVED' } },
    orderBy: { raisedAt: 'desc' },
  });
}

export function findOpenExceptionOfKind(db: Db, tenantId: string, kind: string, skuId: string) {
  return db.exception.findFirst({ where: { tenantId, kind, skuId, status: { not: 'RESOLVED' } } });
}

export async function countOpenBySeverity(db: Db, tenantId: string, now: Date) {
  const [groups, breachedSla] = await Promise.all([
    db.exception.groupBy({
      by: ['severity'],
      where: { tenantId, status: { not: 'RESOLVED' } },
      _count: { _all: true },
    }),
    db.exception.count({ where: { tenantId, status: { not: 'RESOLVED' }, slaDueAt: { lt: now } } }),
  ]);
  return {
    openCounts: groups.map((group) => ({ severity: group.severity, count: group._count._all })),
    breachedSla,
  };
}

export function createException(db: Db, data: Prisma.ExceptionUncheckedCreateInput) {
  return db.exception.create({ data });
}

export function updateException(db: Db, id: string, data: Prisma.ExceptionUncheckedUpdateInput) {
  return db.exception.update({ where: { id }, data });
}
