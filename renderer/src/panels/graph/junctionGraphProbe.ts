/**
 * A read-only window onto the drawn graph, for the end-to-end tests and the frame-rate
 * measurement: what is on the canvas cannot be read from the DOM. It reports what cytoscape
 * draws and exposes no engine access (no commands, no transport).
 */

export interface JunctionGraphProbe {
  nodeCount(): number;
  edgeCount(): number;
  /** The junction's drawn size (model px), fill colour and whether it is marked as passing; null when not drawn. */
  nodeStyle(id: string): { width: number; color: string; passing: boolean } | null;
  /** The junction's data-quality mark ('suspect', 'bad' or null for none) and whether it is drawn as alarmed; null when not drawn. */
  nodeMarks(id: string): { health: 'suspect' | 'bad' | null; alarmed: boolean } | null;
  /** Centre of the junction relative to the canvas container's top-left (CSS px); null when not drawn. */
  renderedPosition(id: string): { x: number; y: number } | null;
  /** The junction's drawn box with its label, relative to the canvas container (CSS px); null when not drawn. */
  renderedBox(id: string): { x1: number; y1: number; x2: number; y2: number } | null;
  /** Ids of the junctions drawn. */
  nodeIds(): string[];
  /** The canvas container's size (CSS px) and the zoom (rendered px per model px). */
  canvasSize(): { width: number; height: number; zoom: number };
  /** Inferred links as drawn: their label, and whether it is large enough at this zoom for cytoscape to draw it. */
  inferredEdges(): { from: string; to: string; label: string; labelDrawn: boolean; length: number }[];
  /** Version of the topology drawn; -1 before the first. */
  topologyVersion(): number;
  /** Load updates applied to the canvas so far. */
  loadsApplied(): number;
}

declare global {
  interface Window {
    /** Installed while the Junction graph panel is mounted (see JunctionGraphProbe). */
    __junctionGraphProbe?: JunctionGraphProbe;
  }
}
