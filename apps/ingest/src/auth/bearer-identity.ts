import type { IncomingMessage } from 'node:http';
import { type UserIdentity, verifyAccessToken } from '@meridian/auth';
import { ErrorCode, MeridianError } from '@meridian/errors';

export type AccessTokenKey = Parameters<typeof verifyAccessToken>[0];

/** The caller behind `Authorization: Bearer <access token>`; the tenant of everything it writes. */
export async function bearerIdentity(req: IncomingMessage, publicKey: AccessTokenKey): Promise<UserIdentity> {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new MeridianError(
      ErrorCode.UNAUTHENTICATED,
      'Send an access token as "Authorization: Bearer <token>".',
      { reason: 'TOKEN_MISSING' },
    );
  }
  return verifyAccessToken(publicKey, match[1]);
}
