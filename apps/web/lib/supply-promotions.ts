import { addDays } from './supply-format';

/** The promotion form as typed: percentages as text, so a half-typed number is kept, not coerced. */
export interface PromotionDraft {
  campaign: string;
  channel: string;
  description: string;
  skuIds: string[];
  startsOn: string;
  endsOn: string;
  /** Percent, e.g. "25" for +25 % */
  expectedUpliftPercent: string;
  /** Percent, e.g. "15" for 15 % off; empty for none */
  discountPercent: string;
}

export type PromotionField = keyof PromotionDraft;
export type PromotionErrors = Partial<Record<PromotionField, string>>;

/** What createPromotion / updatePromotion take (the generated PromotionInput). */
export interface PromotionPayload {
  campaign: string;
  channel: string;
  description: string | null;
  skuIds: string[];
  startsOn: string;
  endsOn: string;
  expectedUplift: number;
  discount: number | null;
}

/** The limits createPromotion checks too; checked here first so the form answers as the user types. */
export const UPLIFT_PERCENT_RANGE = { min: -90, max: 500 } as const;
export const DISCOUNT_PERCENT_RANGE = { min: 0, max: 95 } as const;

/** The channels the API accepts, with their names in words. */
export const promotionChannels = [
  { channel: 'online', label: 'Online' },
  { channel: 'in_store', label: 'In store' },
  { channel: 'marketplace', label: 'Marketplace' },
  { channel: 'social', label: 'Social' },
  { channel: 'email', label: 'Email' },
] as const;

export function channelLabel(channel: string): string {
  return promotionChannels.find((entry) => entry.channel === channel)?.label ?? channel;
}

/** A week-long promotion starting next Monday (UTC), as a starting point. */
export function emptyPromotionDraft(today: string): PromotionDraft {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const untilMonday = (8 - weekday) % 7 || 7;
  const startsOn = addDays(today, untilMonday);
  return {
    campaign: '',
    channel: 'online',
    description: '',
    skuIds: [],
    startsOn,
    endsOn: addDays(startsOn, 6),
    expectedUpliftPercent: '',
    discountPercent: '',
  };
}

export interface PromotionLike {
  campaign: string;
  channel: string;
  description: string;
  skus: readonly { id: string }[];
  startsOn: string;
  endsOn: string;
  expectedUplift: number;
  discount: number;
}

export function draftFromPromotion(promotion: PromotionLike): PromotionDraft {
  return {
    campaign: promotion.campaign,
    channel: promotion.channel,
    description: promotion.description,
    skuIds: promotion.skus.map((sku) => sku.id),
    startsOn: promotion.startsOn,
    endsOn: promotion.endsOn,
    expectedUpliftPercent: percentText(promotion.expectedUplift),
    discountPercent: promotion.discount === 0 ? '' : percentText(promotion.discount),
  };
}

/** 0.35 → "35", 0.125 → "12.5": a fraction as the percent a person would type. */
function percentText(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parsePercent(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '' || !/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * Checks a draft the way the API will, and turns it into the mutation's input. Every problem is
 * reported against the field to fix, so the form can show it next to that field.
 */
export function validatePromotionDraft(
  draft: PromotionDraft,
): { ok: true; input: PromotionPayload } | { ok: false; errors: PromotionErrors } {
  const errors: PromotionErrors = {};
  const campaign = draft.campaign.trim();
  if (campaign.length < 2) errors.campaign = 'Name the campaign (2 characters or more).';
  else if (campaign.length > 120) errors.campaign = 'Keep the campaign name to 120 characters.';
  if (!promotionChannels.some((entry) => entry.channel === draft.channel))
    errors.channel = 'Choose one of the channels listed.';
  if (draft.skuIds.length === 0) errors.skuIds = 'Choose at least one SKU the promotion applies to.';

  if (!isCalendarDay(draft.startsOn)) errors.startsOn = 'Enter the first day as YYYY-MM-DD.';
  if (!isCalendarDay(draft.endsOn)) errors.endsOn = 'Enter the last day as YYYY-MM-DD.';
  else if (!errors.startsOn && draft.endsOn < draft.startsOn)
    errors.endsOn = 'The last day must be on or after the first day.';

  const uplift = parsePercent(draft.expectedUpliftPercent);
  if (uplift === null) errors.expectedUpliftPercent = 'Enter the expected uplift in percent, e.g. 25.';
  else if (uplift < UPLIFT_PERCENT_RANGE.min || uplift > UPLIFT_PERCENT_RANGE.max)
    errors.expectedUpliftPercent = `Expected uplift must be between ${UPLIFT_PERCENT_RANGE.min}% and +${UPLIFT_PERCENT_RANGE.max}%.`;

  const discountText = draft.discountPercent.trim();
  const discount = discountText === '' ? 0 : parsePercent(discountText);
  if (discount === null)
    errors.discountPercent = 'Enter the discount in percent, e.g. 15, or leave it empty.';
  else if (discount < DISCOUNT_PERCENT_RANGE.min || discount > DISCOUNT_PERCENT_RANGE.max)
    errors.discountPercent = `Discount must be between ${DISCOUNT_PERCENT_RANGE.min}% and ${DISCOUNT_PERCENT_RANGE.max}%.`;

  if (Object.keys(errors).length > 0 || uplift === null || discount === null) return { ok: false, errors };
  const description = draft.description.trim();
  return {
    ok: true,
    input: {
      campaign,
      channel: draft.channel,
      description: description === '' ? null : description,
      skuIds: draft.skuIds,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      expectedUplift: Math.round(uplift * 10) / 1000,
      discount: discountText === '' ? null : Math.round(discount * 10) / 1000,
    },
  };
}

const apiFieldToDraft: Record<string, PromotionField> = {
  campaign: 'campaign',
  channel: 'channel',
  description: 'description',
  skuIds: 'skuIds',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  expectedUplift: 'expectedUpliftPercent',
  discount: 'discountPercent',
};

/**
 * The form field an API error names (`extensions.field`: "endsOn", "input.endsOn", "skuIds[2]"), or
 * null when it names none of them (the error is then shown for the whole form).
 */
export function draftFieldOfApiError(field: string | null | undefined): PromotionField | null {
  if (!field) return null;
  const last =
    field
      .split('.')
      .at(-1)
      ?.replace(/\[\d+\]$/, '') ?? '';
  return Object.hasOwn(apiFieldToDraft, last) ? (apiFieldToDraft[last] ?? null) : null;
}

export type PromotionPhase = 'upcoming' | 'running' | 'ended';

export const promotionPhaseLabel: Record<PromotionPhase, string> = {
  upcoming: 'Upcoming',
  running: 'Running',
  ended: 'Ended',
};

/** Where a promotion stands on `today` (UTC day). */
export function promotionPhase(
  promotion: { startsOn: string; endsOn: string },
  today: string,
): PromotionPhase {
  if (promotion.endsOn < today) return 'ended';
  if (promotion.startsOn > today) return 'upcoming';
  return 'running';
}

/** Running first, then upcoming (soonest first), then ended (latest first). */
export function sortPromotions<T extends { startsOn: string; endsOn: string; campaign: string }>(
  promotions: readonly T[],
  today: string,
): T[] {
  const rank = { running: 0, upcoming: 1, ended: 2 } as const;
  return [...promotions].sort((a, b) => {
    const byPhase = rank[promotionPhase(a, today)] - rank[promotionPhase(b, today)];
    if (byPhase !== 0) return byPhase;
    if (promotionPhase(a, today) === 'ended') return b.endsOn.localeCompare(a.endsOn);
    return a.startsOn.localeCompare(b.startsOn) || a.campaign.localeCompare(b.campaign);
  });
}
