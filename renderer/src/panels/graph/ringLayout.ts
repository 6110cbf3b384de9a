/**
 * Junctions without coordinates (no network file, or one without lat/lon) on one ring, in natural
 * order of their ids (J2 before J10): a pure function of the set of junctions, so the same set is
 * always drawn the same way (no random start, nothing jumps when links or loads change), every
 * link is a chord that can be seen and labelled, and no junction sits on a line through others as
 * in a column. Neighbours on the ring are far enough apart for the largest junction and its label.
 */
import type { Point } from './graphProjection';
import { NODE_SIZE } from './graphStyle';

/** Room for a label character at the junction label's 11 px font (a wide-ish average). */
const LABEL_CHAR_PX = 7;
/** Clear space between neighbours on the ring, beyond the junctions and their labels. */
const RING_GAP = 30;

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export interface RingNode {
  id: string;
  /** What is drawn under the junction (its name, else its id). */
  label: string;
}

/** Distance between neighbours' centres: the widest of a junction at its largest and the longest label, plus a gap. */
export function ringSpacing(nodes: readonly RingNode[]): number {
  const longest = Math.max(0, ...nodes.map((node) => node.label.length));
  return Math.max(NODE_SIZE.max, longest * LABEL_CHAR_PX) + RING_GAP;
}

/** Centres on a ring around (0, 0), the first at the top, then clockwise; one junction sits at the centre. */
export function ringPositions(nodes: readonly RingNode[]): Map<string, Point> {
  const ordered = [...nodes].sort((a, b) => naturalOrder.compare(a.id, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const positions = new Map<string, Point>();
  if (ordered.length === 1) positions.set((ordered[0] as RingNode).id, { x: 0, y: 0 });
  if (ordered.length < 2) return positions;
  const step = (2 * Math.PI) / ordered.length;
  // The chord between neighbours is 2r·sin(step/2); two junctions face each other across 2r.
  const radius = ringSpacing(ordered) / (2 * Math.sin(Math.min(step, Math.PI) / 2));
  ordered.forEach((node, index) => {
    const angle = -Math.PI / 2 + index * step;
    positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  return positions;
}
