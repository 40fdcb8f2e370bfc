import { ExpiringCache, type Identity, signIdentityAssertion, verifyAccessToken } from '@meridian/auth';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { type CryptoKey, decodeJwt } from 'jose';

/** Who sent a request, as far as the gateway knows: a verified user or nobody. */
export interface Caller {
  identity: Identity;
  /** The bearer token, when there was one; keys the assertion cache. */
  token?: string;
  /** When the caller's token expires (ms since epoch); Infinity for anonymous callers. */
  expiresAt: number;
}

export const ANONYMOUS_CALLER: Readonly<Caller> = Object.freeze<Caller>({
  identity: { kind: 'anonymous' },
  expiresAt: Infinity,
});

/**
 * Identity assertions live 60 s (@meridian/auth); reuse one for 45 s so a subgraph never sees one that is
 * about to expire, and sign at most once per caller per 45 s instead of once per subgraph request.
 */
export const ASSERTION_REUSE_MS = 45_000;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Extracts the token from an `Authorization` header; undefined when absent, an error when malformed. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = BEARER.exec(authorization);
  if (!match) {
    throw new MeridianError(ErrorCode.UNAUTHENTICATED, 'Send the token as "Authorization: Bearer <token>".', {
      reason: 'TOKEN_MALFORMED',
    });
  }
  return match[1];
}

export interface GatewayAuthOptions {
  accessTokenPublicKey: CryptoKey;
  gatewayPrivateKey: CryptoKey;
  /** Upper bound of distinct tokens remembered at once. */
  maxCachedTokens?: number;
  now?: () => number;
}

/**
 * Verifies callers and vouches for them to subgraphs. Both steps are cached: a verified token until it expires,
 * an assertion per token for ASSERTION_REUSE_MS, so the hot path does no signature work at all.
 */
export class GatewayAuth {
  private readonly callers: ExpiringCache<string, Caller>;
  private readonly assertions: ExpiringCache<string, Promise<string>>;
  private readonly now: () => number;

  constructor(private readonly options: GatewayAuthOptions) {
    this.now = options.now ?? Date.now;
    const maxEntries = options.maxCachedTokens ?? 10_000;
    this.callers = new ExpiringCache(maxEntries, this.now);
    this.assertions = new ExpiringCache(maxEntries, this.now);
  }

  /** Missing header → anonymous; a bad, forged or expired token → MeridianError UNAUTHENTICATED. */
  async authenticate(authorization: string | undefined): Promise<Caller> {
    const token = bearerToken(authorization);
    if (token === undefined) return ANONYMOUS_CALLER;
    const cached = this.callers.get(token);
    if (cached) return cached;
    const identity = await verifyAccessToken(this.options.accessTokenPublicKey, token);
    const { exp } = decodeJwt(token);
    const caller: Caller = {
      identity,
      token,
      expiresAt: exp === undefined ? this.now() + 60_000 : exp * 1000,
    };
    this.callers.set(token, caller, caller.expiresAt);
    return caller;
  }

  /** The signed `x-meridian-identity` value for this caller, signed at most once per ASSERTION_REUSE_MS. */
  assertionFor(caller: Caller): Promise<string> {
    const key = caller.token ?? '';
    const cached = this.assertions.get(key);
    if (cached) return cached;
    const now = this.now();
    const signing = signIdentityAssertion(this.options.gatewayPrivateKey, caller.identity, new Date(now));
    this.assertions.set(key, signing, now + ASSERTION_REUSE_MS);
    signing.catch(() => this.assertions.delete(key));
    return signing;
  }
}
