'use client';

import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { clearSession, takeSignOutReason, useSession } from '../../lib/session';
import { LoadingState } from '../states/States';
import { LiveIndicator } from './LiveIndicator';
import { SideNav } from './SideNav';

function formatRole(role: string): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}

/** Signed-in frame of every tower page; sends the browser to /login when there is no valid session. */
export function TowerShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (session !== null) return;
    const params = new URLSearchParams({ next: pathname });
    const reason = takeSignOutReason();
    if (reason === 'session-expired') params.set('reason', reason);
    router.replace(`/login?${params}`);
  }, [session, router, pathname]);

  useEffect(() => {
    if (!session) return;
    const remainingMs = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(
      () => clearSession('session-expired'),
      Math.min(Math.max(0, remainingMs), 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [session]);

  if (!session) {
    return (
      <div className="fullpage">
        <LoadingState label={session === null ? 'Redirecting to sign-in…' : 'Checking your session…'} />
      </div>
    );
  }

  const { user } = session;
  return (
    <div className="shell">
      <SideNav />
      <div className="shell__main">
        <header className="topbar">
          <span className="topbar__tenant" data-testid="tenant-name">
            {user.tenantName}
          </span>
          <div className="topbar__right">
            <LiveIndicator />
            <div className="user" data-testid="signed-in-user">
              <span className="user__name">{user.name}</span>
              <span className="user__roles">{user.roles.map(formatRole).join(', ')}</span>
            </div>
            <button type="button" className="button button--ghost" onClick={() => clearSession('signed-out')}>
              Sign out
            </button>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
