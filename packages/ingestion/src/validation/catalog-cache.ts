import { ExpiringCache } from '@meridian/auth';
import type { CatalogView } from './rules';

/** Looks codes up in the tenant's catalog; answers only the ones that exist. */
export type CatalogLookup = (
  tenantId: string,
  skuCodes: string[],
  locationCodes: string[],
) => Promise<{ skus: Array<{ code: string; baseUom: string }>; locations: string[] }>;

export interface CatalogCacheOptions {
  /** How long a code found in the catalog is trusted (a changed base unit shows after this). */
  knownTtlMs?: number;
  /** How long a code missing from the catalog stays missing (a SKU created meanwhile shows after this). */
  unknownTtlMs?: number;
  /** Bounds memory across tenants; the oldest entries go first. */
  maxEntries?: number;
  now?: () => number;
}

/** A SKU's base unit, or null for a code the catalog does not hold; `true`/`false` for a location. */
type Entry = string | null | boolean;

/**
 * The catalog codes the ingest has seen, per tenant, with a short time to live. A request asks for the codes
 * of its records; those missing or expired are looked up in one query, so a steady feed over a known catalog
 * costs no database round trip, and a code created in the catalog is found within `unknownTtlMs`.
 */
export class CatalogCache {
  private readonly entries: ExpiringCache<string, Entry>;
  private readonly knownTtlMs: number;
  private readonly unknownTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly lookup: CatalogLookup,
    options: CatalogCacheOptions = {},
  ) {
    this.knownTtlMs = options.knownTtlMs ?? 30_000;
    this.unknownTtlMs = options.unknownTtlMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.entries = new ExpiringCache(options.maxEntries ?? 500_000, this.now);
  }

  /** The catalog as far as these codes go, looked up where the cache does not know them. */
  async view(
    tenantId: string,
    skuCodes: Iterable<string>,
    locationCodes: Iterable<string>,
  ): Promise<CatalogView> {
    const skus = new Map<string, Entry | undefined>();
    const locations = new Map<string, Entry | undefined>();
    for (const code of skuCodes)
      if (!skus.has(code)) skus.set(code, this.entries.get(skuKey(tenantId, code)));
    for (const code of locationCodes) {
      if (!locations.has(code)) locations.set(code, this.entries.get(locationKey(tenantId, code)));
    }
    const missingSkus = [...skus].filter(([, entry]) => entry === undefined).map(([code]) => code);
    const missingLocations = [...locations].filter(([, entry]) => entry === undefined).map(([code]) => code);
    if (missingSkus.length > 0 || missingLocations.length > 0) {
      const found = await this.lookup(tenantId, missingSkus, missingLocations);
      const now = this.now();
      for (const code of missingSkus) skus.set(code, null);
      for (const code of missingLocations) locations.set(code, false);
      for (const sku of found.skus) skus.set(sku.code, sku.baseUom);
      for (const code of found.locations) locations.set(code, true);
      for (const code of missingSkus) {
        const entry = skus.get(code) ?? null;
        this.entries.set(
          skuKey(tenantId, code),
          entry,
          now + (entry === null ? this.unknownTtlMs : this.knownTtlMs),
        );
      }
      for (const code of missingLocations) {
        const known = locations.get(code) === true;
        this.entries.set(
          locationKey(tenantId, code),
          known,
          now + (known ? this.knownTtlMs : this.unknownTtlMs),
        );
      }
    }
    return {
      baseUomOf: (code) => {
        const entry = skus.get(code);
        return typeof entry === 'string' ? entry : undefined;
      },
      hasLocation: (code) => locations.get(code) === true,
    };
  }
}

// Codes are identifiers without spaces (canonical schema), so a space separates the parts safely.
const skuKey = (tenantId: string, code: string) => `${tenantId} sku ${code}`;
const locationKey = (tenantId: string, code: string) => `${tenantId} location ${code}`;
