import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const SIGNING_ALG = 'EdDSA';

export interface SigningKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKeyPair(kid: string): Promise<SigningKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG };
  return { privateJwk, publicJwk };
}

export async function importSigningKey(jwk: JWK | string): Promise<CryptoKey> {
  const parsed: JWK = typeof jwk === 'string' ? JSON.parse(jwk) : jwk;
  const key = await importJWK(parsed, SIGNING_ALG);
  if (key instanceof Uint8Array) throw new Error('Expected an asymmetric key, got a symmetric secret.');
  return key;
}
