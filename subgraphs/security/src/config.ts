import { importSigningKey } from '@meridian/auth';
import type { CryptoKey } from 'jose';

let signingKey: Promise<CryptoKey> | undefined;

/** The private half of the access-token key pair; only the security subgraph holds it. */
export function accessTokenSigningKey(): Promise<CryptoKey> {
  const jwk = process.env.ACCESS_TOKEN_PRIVATE_KEY;
  if (!jwk)
    throw new Error('ACCESS_TOKEN_PRIVATE_KEY is not set (JWK JSON of the access-token signing key).');
  signingKey ??= importSigningKey(jwk);
  return signingKey;
}
