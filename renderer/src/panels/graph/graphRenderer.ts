/**
 * Owns the cytoscape instance of the Junction graph: created once, then only updated — elements
 * added and removed by topology version, data set by load updates, classes for the route and the
 * chosen junction — each in one batch, so a thousand junctions refresh a few times a second
 * without re-creating or re-laying out anything. React only hands it a container (GraphCanvas).
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import type { GraphLoads, GraphPath, GraphTopology } from '../../../../shared/graph/graphContract';
import { placeNodes, RING_NODE_LIMIT, type Placed } from './graphPlacement';
import { modelSize, type GeoProjection } from './graphProjection';
import { edgeLoadData, graphStylesheet, inferredLabel, isLargeGraph, NODE_SIZE, nodeLoadDataFor } from './graphStyle';
import type { GraphTheme } from './graphTheme';
import type { JunctionGraphProbe } from './junctionGraphProbe';

export interface GraphHover {
  id: string;
  label: string;
  inData: boolean;
  /** Relative to the container. */
  x: number;
  y: number;
}

export interface GraphRendererEvents {
  onTap(id: string): void;
  onHover(hover: GraphHover | null): void;
}

/** Node and edge ids share one namespace in cytoscape; prefixes keep a road named like a junction apart. */
const nodeKey = (id: string): string => `n:${id}`;
const edgeKey = (id: string): string => `e:${id}`;
const idOf = (node: NodeSingular): string => node.data('jid') as string;

const FIT_PADDING = 30;
/**
 * A fit never zooms in further than this, nor so far that the largest junction is wider than
 * MAX_NODE_SHARE of the canvas's shorter side: one or two junctions would otherwise fill the
 * canvas, their labels cut off at its edges.
 */
const MAX_FIT_ZOOM = 1.5;
const MAX_NODE_SHARE = 0.2;
/** On-screen font size of an inferred link's label (CSS px). */
const INFERRED_LABEL_PX = 10;

/**
 * Cytoscape adds a one-line <style> to <head> unless an element with this id exists; the app's
 * Content-Security-Policy forbids inline styles (the console would report a violation), and the
 * rule it adds (position: relative on the container) is in graph.css already.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  marker.name = 'cytoscape-stylesheet';
  document.head.append(marker);
}

export class GraphRenderer {
  private readonly cy: Core;
  private theme: GraphTheme;
  private topology: GraphTopology | null = null;
  private nodes: NodeSingular[] = [];
  private edges: (EdgeSingular | null)[] = [];
  private projection: GeoProjection | null = null;
  private loads: GraphLoads | null = null;
  private applied = 0;
  private pendingFit = false;
  private styledForLarge: boolean | null = null;
  private pathKey = '';

  constructor(
    private readonly container: HTMLElement,
    theme: GraphTheme,
    events: GraphRendererEvents,
  ) {
    claimCytoscapeStylesheet();
    this.theme = theme;
    this.cy = cytoscape({
      container,
      style: graphStylesheet(theme, 0),
      boxSelectionEnabled: false,
      autounselectify: true,
      minZoom: 0.05,
      maxZoom: 8,
    });
    this.cy.on('tap', 'node', (event) => events.onTap(idOf(event.target as NodeSingular)));
    this.cy.on('mouseover', 'node', (event) => {
      const node = event.target as NodeSingular;
      const at = node.renderedPosition();
      events.onHover({ id: idOf(node), label: node.data('label') as string, inData: node.data('inData') as boolean, x: at.x, y: at.y });
    });
    this.cy.on('mouseout', 'node', () => events.onHover(null));
    this.cy.on('viewport', () => events.onHover(null));
    this.cy.on('zoom', () => this.scaleLinkLabels());
  }

  destroy(): void {
    this.cy.destroy();
  }

  /** The container changed size (or was shown): redraw, and fit now if a fit waited for a size. */
  resize(): void {
    this.cy.resize();
    if (this.pendingFit) this.fit();
  }

  setTheme(theme: GraphTheme): void {
    this.theme = theme;
    this.styledForLarge = null;
    this.restyle();
    if (this.loads) this.applyLoads(this.loads, true);
  }

  setTopology(topology: GraphTopology | null): void {
    if (topology === null || topology.version === this.topology?.version) return;
    const cy = this.cy;
    const held = new Map<string, Placed>();
    cy.nodes().forEach((node) => {
      held.set(idOf(node), { ...node.position(), geo: (node.data('geo') as string | null) ?? null });
    });
    const wanted = new Set(topology.nodes.map((node) => nodeKey(node.id)));
    const wantedEdges = new Set(topology.edges.map((edge) => edgeKey(edge.id)));
    for (const id of held.keys()) if (!wanted.has(nodeKey(id))) held.delete(id);
    const placement = placeNodes(topology.nodes, topology.edges, held, this.projection);
    this.projection = placement.projection;
    // The stylesheet for the new size first: swapped after the elements are added, it would style
    // a thousand junctions and their roads twice.
    this.restyle(topology.nodes.length);

    cy.batch(() => {
      cy.elements().filter((element) => !(element.isNode() ? wanted.has(element.id()) : wantedEdges.has(element.id()))).remove();
      this.nodes = topology.nodes.map((node) => {
        const data = { label: node.name ?? node.id, inData: node.inData, name: node.name };
        const position = placement.positions.get(node.id);
        const existing = cy.getElementById(nodeKey(node.id));
        if (existing.nonempty()) {
          existing.data(data);
          if (position) {
            existing.position({ x: position.x, y: position.y });
            existing.data('geo', position.geo);
          }
          return existing as NodeSingular;
        }
        const noData = nodeLoadDataFor(false, null, 0, false, null, this.theme.muted);
        return cy.add({
          group: 'nodes',
          data: { id: nodeKey(node.id), jid: node.id, geo: position?.geo ?? null, ...data, ...noData },
          position: position ? { x: position.x, y: position.y } : { x: 0, y: 0 },
        });
      });
      this.edges = topology.edges.map((edge) => {
        const data = { inferred: edge.inferred, label: edge.inferred ? inferredLabel(edge.correlation) : (edge.name ?? '') };
        const existing = cy.getElementById(edgeKey(edge.id));
        if (existing.nonempty()) return existing.data(data) as EdgeSingular;
        // The engine only sends roads between junctions it lists; an inconsistent one is skipped, not fatal.
        if (!wanted.has(nodeKey(edge.from)) || !wanted.has(nodeKey(edge.to))) return null;
        const quiet = edgeLoadData(null, null, this.theme.muted);
        return cy.add({ group: 'edges', data: { id: edgeKey(edge.id), source: nodeKey(edge.from), target: nodeKey(edge.to), ...data, ...quiet } });
      });
    });
    const junctionsChanged = this.topology === null || held.size !== this.topology.nodes.length || held.size !== topology.nodes.length;
    this.topology = topology;
    if (placement.needsLayout.length > 0) this.layOut(placement.needsLayout);
    this.scaleLinkLabels();
    // Fitted when the junctions change, not when only links do (inferred links come and go every
    // few seconds): the user's zoom and pan stay put while they read the picture.
    if (junctionsChanged || placement.positions.size > 0) this.fit();
    if (this.loads) this.applyLoads(this.loads, true);
    this.pathKey = '\u0000'; // new elements: the route's classes are applied again on the next setPath
  }

  setLoads(loads: GraphLoads | null): void {
    if (loads === null || loads === this.loads) return;
    this.applyLoads(loads, false);
  }

  setPath(path: GraphPath | null): void {
    // Every view update carries the route afresh; only a different one is worth restyling for.
    const key = path ? `${path.nodes.join('\n')}\t${path.edges.join('\n')}` : '';
    if (key === this.pathKey) return;
    this.pathKey = key;
    const cy = this.cy;
    cy.batch(() => {
      cy.elements('.on-path').removeClass('on-path');
      if (!path) return;
      for (const id of path.nodes) cy.getElementById(nodeKey(id)).addClass('on-path');
      for (const id of path.edges) cy.getElementById(edgeKey(id)).addClass('on-path');
    });
  }

  /** Data-quality statuses (a halo for suspect and bad) and alarmed junctions (a double ring), by junction id. */
  setStatuses(statuses: ReadonlyMap<string, string>, alarmed: ReadonlySet<string>): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const id = idOf(node);
        const status = statuses.get(id);
        node.toggleClass('health-suspect', status === 'suspect');
        node.toggleClass('health-bad', status === 'bad');
        node.toggleClass('alarmed', alarmed.has(id));
      });
    });
  }

  setChosen(id: string | null): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes('.chosen').removeClass('chosen');
      if (id !== null) cy.getElementById(nodeKey(id)).addClass('chosen');
    });
  }

  probe(): JunctionGraphProbe {
    const node = (id: string): NodeSingular | null => {
      const found = this.cy.getElementById(nodeKey(id));
      return found.nonempty() ? (found as NodeSingular) : null;
    };
    return {
      nodeCount: () => this.cy.nodes().length,
      edgeCount: () => this.cy.edges().length,
      nodeStyle: (id) => {
        const found = node(id);
        if (!found) return null;
        return { width: Number.parseFloat(String(found.style('width'))), color: String(found.style('background-color')), passing: found.data('passing') === true };
      },
      nodeMarks: (id) => {
        const found = node(id);
        if (!found) return null;
        return { health: found.hasClass('health-bad') ? 'bad' : found.hasClass('health-suspect') ? 'suspect' : null, alarmed: found.hasClass('alarmed') };
      },
      renderedPosition: (id) => {
        const found = node(id);
        return found ? { ...found.renderedPosition() } : null;
      },
      renderedBox: (id) => {
        const found = node(id);
        if (!found) return null;
        const box = found.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
        return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
      },
      nodeIds: () => this.cy.nodes().map(idOf),
      canvasSize: () => ({ width: this.container.clientWidth, height: this.container.clientHeight, zoom: this.cy.zoom() }),
      inferredEdges: () =>
        this.cy.edges('[?inferred]').map((edge) => {
          const [a, b] = [edge.source().renderedPosition(), edge.target().renderedPosition()];
          // Cytoscape skips a label whose font would be drawn smaller than min-zoomed-font-size.
          const drawnFont = Number.parseFloat(String(edge.style('font-size'))) * this.cy.zoom();
          const minimum = Number.parseFloat(String(edge.style('min-zoomed-font-size')));
          return { from: edge.source().data('jid') as string, to: edge.target().data('jid') as string, label: String(edge.style('label')), labelDrawn: drawnFont >= minimum, length: Math.hypot(a.x - b.x, a.y - b.y) };
        }),
      topologyVersion: () => this.topology?.version ?? -1,
      loadsApplied: () => this.applied,
    };
  }

  private applyLoads(loads: GraphLoads, force: boolean): void {
    this.loads = loads;
    const topology = this.topology;
    // Loads are aligned by index with one topology version; another version's would colour the wrong junctions.
    if (!topology || loads.topologyVersion !== topology.version) return;
    const { muted } = this.theme;
    const large = isLargeGraph(this.nodes.length);
    this.cy.batch(() => {
      this.nodes.forEach((node, i) => {
        const next = nodeLoadDataFor(large, loads.nodeLoads[i] ?? null, loads.maxLoad, loads.nodePassing[i] ?? false, loads.nodeRank[i] ?? null, muted);
        // What is drawn did not change: setting data would restyle and redraw the junction for nothing.
        if (!force && node.data('sizeFrac') === next.sizeFrac && node.data('color') === next.color && node.data('passing') === next.passing) return;
        node.data(next);
      });
      this.edges.forEach((edge, i) => {
        if (!edge) return;
        const next = edgeLoadData(loads.edgeCongestion[i] ?? null, loads.edgeFlow[i] ?? null, muted);
        // On a large graph the width is fixed: only a new colour is worth a restyle.
        if (!force && edge.data('edgeColor') === next.edgeColor && (large || edge.data('congestionFrac') === next.congestionFrac)) return;
        edge.data(next);
      });
    });
    this.applied++;
  }

  /**
   * An inferred link's label is its only content (its r): kept at INFERRED_LABEL_PX on screen at
   * any zoom, where a fixed model size fell under cytoscape's smallest drawn font once a canvas
   * of a laptop's dock zoomed out to show ten junctions. Few links are inferred, so this is cheap.
   */
  private scaleLinkLabels(): void {
    const size = INFERRED_LABEL_PX / this.cy.zoom();
    this.cy.batch(() => this.cy.edges('[?inferred]').style('font-size', size));
  }

  /** Transitions are on for small graphs only; the stylesheet is swapped only when that changes. */
  private restyle(junctions = this.nodes.length): void {
    const large = isLargeGraph(junctions);
    if (large === this.styledForLarge) return;
    this.styledForLarge = large;
    this.cy.style(graphStylesheet(this.theme, junctions));
  }

  private layOut(ids: readonly string[]): void {
    const chosen = new Set(ids);
    const nodes = this.cy.nodes().filter((node) => chosen.has(idOf(node)));
    const side = modelSize(ids.length);
    // Around the ring's centre, and never the canvas's size (which a hidden tab does not have), so the result depends on the network alone.
    const boundingBox = { x1: -side / 2, y1: -side / 2, w: side, h: side };
    // The force layout starts from the ring the junctions are on (no random start), so the same
    // network is drawn the same way every time; above the ring's limit (a force layout would take seconds) a grid.
    const options =
      ids.length <= RING_NODE_LIMIT
        ? { name: 'cose' as const, animate: false, fit: false, randomize: false, nodeDimensionsIncludeLabels: true, boundingBox }
        : { name: 'grid' as const, animate: false, fit: false, avoidOverlap: true, boundingBox };
    nodes.union(nodes.edgesWith(nodes)).layout(options).run();
  }

  /** Once per topology: fits the drawing into view, or waits until the container has a size. */
  private fit(): void {
    if (this.container.clientWidth === 0 || this.container.clientHeight === 0) {
      this.pendingFit = true;
      return;
    }
    this.pendingFit = false;
    const cy = this.cy;
    cy.fit(undefined, FIT_PADDING);
    const shorter = Math.min(this.container.clientWidth, this.container.clientHeight);
    const cap = Math.min(MAX_FIT_ZOOM, (MAX_NODE_SHARE * shorter) / NODE_SIZE.max);
    if (cy.zoom() > cap) {
      cy.zoom(cap);
      cy.center();
    }
  }
}
