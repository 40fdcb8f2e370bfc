import { describe, expect, it } from 'vitest';
import {
  changedInput,
  commentProblem,
  draftOf,
  formFieldOfError,
  gs1CheckDigit,
  gtinProblem,
  isFieldError,
  messageWithoutField,
  parseMoney,
  parsePercent,
  skuCodeProblem,
  skuFields,
  supplierFields,
  validateDraft,
} from './master-data-validation';

describe('skuCodeProblem', () => {
  it('accepts 8 capital letters or digits', () => {
    expect(skuCodeProblem('THBLKSML')).toBeNull();
    expect(skuCodeProblem('AB12CD34')).toBeNull();
  });

  it('says how long a code must be and which characters it may hold', () => {
    expect(skuCodeProblem('THBLK')).toBe('A SKU code has 8 characters; this one has 5.');
    expect(skuCodeProblem('THBLK-SM')).toBe(
      'A SKU code uses only the capital letters A–Z and the digits 0–9.',
    );
    expect(skuCodeProblem('thblksml')).not.toBeNull();
  });
});

describe('gtinProblem', () => {
  it('computes the GS1 check digit', () => {
    // Published examples: GTIN-13 4006381333931, GTIN-12 036000291452, GTIN-8 96385074.
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('03600029145')).toBe(2);
    expect(gs1CheckDigit('9638507')).toBe(4);
  });

  it('accepts valid GTINs of every length', () => {
    for (const gtin of ['4006381333931', '036000291452', '96385074', '10036000291459']) {
      expect(gtinProblem(gtin), gtin).toBeNull();
    }
  });

  it('names the expected check digit of a mistyped GTIN', () => {
    expect(gtinProblem('4006381333932')).toBe(
      'The check digit (the last digit) should be 1, not 2. Check the number for a typo.',
    );
  });

  it('refuses other lengths and non-digits', () => {
    expect(gtinProblem('1234567890')).toBe('A GTIN has 8, 12, 13 or 14 digits; this one has 10.');
    expect(gtinProblem('40063813339A')).toBe('A GTIN is digits only.');
  });
});

describe('parseMoney and parsePercent', () => {
  it('reads amounts into whole cents', () => {
    expect(parseMoney('20.60')).toBe(2060);
    expect(parseMoney('$1,020.6')).toBe(102060);
    expect(parseMoney('7')).toBe(700);
    expect(parseMoney('20.605')).toBeNull();
    expect(parseMoney('-3')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
  });

  it('reads percentages into ratios', () => {
    expect(parsePercent('95.5')).toBe(0.955);
    expect(parsePercent('100%')).toBe(1);
    expect(parsePercent('101')).toBeNull();
  });
});

const skuRecord = {
  code: 'THBLKSML',
  gtin: '4006381333931',
  name: 'Trailhead Tee Black S',
  baseUom: 'EA',
  priceCents: 2000,
  unitCostCents: 650,
  minOrderQty: 1,
  packSize: 12,
  weightGrams: 160,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
};

describe('validateDraft', () => {
  it('finds nothing wrong with a record as the API returned it', () => {
    expect(validateDraft(skuFields, draftOf(skuFields, skuRecord))).toEqual({});
  });

  it('puts each message under the field it is about', () => {
    const draft = {
      ...draftOf(skuFields, skuRecord),
      code: 'THBLK',
      gtin: '4006381333932',
      priceCents: '20.605',
      packSize: '0',
      weightGrams: 'heavy',
      name: '  ',
      baseUom: 'each',
    };
    expect(validateDraft(skuFields, draft)).toEqual({
      code: 'A SKU code has 8 characters; this one has 5.',
      gtin: 'The check digit (the last digit) should be 1, not 2. Check the number for a typo.',
      name: 'Name is required.',
      baseUom: 'A unit is a UN/CEFACT Rec 20 code: 2 or 3 capital letters or digits, e.g. EA, KGM.',
      priceCents: 'List price is an amount like 20.60, with at most two decimals.',
      packSize: 'Pack size must be at least 1.',
      weightGrams: 'Weight is a whole number of g.',
    });
  });

  it('checks a supplier reliability as a percentage', () => {
    const draft = draftOf(supplierFields, {
      code: 'SUP-SAIGON',
      name: 'Saigon Textile',
      leadTimeHours: 480,
      leadTimeStdDevHours: 48,
      reliability: '0.955',
    });
    expect(draft.reliability).toBe('95.5');
    expect(validateDraft(supplierFields, { ...draft, reliability: '120', code: 'sup saigon' })).toEqual({
      code: 'A code is 2 to 32 capital letters, digits or dashes, starting with a letter or digit.',
      reliability: 'Reliability is a percentage from 0 to 100 with at most one decimal.',
    });
    expect(validateDraft(supplierFields, { ...draft, reliability: '95.55' })).toHaveProperty('reliability');
  });
});

describe('changedInput', () => {
  it('sends only the fields that changed, in the API units', () => {
    const original = draftOf(skuFields, skuRecord);
    const draft = { ...original, priceCents: '20.60', lengthMm: '320', name: 'Trailhead Tee Black S ' };
    expect(changedInput(skuFields, original, draft)).toEqual({ priceCents: 2060, lengthMm: 320 });
  });

  it('sends null for a cleared optional field', () => {
    const original = draftOf(skuFields, skuRecord);
    expect(changedInput(skuFields, original, { ...original, weightGrams: '' })).toEqual({
      weightGrams: null,
    });
  });

  it('sends a changed reliability as a ratio', () => {
    const original = draftOf(supplierFields, {
      code: 'S',
      name: 'N',
      leadTimeHours: 1,
      leadTimeStdDevHours: 0,
      reliability: 0.9,
    });
    expect(changedInput(supplierFields, original, { ...original, reliability: '92.5' })).toEqual({
      reliability: 0.925,
    });
  });
});

describe('formFieldOfError', () => {
  it('finds the form field an API error names, with or without its input path', () => {
    const names = ['gtin', 'priceCents', 'comment'];
    expect(formFieldOfError('priceCents', names)).toBe('priceCents');
    expect(formFieldOfError('input.gtin', names)).toBe('gtin');
    expect(formFieldOfError('context.comment', names)).toBe('comment');
    expect(formFieldOfError('familyId', names)).toBeNull();
    expect(formFieldOfError('uomConversions.0.uom', names)).toBeNull();
    expect(formFieldOfError(null, names)).toBeNull();
  });

  it('drops the field name the API puts before its message', () => {
    expect(messageWithoutField('priceCents: must be at most 1000000000.', 'priceCents')).toBe(
      'Must be at most 1000000000.',
    );
    expect(messageWithoutField('The SKU code is taken.', 'code')).toBe('The SKU code is taken.');
  });
});

describe('commentProblem and isFieldError', () => {
  it('wants a reason of at least three characters', () => {
    expect(commentProblem('  ')).toBe('Say why you make the change; it is kept with the version.');
    expect(commentProblem('ok')).toBe('Say a little more: at least 3 characters.');
    expect(commentProblem('New price list')).toBeNull();
  });

  it('puts bad input and conflicts under their field, other failures on the form', () => {
    expect(isFieldError('BAD_USER_INPUT')).toBe(true);
    expect(isFieldError('CONFLICT')).toBe(true);
    expect(isFieldError('FORBIDDEN')).toBe(false);
    expect(isFieldError(null)).toBe(false);
  });
});
