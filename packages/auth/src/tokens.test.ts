import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, importSigningKey } from './keys';
import type { UserIdentity } from './roles';
import {
  createIdentityAssertionVerifier,
  issueAccessToken,
  signIdentityAssertion,
  verifyAccessToken,
  verifyIdentityAssertion,
} from './tokens';

const planner: UserIdentity = {
  kind: 'user',
  userId: '5f0c5a36-2a5e-4b8e-9d61-3f1f2b8f2c11',
  tenantId: '1b1e2b7e-6b8f-4c0a-9b8e-6a1f0c2d3e4f',
  email: 'planner@demo.meridian.test',
  roles: ['planner'],
};

async function keyPair(kid: string) {
  const { privateJwk, publicJwk } = await generateSigningKeyPair(kid);
  return { privateKey: await importSigningKey(privateJwk), publicKey: await importSigningKey(publicJwk) };
}

describe('access tokens', () => {
  it('round-trip the identity, and refuse a token signed by another key or expired', async () => {
    const security = await keyPair('security');
    const forger = await keyPair('forger');
    const { token } = await issueAccessToken(security.privateKey, planner);
    expect(await verifyAccessToken(security.publicKey, token)).toEqual(planner);

    const forged = await issueAccessToken(forger.privateKey, planner);
    await expect(verifyAccessToken(security.publicKey, forged.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'TOKEN_INVALID' },
    });
    const old = await issueAccessToken(security.privateKey, planner, new Date(Date.now() - 3_600_000), 60);
    await expect(verifyAccessToken(security.publicKey, old.token)).rejects.toMatchObject({
      details: { reason: 'TOKEN_EXPIRED' },
    });
  });
});

describe('identity assertions', () => {
  it('carry users and anonymous callers from the gateway, and nothing else', async () => {
    const gateway = await keyPair('gateway');
    const security = await keyPair('security');
    const assertion = await signIdentityAssertion(gateway.privateKey, planner);
    expect(await verifyIdentityAssertion(gateway.publicKey, assertion)).toEqual(planner);
    const anonymous = await signIdentityAssertion(gateway.privateKey, { kind: 'anonymous' });
    expect(await verifyIdentityAssertion(gateway.publicKey, anonymous)).toEqual({ kind: 'anonymous' });
    // A user's access token is not an assertion, even though it is a valid JWT of ours.
    const { token } = await issueAccessToken(security.privateKey, planner);
    await expect(verifyIdentityAssertion(gateway.publicKey, token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('the cached verifier answers repeats and still refuses forgeries and expired assertions', async () => {
    const gateway = await keyPair('gateway');
    const forger = await keyPair('forger');
    const verify = createIdentityAssertionVerifier(gateway.publicKey);
    const assertion = await signIdentityAssertion(gateway.privateKey, planner);
    expect(await verify(assertion)).toEqual(planner);
    expect(await verify(assertion)).toEqual(planner);
    await expect(verify(await signIdentityAssertion(forger.privateKey, planner))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const expired = await signIdentityAssertion(gateway.privateKey, planner, new Date(Date.now() - 600_000));
    await expect(verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
