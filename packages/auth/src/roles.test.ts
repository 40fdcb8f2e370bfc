import { describe, expect, it } from 'vitest';
import { requireRole, requireTenant, type UserIdentity } from './roles';

const user = (roles: UserIdentity['roles']): UserIdentity => ({
  kind: 'user',
  userId: 'u1',
  tenantId: 't1',
  email: 'someone@demo.meridian.test',
  roles,
});

describe('role checks', () => {
  it('let a listed role or an admin through, and refuse everyone else with a code', () => {
    expect(requireRole(user(['planner']), 'planner', 'analyst').userId).toBe('u1');
    expect(requireRole(user(['admin']), 'planner').userId).toBe('u1');
    expect(() => requireRole(user(['marketing']), 'planner')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', details: { requiredRoles: ['planner'] } }),
    );
    expect(() => requireRole({ kind: 'anonymous' }, 'planner')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('keep callers inside their own tenant', () => {
    expect(requireTenant(user(['planner']), 't1').tenantId).toBe('t1');
    expect(() => requireTenant(user(['admin']), 't2')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
