import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id PHC string with the library's defaults (m=19 MiB, t=2, p=1: OWASP's baseline) and a
 * fresh random salt, so equal passwords never share a hash.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed stored hash alike: both mean "not signed in". */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
