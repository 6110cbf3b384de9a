/**
 * The Junction graph panel's part of the contract: its settings, the view the engine sends
 * (topology only when it changed, loads at most a few times a second) and its commands.
 */
import { z } from 'zod';

export const GRAPH_STATES = ['off', 'waiting', 'live'] as const;
export type GraphState = (typeof GRAPH_STATES)[number];

export const graphSettingsSchema = z
  .object({
    /** Column whose values are summed as a junction's load; null picks `Total`, else the first measure. */
    measure: z.string().min(1).max(1000).nullable(),
    /** Load window: data minutes when the data has a timestamp, wall-clock minutes of arrival otherwise. */
    windowMinutes: z.number().positive().max(7 * 24 * 60),
    /** Vehicles one lane carries per hour; null rates congestion against the busiest road seen so far. */
    laneCapacityPerHour: z.number().positive().max(1_000_000).nullable(),
    inferred: z
      .object({
        /** Draw links between locations whose counts move together. */
        enabled: z.boolean(),
        /** Pearson correlation at or above which two locations are linked. */
        threshold: z.number().min(-1).max(1),
      })
      .strict(),
  })
  .strict();
export type GraphSettings = z.infer<typeof graphSettingsSchema>;

export const DEFAULT_GRAPH_SETTINGS: GraphSettings = {
  measure: null,
  windowMinutes: 60,
  laneCapacityPerHour: null,
  inferred: { enabled: false, threshold: 0.9 },
};

/** Slots of per-interval counts kept per location: the sparkline and the correlation window. */
export const GRAPH_HISTORY_SLOTS = 96;

export const graphNodeSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** The location appears in the data. */
  inData: z.boolean(),
  /** The network file lists it. */
  inNetwork: z.boolean(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  lengthM: z.number().nullable(),
  lanes: z.number().nullable(),
  name: z.string().nullable(),
  /** Not a road from the network: suggested because the two locations' counts correlate. */
  inferred: z.boolean(),
  /** Pearson r for an inferred link; null for a road. */
  correlation: z.number().nullable(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphTopologySchema = z.object({
  /** Bumped whenever nodes or edges change; loads and analytics refer to it. */
  version: z.number().int(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
export type GraphTopology = z.infer<typeof graphTopologySchema>;

export const networkProblemSchema = z.object({
  kind: z.enum(['unknown-location', 'self-loop', 'duplicate-link', 'bad-coordinates', 'bad-field', 'unreadable']),
  /** "line 7" (CSV), "links[3]" (JSON), "file". */
  where: z.string(),
  message: z.string(),
});
export type NetworkProblemView = z.infer<typeof networkProblemSchema>;

/** Per-node and per-edge values in the order of the topology's nodes and edges. */
export const graphLoadsSchema = z.object({
  topologyVersion: z.number().int(),
  /** Event time (epoch ms) the window ends at; null without a timestamp. */
  windowEnd: z.number().nullable(),
  /** Sum of the measure over the window; null for a location with no rows in it. */
  nodeLoads: z.array(z.number().nullable()),
  /** The location's newest row passes the threshold filter (marked like a passing row in the feed). */
  nodePassing: z.array(z.boolean()),
  /** 1-based rank by load (1 = busiest); null without a load. */
  nodeRank: z.array(z.number().nullable()),
  edgeFlow: z.array(z.number().nullable()),
  /** Flow per lane against capacity (1 = at capacity); null when unknown. */
  edgeCongestion: z.array(z.number().nullable()),
  maxLoad: z.number(),
  /** What congestion 1 means, in plain words ("1,800 vehicles per lane per hour", or relative to the busiest road). */
  capacityLabel: z.string(),
});
export type GraphLoads = z.infer<typeof graphLoadsSchema>;

export const nodeAnalyticsSchema = z.object({
  id: z.string(),
  degree: z.number(),
  pageRank: z.number(),
  betweenness: z.number(),
  component: z.number(),
});

export const graphAnalyticsViewSchema = z.object({
  topologyVersion: z.number().int(),
  nodes: z.array(nodeAnalyticsSchema),
  componentCount: z.number(),
  /** Wall-clock time (epoch ms) the figures were computed, and how long it took. */
  computedAt: z.number(),
  durationMs: z.number(),
});
export type GraphAnalyticsView = z.infer<typeof graphAnalyticsViewSchema>;

export const graphPathSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Node ids from start to end; empty when no route joins them. */
  nodes: z.array(z.string()),
  edges: z.array(z.string()),
  /** Sum of length × congestion factor (metres, raised by the BPR curve); null without a route. */
  cost: z.number().nullable(),
  /** Plain length of the route in metres; null when a road on it has no length. */
  lengthM: z.number().nullable(),
  message: z.string().nullable(),
});
export type GraphPath = z.infer<typeof graphPathSchema>;

export const selectedJunctionSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  load: z.number().nullable(),
  rank: z.number().nullable(),
  ranked: z.number(),
  /** Newest rows' measure value and when; the trend is counts per data interval, oldest first. */
  latestValue: z.number().nullable(),
  latestTime: z.number().nullable(),
  trend: z.array(z.number().nullable()),
  /** Roads at the junction (inferred links included). */
  degree: z.number(),
});
export type SelectedJunction = z.infer<typeof selectedJunctionSchema>;

export const graphViewSchema = z.object({
  state: z.enum(GRAPH_STATES),
  message: z.string().nullable(),
  settings: graphSettingsSchema,
  /** The measure in use (settings.measure resolved); null when the data has no numeric column. */
  measure: z.string().nullable(),
  numericColumns: z.array(z.string()),
  /** The data's location column; null means every row counts for one place. */
  locationColumn: z.string().nullable(),
  network: z
    .object({
      name: z.string().nullable(),
      /** File name the network came from ("junction-network.json" for the sample city). */
      source: z.string(),
      junctions: z.number(),
      links: z.number(),
    })
    .nullable(),
  /** Problems to list: a long list is cut, its last entry saying how many more there are. */
  problems: z.array(networkProblemSchema),
  /** Every problem found, the ones cut from the list included. */
  problemCount: z.number().int().nonnegative(),
  /** Null when unchanged since the previous update (the page keeps its copy). */
  topology: graphTopologySchema.nullable(),
  topologyVersion: z.number().int(),
  /** Null when unchanged since the previous update. */
  loads: graphLoadsSchema.nullable(),
  /**
   * Null when unchanged since the previous update (the page keeps its copy; a 1,000-junction table
   * is not resent 20 times a second) or never computed; `analyticsVersion` says which (0 = none yet).
   */
  analytics: graphAnalyticsViewSchema.nullable(),
  analyticsVersion: z.number().int(),
  analyticsRunning: z.boolean(),
  path: graphPathSchema.nullable(),
  selected: selectedJunctionSchema.nullable(),
  /** Inferred links drawn now, and over how many data intervals their correlation was computed. */
  inferredLinks: z.number(),
  correlationSlots: z.number(),
});
export type GraphView = z.infer<typeof graphViewSchema>;

const ok = z.object({ ok: z.literal(true) });
const junctionId = z.string().min(1).max(1000);

export const graphCommands = {
  /** The Junction graph panel is shown: loads are counted from the next row on, for as long as the app runs. */
  'graph:open': { args: z.object({}).strict(), result: ok },
  'graph:configure': { args: graphSettingsSchema, result: ok },
  /** Loads a road network (JSON or CSV) from a path; problems are listed, the rest is drawn. */
  'graph:loadNetwork': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: ok },
  /** Back to the locations alone (no roads). */
  'graph:clearNetwork': { args: z.object({}).strict(), result: ok },
  /** The junction whose details card is shown; null closes it. */
  'graph:select': { args: z.object({ id: junctionId.nullable() }).strict(), result: ok },
  /** Recomputes degree, PageRank, betweenness and components now. */
  'graph:refreshAnalytics': { args: z.object({}).strict(), result: ok },
  /** The route to keep highlighted (recomputed as congestion changes); null clears it. */
  'graph:setPath': { args: z.object({ route: z.object({ from: junctionId, to: junctionId }).strict().nullable() }).strict(), result: ok },
} as const;

/** Answered by the desktop shell itself (a native dialog), never by the engine. */
export const graphShellCommands = {
  /** Asks for a network file, then loads it; null when the user cancels. */
  'graph:showNetworkDialog': { args: z.object({}).strict(), result: z.object({ path: z.string() }).nullable() },
} as const;
