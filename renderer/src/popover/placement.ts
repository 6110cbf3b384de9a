/** Where a popover goes so it stays inside the window. Pure, so the rule is unit-tested. */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Kept clear between a popover and the window's edge, and between a popover and its button. */
export const EDGE_MARGIN = 8;
export const GAP = 4;

/**
 * The window position of a popover of the given size opened from `button`: under the button,
 * left-aligned with it, or right-aligned (opening to the left) when that runs past the right
 * edge; above the button when it runs past the bottom and there is more room above; then
 * clamped into the window. A popover larger than the window keeps its left/top edge in view
 * (it scrolls inside, see .popover in styles.css).
 */
export function placePopover(size: { width: number; height: number }, button: Rect, viewport: { width: number; height: number }): { left: number; top: number } {
  let left = button.left;
  if (left + size.width > viewport.width - EDGE_MARGIN) left = button.left + button.width - size.width;
  left = Math.max(EDGE_MARGIN, Math.min(left, viewport.width - EDGE_MARGIN - size.width));

  const below = button.top + button.height + GAP;
  const roomBelow = viewport.height - EDGE_MARGIN - below;
  const roomAbove = button.top - GAP - EDGE_MARGIN;
  let top = size.height > roomBelow && roomAbove > roomBelow ? button.top - GAP - size.height : below;
  top = Math.max(EDGE_MARGIN, Math.min(top, viewport.height - EDGE_MARGIN - size.height));
  return { left, top };
}
