import { randomInt, randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { graphql } from './gateway';

/** Expected money text, written here rather than imported from the app (see format.ts). */
export function dollars(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

/** A GTIN-13 of the in-store range (prefix 2) with its GS1 check digit. */
function gtin13(): string {
  const body = `2${String(randomInt(100_000_000_000)).padStart(11, '0')}`;
  let sum = 0;
  for (let fromRight = 0; fromRight < body.length; fromRight++) {
    sum += Number(body[body.length - 1 - fromRight]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export interface CreatedSku {
  id: string;
  code: string;
}

/**
 * A SKU of the journey's own, created (and published at once) through the API: the seeded SKUs carry no
 * price, and their versions stay untouched for other journeys. Its code starts with Z so it sorts after
 * the seeded ones in code-ordered lists.
 */
export async function createOwnSku(token: string, name: string, priceCents: number): Promise<CreatedSku> {
  const { skuFamilies } = await graphql<{ skuFamilies: { id: string }[] }>(
    '{ skuFamilies { id } }',
    {},
    token,
  );
  const code = `ZE2E${randomUUID().replaceAll('-', '').slice(0, 4).toUpperCase()}`;
  const created = await graphql<{ createSku: { outcome: string; version: { entityId: string } | null } }>(
    `mutation ($input: SkuInput!, $context: ChangeContext!) {
      createSku(input: $input, context: $context) { outcome version { entityId } }
    }`,
    {
      input: {
        code,
        gtin: gtin13(),
        name,
        familyId: skuFamilies[0]!.id,
        baseUom: 'EA',
        priceCents,
        unitCostCents: 800,
      },
      context: { comment: `End-to-end journey: ${name}` },
    },
    token,
  );
  expect(created.createSku.outcome).toBe('PUBLISHED');
  return { id: created.createSku.version!.entityId, code };
}
