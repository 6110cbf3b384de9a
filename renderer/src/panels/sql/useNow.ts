/**
 * The wall clock, re-read every `periodMs` while `active`: for "Running… 3.2 s" and
 * "updated 0.4 s ago". Null until the first tick, and while inactive (no timer then).
 */
import { useEffect, useState } from 'react';

export function useNow(active: boolean, periodMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return;
    const tick = (): void => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, periodMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active, periodMs]);
  return active ? now : null;
}
