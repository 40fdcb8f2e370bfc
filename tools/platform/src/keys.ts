import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPair, type SigningKeyPair } from '@meridian/auth';

export interface PlatformKeys {
  accessToken: SigningKeyPair;
  gateway: SigningKeyPair;
}

/**
 * Development signing keys, made once per machine under `.data/keys` so sessions survive restarts.
 * In production the same variables come from the secret store instead.
 */
export async function ensureDevKeys(dir: string): Promise<PlatformKeys> {
  const file = join(dir, 'signing-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PlatformKeys;
  mkdirSync(dir, { recursive: true });
  const keys: PlatformKeys = {
    accessToken: await generateSigningKeyPair('access-token-1'),
    gateway: await generateSigningKeyPair('gateway-1'),
  };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** The environment each service needs to sign or verify, and nothing more. */
export function keyEnv(keys: PlatformKeys) {
  return {
    ACCESS_TOKEN_PRIVATE_KEY: JSON.stringify(keys.accessToken.privateJwk),
    ACCESS_TOKEN_PUBLIC_KEY: JSON.stringify(keys.accessToken.publicJwk),
    GATEWAY_PRIVATE_KEY: JSON.stringify(keys.gateway.privateJwk),
    GATEWAY_PUBLIC_KEY: JSON.stringify(keys.gateway.publicJwk),
  };
}
