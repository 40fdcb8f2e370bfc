import { type Identity, requireRole, requireUser } from '@meridian/auth';
import type { PrismaClient, Promotion } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { z } from 'zod';
import { utcDay } from '../domain/kpis';
import { learnedUplift, UPLIFT_RANGE } from '../domain/sensing';
import * as store from '../store/promotions';
import { promotionTermsOf, retrainSkus } from './forecasts';

/** The channels a canonical promotion record may name. */
const CHANNELS = ['online', 'in_store', 'marketplace', 'social', 'email'] as const;
const MAX_DISCOUNT = 0.95;

const calendarDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date as YYYY-MM-DD`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${field} must be a real calendar day`);

export const promotionInput = z
  .object({
    campaign: z
      .string()
      .trim()
      .min(2, 'name the campaign (2+ characters)')
      .max(120, 'keep the campaign under 120 characters'),
    channel: z.enum(CHANNELS, `channel must be one of ${CHANNELS.join(', ')}`),
    description: z.string().trim().max(2000, 'keep the description under 2,000 characters').nullish(),
    skuIds: z
      .array(z.guid('use the ids of SKUs (UUIDs)'))
      .min(1, 'choose at least one SKU')
      .max(1000, 'a promotion covers at most 1,000 SKUs'),
    startsOn: calendarDate('startsOn'),
    endsOn: calendarDate('endsOn'),
    expectedUplift: z
      .number()
      .min(
        UPLIFT_RANGE.min,
        `expectedUplift is a fraction from ${UPLIFT_RANGE.min} (−90 %) to ${UPLIFT_RANGE.max} (+500 %)`,
      )
      .max(
        UPLIFT_RANGE.max,
        `expectedUplift is a fraction from ${UPLIFT_RANGE.min} (−90 %) to ${UPLIFT_RANGE.max} (+500 %)`,
      ),
    discount: z
      .number()
      .min(0, `discount is a fraction from 0 to ${MAX_DISCOUNT} (95 % off)`)
      .max(MAX_DISCOUNT, `discount is a fraction from 0 to ${MAX_DISCOUNT} (95 % off)`)
      .nullish(),
  })
  .refine((input) => input.endsOn >= input.startsOn, {
    path: ['endsOn'],
    message: 'endsOn must be on or after startsOn',
  });

type PromotionInput = z.infer<typeof promotionInput>;

/** The GraphQL Promotion, with the uplift the forecast applies given the tenant's other promotions. */
export function promotionOf(row: Promotion, all: readonly Promotion[]) {
  const terms = promotionTermsOf(row);
  return {
    id: row.id,
    campaign: row.campaign,
    channel: row.channel,
    description: row.description,
    skus: row.skuIds.map((id) => ({ id })),
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    expectedUplift: terms.expectedUplift,
    discount: terms.discount,
    realisedUplift: terms.realisedUplift,
    learnedUplift: learnedUplift(terms, all.filter((other) => other.id !== row.id).map(promotionTermsOf)),
    updatedAt: row.updatedAt,
  };
}

export async function listPromotions(
  prisma: PrismaClient,
  identity: Identity,
  { includePast, skuId }: { includePast?: boolean | null; skuId?: string },
) {
  const { tenantId } = requireUser(identity);
  if (skuId !== undefined && !z.guid().safeParse(skuId).success) return [];
  const all = await store.listPromotions(prisma, tenantId);
  const today = utcDay(new Date());
  return all
    .filter((row) => (includePast ? true : utcDay(row.endsOn) >= today))
    .filter((row) => (skuId ? row.skuIds.includes(skuId) : true))
    .map((row) => promotionOf(row, all));
}

export async function findPromotion(prisma: PrismaClient, identity: Identity, id: string) {
  const { tenantId } = requireUser(identity);
  if (!z.guid().safeParse(id).success) return null;
  const all = await store.listPromotions(prisma, tenantId);
  const row = all.find((promotion) => promotion.id === id);
  return row ? promotionOf(row, all) : null;
}

async function checkedInput(
  prisma: PrismaClient,
  tenantId: string,
  rawInput: unknown,
): Promise<PromotionInput> {
  const input = promotionInput.parse(rawInput);
  const skuIds = [...new Set(input.skuIds)];
  const known = await store.existingSkuIds(prisma, tenantId, skuIds);
  const unknown = skuIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `skuIds: ${unknown.slice(0, 5).join(', ')} ${unknown.length === 1 ? 'is not a SKU' : 'are not SKUs'} of your tenant; pick SKUs from the catalog.`,
      { field: 'skuIds' },
    );
  }
  return { ...input, skuIds };
}

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
/** A promotion that has not ended moves forecasts; a past one only teaches the learning. */
const stillRuns = (endsOn: string | Date) =>
  (typeof endsOn === 'string' ? endsOn : utcDay(endsOn)) >= utcDay(new Date());

/** Creates a promotion; one that has not ended retrains its SKUs' forecasts before this returns. */
export async function createPromotion(prisma: PrismaClient, identity: Identity, rawInput: unknown) {
  const user = requireRole(identity, 'marketing', 'planner');
  const input = await checkedInput(prisma, user.tenantId, rawInput);
  const row = await store.createPromotion(prisma, {
    tenantId: user.tenantId,
    campaign: input.campaign,
    channel: input.channel,
    description: input.description ?? '',
    skuIds: input.skuIds,
    startsOn: dateOf(input.startsOn),
    endsOn: dateOf(input.endsOn),
    expectedUplift: input.expectedUplift,
    discount: input.discount ?? 0,
    createdById: user.userId,
  });
  if (stillRuns(input.endsOn)) await retrainSkus(prisma, user.tenantId, input.skuIds);
  return promotionOf(row, await store.listPromotions(prisma, user.tenantId));
}

/**
 * Changes a promotion. New dates or SKUs void its realised uplift (it is measured again once it ended).
 * The SKUs it covered and covers now are retrained when it had not ended or does not now.
 */
export async function updatePromotion(
  prisma: PrismaClient,
  identity: Identity,
  id: unknown,
  rawInput: unknown,
) {
  const user = requireRole(identity, 'marketing', 'planner');
  const existing = await requireExisting(prisma, user.tenantId, id);
  const input = await checkedInput(prisma, user.tenantId, rawInput);
  const sameMeasurement =
    utcDay(existing.startsOn) === input.startsOn &&
    utcDay(existing.endsOn) === input.endsOn &&
    [...existing.skuIds].sort().join() === [...input.skuIds].sort().join();
  const row = await store.updatePromotion(prisma, existing.id, {
    campaign: input.campaign,
    channel: input.channel,
    description: input.description ?? existing.description,
    skuIds: input.skuIds,
    startsOn: dateOf(input.startsOn),
    endsOn: dateOf(input.endsOn),
    expectedUplift: input.expectedUplift,
    discount: input.discount ?? 0,
    ...(sameMeasurement ? {} : { realisedUplift: null }),
  });
  if (stillRuns(existing.endsOn) || stillRuns(input.endsOn)) {
    await retrainSkus(prisma, user.tenantId, [...new Set([...existing.skuIds, ...input.skuIds])]);
  }
  return promotionOf(row, await store.listPromotions(prisma, user.tenantId));
}

/** Deletes a promotion; if it had not ended, its SKUs' forecasts are retrained without it. */
export async function deletePromotion(prisma: PrismaClient, identity: Identity, id: unknown) {
  const user = requireRole(identity, 'marketing', 'planner');
  const existing = await requireExisting(prisma, user.tenantId, id);
  await store.deletePromotion(prisma, user.tenantId, existing.id);
  if (stillRuns(existing.endsOn)) await retrainSkus(prisma, user.tenantId, existing.skuIds);
  return true;
}

async function requireExisting(prisma: PrismaClient, tenantId: string, id: unknown) {
  const parsed = z.guid().safeParse(id);
  const existing = parsed.success ? await store.findPromotion(prisma, tenantId, parsed.data) : null;
  if (!existing) {
    throw new MeridianError(ErrorCode.NOT_FOUND, 'There is no promotion with that id in your tenant.', {
      field: 'id',
    });
  }
  return existing;
}
