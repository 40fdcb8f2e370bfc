import { type Identity, requireUser } from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import { decodeCursor, pageSize, toConnection } from '@meridian/subgraph-runtime';
import { z } from 'zod';
import { normalizeSkuCode } from '../domain/sku-code';
import * as store from '../store/catalog';

const skuSearch = z.object({
  familyId: z.guid('use the id of a SKU family (a UUID)').nullish(),
  search: z.string().trim().max(100, 'search for at most 100 characters').nullish(),
});

export interface SkuSearchArgs {
  first?: number | null;
  after?: string | null;
  familyId?: string | null;
  search?: string | null;
}

/** The tenant's SKUs by code, optionally within a family and matching a search on code, name or GTIN. */
export async function searchSkus(prisma: PrismaClient, identity: Identity, args: SkuSearchArgs) {
  const { tenantId } = requireUser(identity);
  const { familyId, search } = skuSearch.parse(args);
  const skip = decodeCursor(args.after);
  const take = pageSize(args.first);
  const filter = { tenantId, familyId, search: search || null };
  const [nodes, total] = await Promise.all([
    store.listSkus(prisma, filter, skip, take),
    store.countSkus(prisma, filter),
  ]);
  return toConnection(nodes, skip, take, total);
}

export async function findSkuByCode(prisma: PrismaClient, identity: Identity, typedCode: string) {
  const { tenantId } = requireUser(identity);
  const code = normalizeSkuCode(typedCode);
  return code ? store.findSkuByCode(prisma, tenantId, code) : null;
}
