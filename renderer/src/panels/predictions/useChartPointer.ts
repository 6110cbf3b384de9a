/**
 * What the pointer does over the over-time chart's plot: hover picks the point under it, a drag
 * selects a range to zoom to, Shift+drag pans, the wheel zooms about the pointer (Shift+wheel or a
 * sideways wheel pans). Positions are read as a fraction of the plot's width, so the mapping to
 * values is the axis's own (see chartViewport). The wheel listener is attached by hand: React's is
 * passive and could not keep the page from scrolling.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { clampRange, panBy, valueAt, zoomAt, type Range } from './chartViewport';

/** A drag shorter than this (CSS px) is a click, not a range. */
const MIN_DRAG_PX = 6;
/** One wheel notch zooms in or out by this factor. */
const WHEEL_ZOOM = 0.8;

export interface PointerState {
  /** Fraction of the plot's width under the pointer; null when it is elsewhere. */
  hover: number | null;
  /** A range being selected, as fractions of the plot's width. */
  selecting: readonly [number, number] | null;
}

interface Options {
  /** What the plot shows now, and all of the data. */
  shown: Range | null;
  full: Range | null;
  points: number;
  setRange(range: Range | null): void;
}

type Drag = { kind: 'select'; from: number } | { kind: 'pan'; from: number; range: Range };

const fractionIn = (element: HTMLElement, clientX: number): number => {
  const box = element.getBoundingClientRect();
  return box.width > 0 ? Math.min(1, Math.max(0, (clientX - box.left) / box.width)) : 0;
};

export function useChartPointer(options: Options): { ref: React.RefObject<HTMLDivElement | null>; state: PointerState; handlers: React.HTMLAttributes<HTMLDivElement> } {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PointerState>({ hover: null, selecting: null });
  const drag = useRef<Drag | null>(null);
  // The wheel listener lives outside React's renders: it reads the newest options from here.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onWheel = (event: WheelEvent): void => {
      const { shown, full, points, setRange } = latest.current;
      if (!shown || !full) return;
      event.preventDefault();
      const sideways = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (sideways) {
        const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
        setRange(panBy(shown, Math.sign(delta) * 0.1, full, points));
        return;
      }
      const anchor = valueAt(shown, fractionIn(element, event.clientX));
      setRange(zoomAt(shown, anchor, event.deltaY < 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, full, points));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const handlers: React.HTMLAttributes<HTMLDivElement> = {
    onPointerMove: (event) => {
      const at = fractionIn(event.currentTarget, event.clientX);
      const current = drag.current;
      const { full, points, setRange } = options;
      if (current?.kind === 'pan' && full) setRange(panBy(current.range, current.from - at, full, points));
      setState({ hover: current === null ? at : null, selecting: current?.kind === 'select' ? [current.from, at] : null });
    },
    onPointerLeave: () => {
      if (drag.current === null) setState({ hover: null, selecting: null });
    },
    onPointerDown: (event) => {
      if (event.button !== 0 || !options.shown) return;
      const at = fractionIn(event.currentTarget, event.clientX);
      drag.current = event.shiftKey ? { kind: 'pan', from: at, range: options.shown } : { kind: 'select', from: at };
      event.currentTarget.setPointerCapture(event.pointerId);
      setState({ hover: null, selecting: event.shiftKey ? null : [at, at] });
    },
    onPointerUp: (event) => {
      const current = drag.current;
      drag.current = null;
      const at = fractionIn(event.currentTarget, event.clientX);
      const { shown, full, points, setRange } = options;
      if (current?.kind === 'select' && shown && full && Math.abs(at - current.from) * event.currentTarget.getBoundingClientRect().width >= MIN_DRAG_PX) {
        setRange(clampRange([valueAt(shown, current.from), valueAt(shown, at)], full, points));
      }
      setState({ hover: at, selecting: null });
    },
  };
  return { ref, state, handlers };
}
