import {
  generateSigningKeyPair,
  importSigningKey,
  issueAccessToken,
  type UserIdentity,
  verifyIdentityAssertion,
} from '@meridian/auth';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS_CALLER, ASSERTION_REUSE_MS, bearerToken, GatewayAuth } from './auth';

const user: UserIdentity = {
  kind: 'user',
  userId: '0b8f7c3e-8d59-4d7a-9f55-6f4f3f6f1a01',
  tenantId: '5c3f0b7e-1d2a-4c1b-8e3f-2a1b0c9d8e7f',
  email: 'planner@example.com',
  roles: ['planner'],
};

let keys: Awaited<ReturnType<typeof makeKeys>>;
async function makeKeys() {
  const access = await generateSigningKeyPair('access');
  const gateway = await generateSigningKeyPair('gateway');
  const forger = await generateSigningKeyPair('forger');
  return {
    accessPrivate: await importSigningKey(access.privateJwk),
    accessPublic: await importSigningKey(access.publicJwk),
    gatewayPrivate: await importSigningKey(gateway.privateJwk),
    gatewayPublic: await importSigningKey(gateway.publicJwk),
    forgerPrivate: await importSigningKey(forger.privateJwk),
  };
}

beforeAll(async () => {
  keys = await makeKeys();
});

function authWithClock(now: () => number) {
  return new GatewayAuth({
    accessTokenPublicKey: keys.accessPublic,
    gatewayPrivateKey: keys.gatewayPrivate,
    now,
  });
}

async function expectUnauthenticated(promise: Promise<unknown>, reason: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MeridianError);
  expect((error as MeridianError).code).toBe(ErrorCode.UNAUTHENTICATED);
  expect((error as MeridianError).details.reason).toBe(reason);
}

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc')).toBe('abc');
  });

  it('treats a missing or empty header as no token', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('  ')).toBeUndefined();
  });

  it('refuses another scheme or a header without a token', () => {
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(MeridianError);
    expect(() => bearerToken('Bearer')).toThrow(MeridianError);
  });
});

describe('GatewayAuth', () => {
  it('treats a request without a token as anonymous', async () => {
    expect(await authWithClock(Date.now).authenticate(undefined)).toBe(ANONYMOUS_CALLER);
  });

  it('verifies a valid token into the user it names, and remembers it', async () => {
    const auth = authWithClock(Date.now);
    const { token, expiresAt } = await issueAccessToken(keys.accessPrivate, user);
    const caller = await auth.authenticate(`Bearer ${token}`);
    expect(caller.identity).toEqual(user);
    expect(caller.expiresAt).toBe(expiresAt.getTime());
    expect(await auth.authenticate(`Bearer ${token}`)).toBe(caller);
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await issueAccessToken(keys.forgerPrivate, user);
    await expectUnauthenticated(authWithClock(Date.now).authenticate(`Bearer ${token}`), 'TOKEN_INVALID');
  });

  it('refuses an expired token', async () => {
    const { token } = await issueAccessToken(keys.accessPrivate, user, new Date(Date.now() - 3_600_000), 60);
    await expectUnauthenticated(authWithClock(Date.now).authenticate(`Bearer ${token}`), 'TOKEN_EXPIRED');
  });

  it('stops accepting a remembered token once it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const auth = authWithClock(Date.now);
      const { token, expiresAt } = await issueAccessToken(keys.accessPrivate, user, new Date(), 60);
      await auth.authenticate(`Bearer ${token}`);
      vi.setSystemTime(expiresAt.getTime() + 1_000);
      await expectUnauthenticated(auth.authenticate(`Bearer ${token}`), 'TOKEN_EXPIRED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('signs an assertion subgraphs accept, and reuses it until it must be renewed', async () => {
    let now = Date.now();
    const auth = authWithClock(() => now);
    const { token } = await issueAccessToken(keys.accessPrivate, user);
    const caller = await auth.authenticate(`Bearer ${token}`);
    const first = await auth.assertionFor(caller);
    expect(await verifyIdentityAssertion(keys.gatewayPublic, first)).toEqual(user);
    now += ASSERTION_REUSE_MS - 1;
    expect(await auth.assertionFor(caller)).toBe(first);
    now += 2_000;
    expect(await auth.assertionFor(caller)).not.toBe(first);
  });

  it('vouches for anonymous callers too', async () => {
    const assertion = await authWithClock(Date.now).assertionFor(ANONYMOUS_CALLER);
    expect(await verifyIdentityAssertion(keys.gatewayPublic, assertion)).toEqual({ kind: 'anonymous' });
  });
});
