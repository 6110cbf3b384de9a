/**
 * Tops a network up to an exact number of links, for benchmarks that name a size ("1,000 junctions
 * and 3,000 links"): the grid city gives about three links per junction, not an exact count. Each
 * extra link joins a junction to its nearest junction it has no road to yet, so the additions look
 * like short connector roads rather than chords across the city. Junctions take turns in a seeded
 * shuffled order, which spreads the additions over the whole map instead of piling them into one
 * corner, and keeps the result the same for the same network and target.
 */

import { greatCircleM, roadLengthM } from './geo.js';
import type { JunctionNetwork, NetworkLink } from './junctionNetwork.js';
import { mixSeed, mulberry32 } from './random.js';

const pairKey = (a: number, b: number): number => (a < b ? a * 0x100000 + b : b * 0x100000 + a);

/** The network with links added until there are exactly `target`; the original links come first, unchanged. */
export function withLinkCount(network: JunctionNetwork, target: number): JunctionNetwork {
  const count = network.junctions.length;
  const most = (count * (count - 1)) / 2;
  if (!Number.isSafeInteger(target) || target < network.links.length || target > most) {
    throw new RangeError(`target links must be an integer between ${network.links.length} (the network's own) and ${most}, got ${target}`);
  }
  if (target === network.links.length) return network;

  const index = new Map(network.junctions.map((junction, i) => [junction.id, i]));
  const linked = new Set<number>();
  for (const link of network.links) {
    const a = index.get(link.from);
    const b = index.get(link.to);
    if (a === undefined || b === undefined) throw new RangeError(`link ${link.from}–${link.to} names a junction the network does not list`);
    linked.add(pairKey(a, b));
  }

  // Fisher–Yates with a stream seeded by the sizes, so one (network size, target) is one result.
  const order = network.junctions.map((_, i) => i);
  const rng = mulberry32(mixSeed(0x4c494e4b, count, target));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }

  const links: NetworkLink[] = [...network.links];
  // Rounds over the shuffled order: each junction gains at most one link per round.
  while (links.length < target) {
    for (const a of order) {
      if (links.length === target) break;
      const b = nearestUnlinked(network, a, linked);
      if (b < 0) continue; // already linked to everyone
      linked.add(pairKey(a, b));
      const from = network.junctions[a];
      const to = network.junctions[b];
      if (from === undefined || to === undefined) continue;
      links.push({ from: from.id, to: to.id, lengthM: roadLengthM(from, to, a, b), lanes: 1, name: `${from.name} connector` });
    }
  }
  return { ...network, links };
}

/** Index of the closest junction `a` has no link to (ties go to the lower index); -1 when none is left. */
function nearestUnlinked(network: JunctionNetwork, a: number, linked: ReadonlySet<number>): number {
  const here = network.junctions[a];
  if (here === undefined) return -1;
  let best = -1;
  let bestDistance = Infinity;
  network.junctions.forEach((other, b) => {
    if (b === a || linked.has(pairKey(a, b))) return;
    const distance = greatCircleM(here, other);
    if (distance < bestDistance) {
      best = b;
      bestDistance = distance;
    }
  });
  return best;
}
