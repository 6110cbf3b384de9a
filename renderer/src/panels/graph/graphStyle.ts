/**
 * How loads and congestion look. Every node and edge carries its numbers as data fields; the
 * stylesheet maps them (mapData) to size and width, so a load update only sets data and
 * cytoscape restyles in one batch. Colours along a multi-stop scale are computed here, since
 * mapData interpolates between two colours only.
 */
import type { StylesheetJson } from 'cytoscape';
import { CONGESTION_STOPS, LOAD_STOPS, colourAt } from './colorScale';
import type { GraphTheme } from './graphTheme';

export const NODE_SIZE = { min: 18, max: 54 } as const;
export const EDGE_WIDTH = { min: 1.5, max: 10 } as const;
/** Congestion past this draws as the widest, reddest road (1 = at capacity). */
export const CONGESTION_CAP = 1.5;
/**
 * Above this many junctions a graph is drawn the "large" way: style transitions cost more frames
 * than they are worth, junction sizes move in coarse steps and roads keep one width (see below).
 */
export const TRANSITION_NODE_LIMIT = 300;
export const TRANSITION_MS = 250;
export const isLargeGraph = (nodeCount: number): boolean => nodeCount > TRANSITION_NODE_LIMIT;
/**
 * A change of size makes cytoscape recompute the junction's bounds and the end points of every road
 * at it; a change of colour does not. On a large graph (measured: 1,000 junctions, 3,000 roads,
 * four load updates a second) sizes move in these few classes, colours in the fine steps, and roads
 * show congestion by colour alone at this width: the page spends a fifth less time per update.
 */
export const LARGE_GRAPH_SIZE_STEPS = 6;
export const LARGE_GRAPH_EDGE_WIDTH = 3;

export interface NodeLoadData {
  /** Load over the window; -1 for no rows in it (data fields must be numbers for mapData). */
  load: number;
  /** 0…1 of the busiest junction's load. */
  loadFrac: number;
  /** loadFrac in the steps the junction's size moves by (coarser on a large graph). */
  sizeFrac: number;
  color: string;
  passing: boolean;
  rank: number | null;
}

export interface EdgeLoadData {
  congestion: number;
  /** 0…1 of CONGESTION_CAP. */
  congestionFrac: number;
  edgeColor: string;
  flow: number;
}

/**
 * Fractions are rounded to this many steps (under a pixel of size apart): a junction whose load
 * moved less than a step keeps its data, and cytoscape restyles only what visibly changed.
 */
export const FRACTION_STEPS = 48;
/** Roads change look in coarser steps: there are three times as many of them as junctions. */
export const EDGE_FRACTION_STEPS = 16;
const step = (fraction: number, steps = FRACTION_STEPS): number => Math.round(Math.min(1, Math.max(0, fraction)) * steps) / steps;

export function nodeLoadData(load: number | null, maxLoad: number, passing: boolean, rank: number | null, noDataColour: string, sizeSteps = FRACTION_STEPS): NodeLoadData {
  if (load === null) return { load: -1, loadFrac: 0, sizeFrac: 0, color: noDataColour, passing, rank };
  const loadFrac = maxLoad > 0 ? step(load / maxLoad) : 0;
  return { load, loadFrac, sizeFrac: step(loadFrac, sizeSteps), color: colourAt(LOAD_STOPS, loadFrac), passing, rank };
}

export function edgeLoadData(congestion: number | null, flow: number | null, unknownColour: string): EdgeLoadData {
  if (congestion === null) return { congestion: -1, congestionFrac: 0, edgeColor: unknownColour, flow: flow ?? -1 };
  const congestionFrac = step(congestion / CONGESTION_CAP, EDGE_FRACTION_STEPS);
  return { congestion, congestionFrac, edgeColor: colourAt(CONGESTION_STOPS, congestionFrac), flow: flow ?? -1 };
}

/** What the stylesheet's mapData draws for a fraction: kept here so the legend and tests agree with it. */
export const nodeSize = (frac: number): number => NODE_SIZE.min + Math.min(1, Math.max(0, frac)) * (NODE_SIZE.max - NODE_SIZE.min);
export const edgeWidth = (frac: number): number => EDGE_WIDTH.min + Math.min(1, Math.max(0, frac)) * (EDGE_WIDTH.max - EDGE_WIDTH.min);

/** "inferred r=0.93" */
export const inferredLabel = (correlation: number | null): string => (correlation === null ? 'inferred' : `inferred r=${correlation.toFixed(2)}`);

/** The junction's data for its load; `large` draws sizes in LARGE_GRAPH_SIZE_STEPS classes. */
export const nodeLoadDataFor = (large: boolean, load: number | null, maxLoad: number, passing: boolean, rank: number | null, noDataColour: string): NodeLoadData =>
  nodeLoadData(load, maxLoad, passing, rank, noDataColour, large ? LARGE_GRAPH_SIZE_STEPS : FRACTION_STEPS);

export function graphStylesheet(theme: GraphTheme, nodeCount: number): StylesheetJson {
  const transitions = !isLargeGraph(nodeCount);
  const nodeTransition = transitions
    ? { 'transition-property': 'width, height, background-color', 'transition-duration': TRANSITION_MS, 'transition-timing-function': 'ease-in-out' as const }
    : {};
  const edgeTransition = transitions ? { 'transition-property': 'width, line-color', 'transition-duration': TRANSITION_MS } : {};
  return [
    {
      selector: 'node',
      style: {
        width: `mapData(sizeFrac, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`,
        height: `mapData(sizeFrac, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`,
        'background-color': 'data(color)',
        'border-width': 1,
        'border-color': theme.text,
        // Labels of hundreds of junctions overlap, and measuring them on every restyle costs frames:
        // a big graph names its junctions in the hover tooltip and the table instead.
        ...(transitions
          ? { label: 'data(label)', color: theme.text, 'font-size': 11, 'text-valign': 'bottom' as const, 'text-margin-y': 3, 'text-outline-color': theme.surface, 'text-outline-width': 2 }
          : {}),
        ...nodeTransition,
      },
    },
    { selector: 'node[?passing]', style: { 'border-width': 4, 'border-color': theme.passMark } },
    { selector: 'node[!inData]', style: { 'background-opacity': 0, 'border-style': 'dashed', 'border-color': theme.muted, 'border-width': 2, color: theme.muted } },
    {
      selector: 'edge',
      style: {
        width: transitions ? `mapData(congestionFrac, 0, 1, ${EDGE_WIDTH.min}, ${EDGE_WIDTH.max})` : LARGE_GRAPH_EDGE_WIDTH,
        'line-color': 'data(edgeColor)',
        // Haystack edges skip the endpoint and control-point work of straight ones: on a big graph
        // that is most of what a load update costs.
        'curve-style': transitions ? 'straight' : 'haystack',
        opacity: 0.85,
        ...edgeTransition,
      },
    },
    {
      selector: 'edge[?inferred]',
      style: {
        'line-style': 'dashed',
        'line-color': theme.muted,
        width: EDGE_WIDTH.min,
        label: 'data(label)',
        'font-size': 9,
        color: theme.muted,
        'text-rotation': 'autorotate',
        'text-outline-color': theme.surface,
        'text-outline-width': 2,
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'node.on-path', style: { 'outline-width': 4, 'outline-color': theme.path, 'outline-offset': 2 } },
    { selector: 'edge.on-path', style: { 'line-color': theme.path, width: EDGE_WIDTH.max / 1.5, opacity: 1, 'z-index': 10 } },
    // Data quality: a halo in the status colour (the fill stays the load); an alarm: a thick double ring.
    { selector: 'node.health-suspect', style: { 'underlay-color': theme.warn ?? '#9a6700', 'underlay-opacity': 0.55, 'underlay-padding': 7, 'underlay-shape': 'ellipse' } },
    { selector: 'node.health-bad', style: { 'underlay-color': theme.danger ?? '#b42318', 'underlay-opacity': 0.6, 'underlay-padding': 7, 'underlay-shape': 'ellipse' } },
    { selector: 'node.alarmed', style: { 'border-width': 6, 'border-style': 'double', 'border-color': theme.danger ?? '#b42318' } },
    { selector: 'node.chosen', style: { 'outline-width': 3, 'outline-color': theme.accent, 'outline-offset': 4, 'z-index': 20 } },
  ];
}
