/**
 * Keeps the graph measures of the panel's topology (degree, PageRank, betweenness, components) up
 * to date. Betweenness on a city takes about a second, so they are computed in the graph worker one
 * run at a time; the feed asks again whenever it rebuilds the topology, so a topology that changed
 * during a run is analysed by the run after it. Every answer gets a new version number, so the view
 * resends analytics only when they changed.
 */
import type { GraphAnalyticsView, GraphTopology } from '../../../shared/graph/graphContract';
import type { GraphComputer } from './graphComputer';
import { OneAtATime } from './oneAtATime';

export interface AnalyticsJobOptions {
  computer: GraphComputer;
  /** The topology to analyse, read as each run starts. */
  topology: () => GraphTopology;
  /** A failure to show, or null when a run succeeded (an earlier failure no longer holds). */
  report: (failure: string | null) => void;
  /** Whether a run asked for during another may still start when that one ends. */
  mayRunAgain: () => boolean;
  /** A run ended: the view has something new to show. */
  onChange: () => void;
}

export class AnalyticsJob {
  private answer: GraphAnalyticsView | null = null;
  private latestVersion = 0;
  private readonly runs: OneAtATime;

  constructor(private readonly options: AnalyticsJobOptions) {
    this.runs = new OneAtATime({ start: () => this.start(), ended: options.onChange, mayRunAgain: options.mayRunAgain });
  }

  /** The newest answer; it may be for an older topology than the one drawn while a run is under way. */
  get latest(): GraphAnalyticsView | null {
    return this.answer;
  }

  /** Goes up by one with every new answer. */
  get version(): number {
    return this.latestVersion;
  }

  get isRunning(): boolean {
    return this.runs.isRunning;
  }

  request(): void {
    this.runs.request();
  }

  private start(): Promise<void> {
    const topology = this.options.topology();
    return this.options.computer.run({ kind: 'analyse', nodes: topology.nodes.map((node) => node.id), edges: topology.edges.map(({ id, from, to }) => ({ id, from, to })) }).then(
      ({ value, durationMs }) => {
        this.answer = { topologyVersion: topology.version, nodes: value.nodes, componentCount: value.componentCount, computedAt: Date.now(), durationMs };
        this.latestVersion++;
        this.options.report(null);
      },
      (error: Error) => {
        this.options.report(`Graph analytics failed: ${error.message}`);
      },
    );
  }
}
