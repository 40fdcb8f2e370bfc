import { ErrorCode, MeridianError } from '@meridian/errors';
import { domainOf, eventTypePattern } from './envelope';

/**
 * What a consumer or tail listens to. Each entry is an exact event type (`quality.exception_raised`)
 * or a prefix pattern ending in `.*` (`quality.*`, `supply.po.*`) that matches every type below it,
 * however many segments follow. A bare `*` is not supported: name the domains you depend on.
 */
export interface TypeSelector {
  exact: string[];
  /** Patterns without the trailing `*`, e.g. `quality.` */
  prefixes: string[];
}

const prefixPattern = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.\*$/;

export function parseTypeSelector(types: string[]): TypeSelector {
  if (types.length === 0) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'types is empty: list the event types to receive.', {
      field: 'types',
    });
  }
  const selector: TypeSelector = { exact: [], prefixes: [] };
  for (const type of new Set(types)) {
    if (eventTypePattern.test(type)) selector.exact.push(type);
    else if (prefixPattern.test(type)) selector.prefixes.push(type.slice(0, -1));
    else {
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        `"${type}" is neither an event type (domain.name) nor a prefix pattern (domain.*).`,
        { field: 'types' },
      );
    }
  }
  return selector;
}

export function matchesType(selector: TypeSelector, type: string): boolean {
  return selector.exact.includes(type) || selector.prefixes.some((prefix) => type.startsWith(prefix));
}

/** The domains whose events the selector can match. */
export function domainsOf(selector: TypeSelector): Set<string> {
  return new Set([...selector.exact, ...selector.prefixes].map(domainOf));
}

/**
 * Whether a backbone notification may concern a listener of `domains`: it names one of them, or names no
 * domains at all.
 */
export function notificationConcerns(domains: ReadonlySet<string>, notified: ReadonlySet<string> | null) {
  if (notified === null) return true;
  for (const domain of notified) if (domains.has(domain)) return true;
  return false;
}

/** The selector split by owning domain (NATS keeps one stream per domain). */
export function selectorsByDomain(selector: TypeSelector): Map<string, TypeSelector> {
  const byDomain = new Map<string, TypeSelector>();
  const entry = (domain: string) => {
    let found = byDomain.get(domain);
    if (!found) {
      found = { exact: [], prefixes: [] };
      byDomain.set(domain, found);
    }
    return found;
  };
  for (const type of selector.exact) entry(domainOf(type)).exact.push(type);
  for (const prefix of selector.prefixes) entry(domainOf(prefix)).prefixes.push(prefix);
  return byDomain;
}
