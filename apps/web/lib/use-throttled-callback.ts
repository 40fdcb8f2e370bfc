'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * Runs `callback` at most once per `intervalMs`: immediately when idle, otherwise once at the end of
 * the interval however many calls came in (a burst of live events costs one refetch, not hundreds).
 */
export function useThrottledCallback(callback: () => void, intervalMs: number): () => void {
  const callbackRef = useRef(callback);
  const lastRunAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    callbackRef.current = callback;
  }, [callback]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(() => {
    if (timer.current) return;
    const waitMs = Math.max(0, lastRunAt.current + intervalMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRunAt.current = Date.now();
      callbackRef.current();
    }, waitMs);
  }, [intervalMs]);
}
