/**
 * Peers from a road network: the junctions one road away. Takes only the links' ends, so both the
 * generator's junction-network.json and the graph panel's parsed network fit.
 */

export interface NetworkLinks {
  readonly links: readonly { readonly from: string; readonly to: string }[];
}

/** Location -> the locations one link away, sorted, without itself or repeats. */
export function networkPeers(network: NetworkLinks): Map<string, string[]> {
  const peers = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    let set = peers.get(a);
    if (set === undefined) {
      set = new Set();
      peers.set(a, set);
    }
    set.add(b);
  };
  for (const { from, to } of network.links) {
    link(from, to);
    link(to, from);
  }
  return new Map([...peers].map(([location, set]) => [location, [...set].sort()]));
}
