import { ErrorCode, MeridianError } from '@meridian/errors';
import { type CryptoKey, decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ExpiringCache } from './expiring-cache';
import { SIGNING_ALG } from './keys';
import { type Identity, isRole, type UserIdentity } from './roles';

const ISSUER = 'meridian-security';
const ACCESS_AUDIENCE = 'meridian-api';
const GATEWAY_ISSUER = 'meridian-gateway';
const SUBGRAPH_AUDIENCE = 'meridian-subgraph';

/** Access tokens are short-lived; the control tower signs in again when one expires. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Identity assertions live only for one gateway→subgraph hop (plus clock skew). */
const ASSERTION_TTL_SECONDS = 60;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export async function issueAccessToken(
  privateKey: CryptoKey,
  user: UserIdentity,
  now = new Date(),
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<IssuedToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ttlSeconds;
  const token = await new SignJWT({ tid: user.tenantId, email: user.email, roles: user.roles })
    .setProtectedHeader({ alg: SIGNING_ALG })
    .setIssuer(ISSUER)
    .setAudience(ACCESS_AUDIENCE)
    .setSubject(user.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

function identityFromClaims(payload: Record<string, unknown>): UserIdentity {
  const { sub, tid, email, roles } = payload;
  if (
    typeof sub !== 'string' ||
    typeof tid !== 'string' ||
    typeof email !== 'string' ||
    !Array.isArray(roles)
  ) {
    throw new MeridianError(
      ErrorCode.UNAUTHENTICATED,
      'The token is missing required claims; sign in again.',
    );
  }
  return { kind: 'user', userId: sub, tenantId: tid, email, roles: roles.filter(isRole) };
}

function unauthenticated(error: unknown): MeridianError {
  const expired = error instanceof joseErrors.JWTExpired;
  return new MeridianError(
    ErrorCode.UNAUTHENTICATED,
    expired ? 'Your session has expired; sign in again.' : 'The token is not valid; sign in again.',
    { reason: expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID' },
  );
}

export async function verifyAccessToken(publicKey: CryptoKey, token: string): Promise<UserIdentity> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: ACCESS_AUDIENCE,
      algorithms: [SIGNING_ALG],
    });
    return identityFromClaims(payload);
  } catch (error) {
    if (error instanceof MeridianError) throw error;
    throw unauthenticated(error);
  }
}

/** The gateway vouches for the caller to a subgraph; subgraphs trust nothing else. */
export async function signIdentityAssertion(
  gatewayPrivateKey: CryptoKey,
  identity: Identity,
  now = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims =
    identity.kind === 'user'
      ? { anon: false, tid: identity.tenantId, email: identity.email, roles: identity.roles }
      : { anon: true };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(SUBGRAPH_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_TTL_SECONDS);
  if (identity.kind === 'user') jwt.setSubject(identity.userId);
  return jwt.sign(gatewayPrivateKey);
}

export async function verifyIdentityAssertion(
  gatewayPublicKey: CryptoKey,
  assertion: string,
): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(assertion, gatewayPublicKey, {
      issuer: GATEWAY_ISSUER,
      audience: SUBGRAPH_AUDIENCE,
      algorithms: [SIGNING_ALG],
    });
    if (payload.anon === true) return { kind: 'anonymous' };
    return identityFromClaims(payload);
  } catch (error) {
    if (error instanceof MeridianError) throw error;
    throw new MeridianError(
      ErrorCode.UNAUTHENTICATED,
      'This service only answers requests that come through the Meridian gateway.',
      { reason: 'GATEWAY_ASSERTION_INVALID' },
    );
  }
}

/** Header that carries the gateway's identity assertion to subgraphs. */
export const IDENTITY_HEADER = 'x-meridian-identity';

/**
 * Verifies gateway assertions, each signature once: the gateway reuses an assertion for many requests,
 * so a subgraph keeps what it verified until the assertion expires.
 */
export function createIdentityAssertionVerifier(gatewayPublicKey: CryptoKey, maxEntries = 10_000) {
  const verified = new ExpiringCache<string, Identity>(maxEntries);
  return async (assertion: string): Promise<Identity> => {
    const cached = verified.get(assertion);
    if (cached) return cached;
    const identity = await verifyIdentityAssertion(gatewayPublicKey, assertion);
    const { exp } = decodeJwt(assertion);
    if (exp !== undefined) verified.set(assertion, identity, exp * 1000);
    return identity;
  };
}
