import { ErrorCode, MeridianError } from '@meridian/errors';

export const ROLES = ['planner', 'logistics', 'marketing', 'analyst', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling. `anonymous` calls still came through the gateway (e.g. `login`). */
export type Identity =
  | { kind: 'user'; userId: string; tenantId: string; email: string; roles: Role[] }
  | { kind: 'anonymous' };

export type UserIdentity = Extract<Identity, { kind: 'user' }>;

export function requireUser(identity: Identity): UserIdentity {
  if (identity.kind !== 'user') {
    throw new MeridianError(
      ErrorCode.UNAUTHENTICATED,
      'Sign in first: send a bearer token from the login mutation.',
    );
  }
  return identity;
}

/** Admins may do everything; otherwise the caller needs one of `allowed`. */
export function requireRole(identity: Identity, ...allowed: Role[]): UserIdentity {
  const user = requireUser(identity);
  if (user.roles.includes('admin') || user.roles.some((role) => allowed.includes(role))) return user;
  throw new MeridianError(ErrorCode.FORBIDDEN, `This action needs one of the roles: ${allowed.join(', ')}.`, {
    requiredRoles: allowed,
  });
}

/** A caller may only see its own tenant's data. */
export function requireTenant(identity: Identity, tenantId: string): UserIdentity {
  const user = requireUser(identity);
  if (user.tenantId !== tenantId) {
    throw new MeridianError(ErrorCode.FORBIDDEN, 'That tenant is not yours.');
  }
  return user;
}
