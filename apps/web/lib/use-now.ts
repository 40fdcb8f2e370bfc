'use client';

import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, so "due in 3 hr" stays true while a page is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
