/**
 * Keeps the suggested links (inferredLinks) up to date as the counts grow. Correlating every pair
 * of locations is the costliest graph work, so it runs in the graph worker at most every
 * INFER_INTERVAL_MS and never twice at once: a load update that comes while it runs is skipped, not
 * queued, as the next update after the interval will run it anyway. The topology is rebuilt only
 * when the set of links changes, not each time their correlations move a little.
 */
import { GRAPH_HISTORY_SLOTS, type GraphSettings, type GraphTopology } from '../../../shared/graph/graphContract';
import type { GraphComputer } from './graphComputer';
import type { InferredLink } from './inferredLinks';
import { junctionEdgeId } from './junctionGraph';
import type { JunctionLoads } from './junctionLoads';

/** Inferred links are re-judged at most this often (every pair of locations is correlated). */
export const INFER_INTERVAL_MS = 2000;

export interface InferredLinksJobOptions {
  computer: GraphComputer;
  /** The counts to correlate. When they are replaced (new measure or window), answers about the old ones are dropped. */
  loads: () => JunctionLoads;
  settings: () => GraphSettings['inferred'];
  /** A different set of links was found: the topology must be rebuilt to draw it. */
  onLinksChanged: () => void;
  report: (failure: string) => void;
  /** A run ended: the view may have something new to show. */
  onChange: () => void;
}

export class InferredLinksJob {
  private current: InferredLink[] = [];
  private running = false;
  private lastRunAt = 0;

  constructor(private readonly options: InferredLinksJobOptions) {}

  get links(): readonly InferredLink[] {
    return this.current;
  }

  /** Forgets the links and lets the next update run at once: the counts, or what a link takes, changed. */
  reset(): void {
    this.current = [];
    this.lastRunAt = 0;
  }

  /** Re-judges the links when inference is on, no run is under way and the interval has passed. */
  maybeRun(now: number, topology: GraphTopology): void {
    const settings = this.options.settings();
    if (!settings.enabled || this.running || now - this.lastRunAt < INFER_INTERVAL_MS) return;
    const loads = this.options.loads();
    const ids = loads.ids();
    if (ids.length < 2) return;
    this.lastRunAt = now;
    this.running = true;
    const slots = GRAPH_HISTORY_SLOTS;
    const values = new Float64Array(ids.length * slots);
    ids.forEach((id, index) => values.set(loads.series(id), index * slots));
    // Pairs a real road already joins need no suggestion.
    const existing = topology.edges.filter((edge) => !edge.inferred).map(({ from, to }) => ({ from, to }));
    void this.options.computer
      .run({ kind: 'infer', ids, slots, values, threshold: settings.threshold, existing })
      .then(
        ({ value }) => {
          if (this.options.loads() !== loads || !this.options.settings().enabled) return;
          const changed = !sameLinks(this.current, value);
          this.current = value; // when only correlations moved, the drawn links stay and their labels follow at the next rebuild
          if (changed) this.options.onLinksChanged();
        },
        (error: Error) => {
          this.options.report(`Inferring links failed: ${error.message}`);
        },
      )
      .finally(() => {
        this.running = false;
        this.options.onChange();
      });
  }
}

/** The same pairs of locations, whatever their correlations and order. */
function sameLinks(a: readonly InferredLink[], b: readonly InferredLink[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((link) => junctionEdgeId(link.from, link.to)));
  return b.every((link) => keys.has(junctionEdgeId(link.from, link.to)));
}
