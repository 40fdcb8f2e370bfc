'use client';

import { useSyncExternalStore } from 'react';

/**
 * State of the graphql-ws socket that carries live updates. `idle`: no subscription needs it
 * (the client is lazy); `reconnecting`: it dropped and the client is retrying with backoff.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

const listeners = new Set<() => void>();
let status: ConnectionStatus = 'idle';

export function setConnectionStatus(next: ConnectionStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(
    subscribe,
    () => status,
    () => 'idle',
  );
}
