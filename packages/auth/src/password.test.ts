import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  test('produces salted argon2id hashes that verify only the right password', async () => {
    const [first, second] = await Promise.all([hashPassword('meridian-demo'), hashPassword('meridian-demo')]);
    expect(first).toMatch(/^\$argon2id\$v=19\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'meridian-demo')).toBe(true);
    expect(await verifyPassword(first, 'meridian-dem0')).toBe(false);
  });

  test('treats a malformed stored hash as a failed sign-in', async () => {
    expect(await verifyPassword('not-a-hash', 'meridian-demo')).toBe(false);
  });
});
