import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN, GAP, placePopover } from './placement';

const viewport = { width: 1440, height: 900 };
const button = { left: 700, top: 100, width: 80, height: 24 };

describe('popover placement', () => {
  it('opens under its button, left-aligned, when it fits', () => {
    expect(placePopover({ width: 300, height: 200 }, button, viewport)).toEqual({ left: 700, top: 124 + GAP });
  });

  it('opens to the left of a button near the right edge', () => {
    const nearRight = { ...button, left: 1300 };
    expect(placePopover({ width: 400, height: 200 }, nearRight, viewport).left).toBe(1380 - 400);
  });

  it('keeps the left edge in view when the popover is wider than the window', () => {
    expect(placePopover({ width: 2000, height: 200 }, button, viewport).left).toBe(EDGE_MARGIN);
  });

  it('opens above a button near the bottom, and stays inside the window', () => {
    const low = { ...button, top: 800 };
    expect(placePopover({ width: 300, height: 300 }, low, viewport).top).toBe(800 - GAP - 300);
    const { top } = placePopover({ width: 300, height: 850 }, low, viewport);
    expect(top).toBe(EDGE_MARGIN);
  });
});
