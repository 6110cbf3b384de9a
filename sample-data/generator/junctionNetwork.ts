/**
 * The shape of `junction-network.json`: the junctions of a (fictional) city and
 * the roads between them. Pure types and helpers with no Node imports, so the
 * app's main and renderer processes can import them as they are.
 */

export interface NetworkJunction {
  /** Matches the CSV's Junction column, e.g. "J04". */
  readonly id: string;
  readonly name: string;
  /** WGS84 degrees, rounded to 5 decimals (about 1 m). */
  readonly lat: number;
  readonly lon: number;
}

/** A two-way road between two junctions; each pair appears once, in either order. */
export interface NetworkLink {
  readonly from: string;
  readonly to: string;
  /** Driving distance: the great-circle distance times a small detour factor, rounded to 10 m. */
  readonly lengthM: number;
  /** Lanes per direction, 1–3. */
  readonly lanes: number;
  /** Street name. */
  readonly name: string;
}

export interface JunctionNetwork {
  readonly name: string;
  readonly junctions: readonly NetworkJunction[];
  readonly links: readonly NetworkLink[];
}

/**
 * `J01`…`J99`, and wider once the count needs it (`J0001`…`J1000`), so ids keep
 * one length and sort the same as text and as numbers.
 */
export function junctionId(index: number, count: number): string {
  const width = Math.max(2, String(count).length);
  return `J${String(index + 1).padStart(width, '0')}`;
}

/** Junction id -> ids of the junctions one road away, sorted. */
export function neighbourMap(network: JunctionNetwork): Map<string, string[]> {
  const neighbours = new Map<string, string[]>(network.junctions.map((j) => [j.id, []]));
  for (const link of network.links) {
    neighbours.get(link.from)?.push(link.to);
    neighbours.get(link.to)?.push(link.from);
  }
  for (const list of neighbours.values()) list.sort();
  return neighbours;
}
