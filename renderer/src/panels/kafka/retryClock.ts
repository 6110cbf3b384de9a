/**
 * A live "next attempt in N s" while the bus retries. The anchor is kept outside React, fed by a
 * store subscription, so the moment an announcement arrived is recorded once however often the
 * panel renders.
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { useView } from '../../store/viewStore';
import { nextRetryAnchor, retryRemainingSeconds, type RetryAnchor } from './busFormat';

const useRetryAnchor = create<{ anchor: RetryAnchor | null }>(() => ({ anchor: null }));

useView.subscribe((state) => {
  const bus = state.bus;
  const previous = useRetryAnchor.getState().anchor;
  const next = nextRetryAnchor(previous, bus?.state === 'retrying' ? bus.retryInSeconds : null, Date.now());
  if (next !== previous) useRetryAnchor.setState({ anchor: next });
});

/** Seconds until the next connection attempt, ticking locally; null when not retrying. */
export function useRetryCountdown(): number | null {
  const anchor = useRetryAnchor((s) => s.anchor);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!anchor) return;
    // A quarter second keeps the shown second within 250 ms of the truth without busy rendering.
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [anchor]);
  return anchor ? retryRemainingSeconds(anchor, now) : null;
}
