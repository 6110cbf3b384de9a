import { describe, expect, it } from 'vitest';
import { fitProjection, modelSize, project, validCoordinates } from './graphProjection';

describe('graph projection', () => {
  it('puts north up and east right, fitted into the model square', () => {
    const points = [
      { lat: 52.0, lon: 4.8 },
      { lat: 52.1, lon: 4.9 },
    ];
    const projection = fitProjection(points)!;
    const south = project(projection, 52.0, 4.8);
    const north = project(projection, 52.1, 4.9);
    expect(north.y).toBeLessThan(south.y);
    expect(north.x).toBeGreaterThan(south.x);
    expect(south.x).toBeCloseTo(0);
    expect(north.y).toBeCloseTo(0);
    // Latitude spans more model units than the same number of degrees of longitude at 52°N.
    expect(south.y - north.y).toBeCloseTo(modelSize(2));
    expect(north.x - south.x).toBeCloseTo(modelSize(2) * Math.cos((52.05 * Math.PI) / 180));
  });

  it('keeps the shape: equal distances on the ground stay equal', () => {
    const projection = fitProjection([
      { lat: 0, lon: 0 },
      { lat: 1, lon: 1 },
    ])!;
    const origin = project(projection, 0, 0);
    const east = project(projection, 0, 1);
    const north = project(projection, 1, 0);
    expect(Math.abs(east.x - origin.x)).toBeCloseTo(Math.abs(north.y - origin.y) * Math.cos((0.5 * Math.PI) / 180));
  });

  it('gives big networks more room', () => {
    expect(modelSize(10)).toBe(300);
    expect(modelSize(1000)).toBeCloseTo(1897, 0);
  });

  it('ignores junctions without usable coordinates, and has no projection when none has them', () => {
    expect(fitProjection([{ lat: null, lon: null }])).toBeNull();
    expect(fitProjection([{ lat: 91, lon: 0 }])).toBeNull();
    const single = fitProjection([{ lat: 10, lon: 20 }, { lat: null, lon: 3 }])!;
    expect(project(single, 10, 20)).toEqual({ x: 0, y: 0 });
    expect(validCoordinates(Number.NaN, 1)).toBe(false);
    expect(validCoordinates(-33.9, 151.2)).toBe(true);
  });
});
