import {
  hashPassword,
  type Identity,
  isRole,
  issueAccessToken,
  requireUser,
  verifyPassword,
} from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { z } from 'zod';
import { accessTokenSigningKey } from '../config';
import * as store from '../store/users';

const credentials = z.object({
  email: z.string().trim().max(320).email('enter an email address such as planner@demo.meridian.test'),
  password: z.string().min(1, 'enter your password').max(1024),
});

/** Verified against when the email is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;

export async function login(prisma: PrismaClient, rawCredentials: unknown) {
  const { email, password } = credentials.parse(rawCredentials);
  const user = await store.findUserByEmail(prisma, email);
  decoyHash ??= hashPassword('decoy-password-for-unknown-users');
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !passwordMatches) {
    throw new MeridianError(
      ErrorCode.UNAUTHENTICATED,
      'Email or password is wrong. Check both and try again.',
      {
        reason: 'INVALID_CREDENTIALS',
      },
    );
  }
  const roles = user.roles.map(({ role }) => role.name).filter(isRole);
  const issued = await issueAccessToken(await accessTokenSigningKey(), {
    kind: 'user',
    userId: user.id,
    tenantId: user.tenantId,
    email: user.email,
    roles,
  });
  return { accessToken: issued.token, expiresAt: issued.expiresAt, user };
}

export async function currentUser(prisma: PrismaClient, identity: Identity) {
  if (identity.kind !== 'user') return null;
  return store.findUser(prisma, identity.tenantId, identity.userId);
}

export async function userById(prisma: PrismaClient, identity: Identity, id: string) {
  return store.findUser(prisma, requireUser(identity).tenantId, id);
}

export async function tenantById(prisma: PrismaClient, identity: Identity, id: string) {
  if (requireUser(identity).tenantId !== id) {
    throw new MeridianError(ErrorCode.FORBIDDEN, 'That tenant is not yours.');
  }
  return store.findTenant(prisma, id);
}
