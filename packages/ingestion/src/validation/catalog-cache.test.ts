import { describe, expect, it } from 'vitest';
import { CatalogCache, type CatalogLookup } from './catalog-cache';

function fakeCatalog(skus: Record<string, string>, locations: string[]) {
  const calls: Array<{ skuCodes: string[]; locationCodes: string[] }> = [];
  const lookup: CatalogLookup = async (_tenantId, skuCodes, locationCodes) => {
    calls.push({ skuCodes, locationCodes });
    return {
      skus: skuCodes.filter((code) => code in skus).map((code) => ({ code, baseUom: skus[code] as string })),
      locations: locationCodes.filter((code) => locations.includes(code)),
    };
  };
  return { lookup, calls, skus, locations };
}

describe('CatalogCache', () => {
  it('answers known and unknown codes and asks the catalog once for what it does not know', async () => {
    const catalog = fakeCatalog({ SKU1: 'EA', SKU2: 'KGM' }, ['DC-1']);
    const cache = new CatalogCache(catalog.lookup);
    const view = await cache.view('t1', ['SKU1', 'SKU2', 'NOPE', 'SKU1'], ['DC-1', 'DC-9']);
    expect(view.baseUomOf('SKU1')).toBe('EA');
    expect(view.baseUomOf('SKU2')).toBe('KGM');
    expect(view.baseUomOf('NOPE')).toBeUndefined();
    expect(view.hasLocation('DC-1')).toBe(true);
    expect(view.hasLocation('DC-9')).toBe(false);
    expect(catalog.calls).toEqual([{ skuCodes: ['SKU1', 'SKU2', 'NOPE'], locationCodes: ['DC-1', 'DC-9'] }]);

    const again = await cache.view('t1', ['SKU1', 'NOPE'], ['DC-9']);
    expect(again.baseUomOf('SKU1')).toBe('EA');
    expect(again.hasLocation('DC-9')).toBe(false);
    expect(catalog.calls).toHaveLength(1);
  });

  it('keeps tenants apart', async () => {
    const catalog = fakeCatalog({ SKU1: 'EA' }, []);
    const cache = new CatalogCache(catalog.lookup);
    await cache.view('t1', ['SKU1'], []);
    await cache.view('t2', ['SKU1'], []);
    expect(catalog.calls).toHaveLength(2);
  });

  it('looks a missing code up again once its short time to live is over, and finds it once created', async () => {
    let now = 0;
    const catalog = fakeCatalog({}, []);
    const cache = new CatalogCache(catalog.lookup, {
      knownTtlMs: 30_000,
      unknownTtlMs: 5_000,
      now: () => now,
    });
    expect((await cache.view('t1', ['NEW1'], [])).baseUomOf('NEW1')).toBeUndefined();
    catalog.skus.NEW1 = 'EA';
    now = 4_000;
    expect((await cache.view('t1', ['NEW1'], [])).baseUomOf('NEW1')).toBeUndefined();
    now = 5_001;
    expect((await cache.view('t1', ['NEW1'], [])).baseUomOf('NEW1')).toBe('EA');
    expect(catalog.calls).toHaveLength(2);
  });

  it('trusts a known code for the longer time to live, then reads its base unit again', async () => {
    let now = 0;
    const catalog = fakeCatalog({ SKU1: 'EA' }, []);
    const cache = new CatalogCache(catalog.lookup, { knownTtlMs: 30_000, now: () => now });
    await cache.view('t1', ['SKU1'], []);
    catalog.skus.SKU1 = 'KGM';
    now = 29_000;
    expect((await cache.view('t1', ['SKU1'], [])).baseUomOf('SKU1')).toBe('EA');
    now = 30_001;
    expect((await cache.view('t1', ['SKU1'], [])).baseUomOf('SKU1')).toBe('KGM');
  });

  it('makes no lookup for a request without codes', async () => {
    const catalog = fakeCatalog({}, []);
    await new CatalogCache(catalog.lookup).view('t1', [], []);
    expect(catalog.calls).toHaveLength(0);
  });
});
