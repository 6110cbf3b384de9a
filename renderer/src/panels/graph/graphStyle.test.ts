import { describe, expect, it } from 'vitest';
import { CONGESTION_STOPS, LOAD_STOPS, colourAt } from './colorScale';
import {
  CONGESTION_CAP,
  EDGE_WIDTH,
  LARGE_GRAPH_EDGE_WIDTH,
  LARGE_GRAPH_SIZE_STEPS,
  NODE_SIZE,
  TRANSITION_NODE_LIMIT,
  edgeLoadData,
  edgeWidth,
  graphStylesheet,
  inferredLabel,
  nodeLoadData,
  nodeLoadDataFor,
  nodeSize,
} from './graphStyle';
import type { GraphTheme } from './graphTheme';

const theme: GraphTheme = { text: '#111111', muted: '#777777', surface: '#ffffff', accent: '#0000ff', passMark: '#1a7f37', path: '#a21caf' };

const luminance = (hex: string): number => {
  const v = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * ((v >> 16) & 255) + 0.7152 * ((v >> 8) & 255) + 0.0722 * (v & 255);
};

describe('colour scale', () => {
  it('runs from the first stop to the last, clamped', () => {
    expect(colourAt(LOAD_STOPS, 0)).toBe(LOAD_STOPS[0]);
    expect(colourAt(LOAD_STOPS, 1)).toBe(LOAD_STOPS.at(-1));
    expect(colourAt(LOAD_STOPS, -3)).toBe(LOAD_STOPS[0]);
    expect(colourAt(LOAD_STOPS, 7)).toBe(LOAD_STOPS.at(-1));
    expect(colourAt(['#000000', '#ffffff'], 0.5)).toBe('#808080');
  });

  it('gets darker as load rises, so the order reads without colour', () => {
    const samples = [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => luminance(colourAt(LOAD_STOPS, t)));
    for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeLessThan(samples[i - 1]!);
    expect(colourAt(CONGESTION_STOPS, 1)).toBe('#d62728');
  });
});

describe('node and edge data', () => {
  it('maps load to a fraction of the busiest junction, its colour and size', () => {
    const busiest = nodeLoadData(200, 200, true, 1, '#999999');
    const half = nodeLoadData(100, 200, false, 2, '#999999');
    expect(busiest).toMatchObject({ load: 200, loadFrac: 1, color: LOAD_STOPS.at(-1), passing: true, rank: 1 });
    expect(half.loadFrac).toBe(0.5);
    expect(nodeSize(busiest.loadFrac)).toBe(NODE_SIZE.max);
    expect(nodeSize(half.loadFrac)).toBe((NODE_SIZE.min + NODE_SIZE.max) / 2);
    expect(nodeSize(0)).toBe(NODE_SIZE.min);
  });

  it('rounds fractions to steps under a pixel apart, so tiny moves restyle nothing', () => {
    expect(nodeLoadData(100, 200.5, false, null, '#999999').loadFrac).toBe(nodeLoadData(100, 200, false, null, '#999999').loadFrac);
    expect(Math.abs(nodeSize(nodeLoadData(101, 200, false, null, '#999999').loadFrac) - nodeSize(101 / 200))).toBeLessThan(1);
  });

  it('draws a junction without rows in the window small and in the no-data colour', () => {
    expect(nodeLoadData(null, 200, false, null, '#999999')).toEqual({ load: -1, loadFrac: 0, sizeFrac: 0, color: '#999999', passing: false, rank: null });
    expect(nodeLoadData(5, 0, false, null, '#999999').loadFrac).toBe(0);
  });

  it('sizes a large graph’s junctions in a few classes while their colour keeps the fine steps', () => {
    const sizes = new Set<number>();
    const colours = new Set<string>();
    for (let load = 0; load <= 200; load++) {
      const large = nodeLoadDataFor(true, load, 200, false, null, '#999999');
      sizes.add(large.sizeFrac);
      colours.add(large.color);
      expect(large.loadFrac).toBe(nodeLoadDataFor(false, load, 200, false, null, '#999999').loadFrac);
    }
    expect(sizes.size).toBe(LARGE_GRAPH_SIZE_STEPS + 1);
    expect(colours.size).toBeGreaterThan(40);
    // A small graph's size follows the load in the fine steps.
    expect(nodeLoadDataFor(false, 101, 200, false, null, '#999999').sizeFrac).toBe(nodeLoadDataFor(false, 101, 200, false, null, '#999999').loadFrac);
    expect(nodeLoadDataFor(true, 101, 200, false, null, '#999999').sizeFrac).toBe(0.5);
  });

  it('maps congestion to width and colour, capped', () => {
    const atCapacity = edgeLoadData(1, 900, '#999999');
    expect(atCapacity.congestionFrac).toBeCloseTo(1 / CONGESTION_CAP, 1);
    expect(edgeWidth(edgeLoadData(5, 10, '#999999').congestionFrac)).toBe(EDGE_WIDTH.max);
    expect(edgeWidth(edgeLoadData(0, 0, '#999999').congestionFrac)).toBe(EDGE_WIDTH.min);
    expect(edgeLoadData(null, null, '#999999')).toEqual({ congestion: -1, congestionFrac: 0, edgeColor: '#999999', flow: -1 });
  });

  it('labels inferred links with their correlation', () => {
    expect(inferredLabel(0.9349)).toBe('inferred r=0.93');
    expect(inferredLabel(null)).toBe('inferred');
  });
});

describe('stylesheet', () => {
  const block = (nodes: number, selector: string): Record<string, unknown> => {
    const found = graphStylesheet(theme, nodes).find((b) => b.selector === selector)!;
    return ('style' in found ? found.style : found.css) as Record<string, unknown>;
  };
  const nodeBlock = (nodes: number): Record<string, unknown> => block(nodes, 'node');

  it('maps the data fields to size and marks passing junctions in the feed’s colour', () => {
    expect(nodeBlock(10)['width']).toBe(`mapData(sizeFrac, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`);
    expect(block(10, 'node[?passing]')['border-color']).toBe(theme.passMark);
  });

  it('draws a large graph’s roads at one width, congestion in their colour', () => {
    expect(block(TRANSITION_NODE_LIMIT, 'edge')['width']).toBe(`mapData(congestionFrac, 0, 1, ${EDGE_WIDTH.min}, ${EDGE_WIDTH.max})`);
    expect(block(TRANSITION_NODE_LIMIT + 1, 'edge')['width']).toBe(LARGE_GRAPH_EDGE_WIDTH);
    expect(block(TRANSITION_NODE_LIMIT + 1, 'edge')['line-color']).toBe('data(edgeColor)');
  });

  it('animates changes on small graphs only', () => {
    expect(nodeBlock(TRANSITION_NODE_LIMIT)['transition-duration']).toBe(250);
    expect(nodeBlock(TRANSITION_NODE_LIMIT + 1)['transition-duration']).toBeUndefined();
  });
});
