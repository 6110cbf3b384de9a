/**
 * Places junctions with coordinates: an equirectangular projection (longitude shrunk by the cosine
 * of the mean latitude, so a city's shape is not stretched sideways), north up, scaled into a model
 * square. The square grows with the number of junctions rather than following the container's
 * size: the canvas may be hidden (zero-sized) when the topology arrives, and the viewport's fit
 * does the zooming anyway — but a city of ten junctions should be drawn near zoom 1 (readable
 * labels) and a thousand junctions need room not to overlap.
 */

export interface Point {
  x: number;
  y: number;
}

export interface GeoProjection {
  cosLat: number;
  minX: number;
  minY: number;
  /** Model units per projected degree. */
  scale: number;
}

/** Side of the model square for this many junctions (model units, about CSS px at zoom 1). */
export function modelSize(junctions: number): number {
  return Math.max(300, Math.sqrt(junctions) * 60);
}

export function validCoordinates(lat: number | null, lon: number | null): lat is number {
  return lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

interface Geo {
  lat: number | null;
  lon: number | null;
}

/** The projection that fits these points into the model square; null when none has coordinates. */
export function fitProjection(points: readonly Geo[]): GeoProjection | null {
  const placed = points.filter((p): p is { lat: number; lon: number } => validCoordinates(p.lat, p.lon));
  if (placed.length === 0) return null;
  const meanLat = placed.reduce((sum, p) => sum + p.lat, 0) / placed.length;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  const xs = placed.map((p) => p.lon * cosLat);
  const ys = placed.map((p) => -p.lat);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY);
  // One junction (or several on one spot) has no extent: any scale places it.
  return { cosLat, minX, minY, scale: span > 0 ? modelSize(points.length) / span : 1 };
}

export function project(projection: GeoProjection, lat: number, lon: number): Point {
  return { x: (lon * projection.cosLat - projection.minX) * projection.scale, y: (-lat - projection.minY) * projection.scale };
}
