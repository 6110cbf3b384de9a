/**
 * The files of the Junction graph frame-rate benchmark (issue 7): a generated city of 1,000
 * junctions topped up to exactly 3,000 links, written in the same JSON layout as the sample's
 * `junction-network.json`, and a traffic CSV whose Junction column names those 1,000 junctions.
 * Five days of 15-minute rows (480,000 rows) last a minute at 7,200× real time, far longer than
 * the benchmark replays.
 */

import { join } from 'node:path';
import { networkFor } from './cityNetwork.js';
import { withLinkCount } from './extraLinks.js';
import type { JunctionNetwork } from './junctionNetwork.js';
import { writeJsonFile } from './writeJson.js';
import { writeTrafficCsv } from './writeTrafficCsv.js';

export const GRAPH_BENCH = { junctions: 1000, links: 3000, days: 5 } as const;

export interface GraphBenchFiles {
  networkPath: string;
  csvPath: string;
  network: JunctionNetwork;
  rows: number;
}

export interface GraphBenchOptions {
  junctions?: number;
  links?: number;
  days?: number;
}

/** The benchmark's network; the CSV's junctions are the same ones because both come from `networkFor`. */
export function graphBenchNetwork(junctions: number = GRAPH_BENCH.junctions, links: number = GRAPH_BENCH.links): JunctionNetwork {
  const network = withLinkCount(networkFor(junctions), links);
  return { ...network, name: `Graph benchmark city (${junctions} junctions, ${links} links)` };
}

/** Writes `network-<junctions>.json` and `traffic-graph-<junctions>.csv` into `dir`. */
export async function writeGraphBenchFiles(dir: string, options: GraphBenchOptions = {}): Promise<GraphBenchFiles> {
  const junctions = options.junctions ?? GRAPH_BENCH.junctions;
  const network = graphBenchNetwork(junctions, options.links ?? GRAPH_BENCH.links);
  const networkPath = join(dir, `network-${junctions}.json`);
  const csvPath = join(dir, `traffic-graph-${junctions}.csv`);
  const { rows } = await writeTrafficCsv({ out: csvPath, junctions, days: options.days ?? GRAPH_BENCH.days });
  await writeJsonFile(networkPath, network);
  return { networkPath, csvPath, network, rows };
}
