import { describe, expect, it } from 'vitest';
import {
  channelLabel,
  draftFieldOfApiError,
  draftFromPromotion,
  emptyPromotionDraft,
  type PromotionDraft,
  promotionPhase,
  sortPromotions,
  validatePromotionDraft,
} from './supply-promotions';

const valid: PromotionDraft = {
  campaign: '  Winter warmers ',
  channel: 'online',
  description: '',
  skuIds: ['sku-1'],
  startsOn: '2026-12-07',
  endsOn: '2026-12-13',
  expectedUpliftPercent: '25',
  discountPercent: '',
};

describe('validatePromotionDraft', () => {
  it('turns a valid draft into the mutation input with fractions', () => {
    const result = validatePromotionDraft({ ...valid, discountPercent: '12.5%' });
    expect(result).toEqual({
      ok: true,
      input: {
        campaign: 'Winter warmers',
        channel: 'online',
        description: null,
        skuIds: ['sku-1'],
        startsOn: '2026-12-07',
        endsOn: '2026-12-13',
        expectedUplift: 0.25,
        discount: 0.125,
      },
    });
  });

  it('reports each problem against its field', () => {
    const result = validatePromotionDraft({
      ...valid,
      campaign: ' ',
      skuIds: [],
      endsOn: '2026-12-01',
      expectedUpliftPercent: 'lots',
      discountPercent: '96',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['campaign', 'discountPercent', 'endsOn', 'expectedUpliftPercent', 'skuIds'].sort(),
    );
    expect(result.errors.endsOn).toMatch(/on or after/);
  });

  it('accepts only the channels the API knows and campaign names of two characters or more', () => {
    expect(validatePromotionDraft({ ...valid, channel: 'billboard' })).toMatchObject({
      ok: false,
      errors: { channel: expect.any(String) },
    });
    expect(validatePromotionDraft({ ...valid, campaign: 'X' })).toMatchObject({
      ok: false,
      errors: { campaign: expect.any(String) },
    });
    expect(channelLabel('in_store')).toBe('In store');
  });

  it('applies the API limits on uplift and refuses impossible days', () => {
    expect(validatePromotionDraft({ ...valid, expectedUpliftPercent: '-90' }).ok).toBe(true);
    expect(validatePromotionDraft({ ...valid, expectedUpliftPercent: '-91' }).ok).toBe(false);
    expect(validatePromotionDraft({ ...valid, expectedUpliftPercent: '500' }).ok).toBe(true);
    expect(validatePromotionDraft({ ...valid, expectedUpliftPercent: '501' }).ok).toBe(false);
    const result = validatePromotionDraft({ ...valid, startsOn: '2026-02-30' });
    expect(result.ok ? null : result.errors.startsOn).toMatch(/YYYY-MM-DD/);
  });
});

describe('drafts', () => {
  it('starts a new promotion next Monday for a week', () => {
    // 2026-11-27 is a Friday; on a Monday the next Monday is a week away.
    expect(emptyPromotionDraft('2026-11-27')).toMatchObject({ startsOn: '2026-11-30', endsOn: '2026-12-06' });
    expect(emptyPromotionDraft('2026-11-30').startsOn).toBe('2026-12-07');
  });

  it('edits a saved promotion in percent', () => {
    const draft = draftFromPromotion({
      campaign: 'Spring',
      channel: 'in_store',
      description: 'Aisle ends',
      skus: [{ id: 'a' }, { id: 'b' }],
      startsOn: '2026-03-01',
      endsOn: '2026-03-10',
      expectedUplift: 0.35,
      discount: 0,
    });
    expect(draft).toMatchObject({ skuIds: ['a', 'b'], expectedUpliftPercent: '35', discountPercent: '' });
    expect(validatePromotionDraft(draft)).toMatchObject({ ok: true, input: { expectedUplift: 0.35 } });
  });
});

describe('draftFieldOfApiError', () => {
  it('maps the field the API names to the form field', () => {
    expect(draftFieldOfApiError('input.endsOn')).toBe('endsOn');
    expect(draftFieldOfApiError('expectedUplift')).toBe('expectedUpliftPercent');
    expect(draftFieldOfApiError('input.skuIds[2]')).toBe('skuIds');
    expect(draftFieldOfApiError('id')).toBeNull();
    expect(draftFieldOfApiError(null)).toBeNull();
  });
});

describe('phases', () => {
  const today = '2026-11-27';
  const running = { campaign: 'R', startsOn: '2026-11-20', endsOn: '2026-11-27' };
  const soon = { campaign: 'S', startsOn: '2026-12-01', endsOn: '2026-12-07' };
  const later = { campaign: 'L', startsOn: '2026-12-20', endsOn: '2026-12-27' };
  const ended = { campaign: 'E', startsOn: '2026-10-01', endsOn: '2026-10-07' };
  const endedLater = { campaign: 'F', startsOn: '2026-11-01', endsOn: '2026-11-07' };

  it('tells upcoming, running and ended apart on the last day too', () => {
    expect(promotionPhase(running, today)).toBe('running');
    expect(promotionPhase(soon, today)).toBe('upcoming');
    expect(promotionPhase(ended, today)).toBe('ended');
  });

  it('lists running, then upcoming soonest first, then ended latest first', () => {
    expect(sortPromotions([ended, later, endedLater, soon, running], today).map((p) => p.campaign)).toEqual([
      'R',
      'S',
      'L',
      'F',
      'E',
    ]);
  });
});
