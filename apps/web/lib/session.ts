'use client';

import { useSyncExternalStore } from 'react';

/** What the control tower keeps about the signed-in user; the token is what the gateway trusts. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: { name: string; email: string; roles: string[]; tenantName: string };
}

/** Why the user landed back on the sign-in page, shown there so they know what happened. */
export type SignOutReason = 'signed-out' | 'session-expired';

/** `undefined` while the browser's storage has not been read yet (server render, hydration). */
export type SessionState = Session | null | undefined;

// sessionStorage: the token dies with the tab and is never sent to the Next server.
const STORAGE_KEY = 'meridian.session';
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cachedSession: Session | null = null;

function readSession(): Session | null {
  const raw = window.sessionStorage.getItem(STORAGE_KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSession = parseSession(raw);
  }
  if (cachedSession && isExpired(cachedSession)) return null;
  return cachedSession;
}

export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'string' || !value.user)
      return null;
    return value as Session;
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function saveSession(session: Session): void {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  notify();
}

let lastSignOutReason: SignOutReason | null = null;

export function clearSession(reason: SignOutReason = 'signed-out'): void {
  lastSignOutReason = reason;
  window.sessionStorage.removeItem(STORAGE_KEY);
  notify();
}

/** The reason of the last sign-out in this page's life, once (the sign-in page shows it). */
export function takeSignOutReason(): SignOutReason | null {
  const reason = lastSignOutReason;
  lastSignOutReason = null;
  return reason;
}

/** The current token without subscribing to changes (for request headers). */
export function currentAccessToken(): string | null {
  return readSession()?.accessToken ?? null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSession(): SessionState {
  return useSyncExternalStore<SessionState>(subscribe, readSession, () => undefined);
}
