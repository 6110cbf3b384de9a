/**
 * The committed sample files must be exactly what the generator writes today,
 * so a model change that forgets `npm run sample-data` fails here rather than
 * surprising someone later.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Incident } from './incidents.js';
import type { JunctionNetwork } from './junctionNetwork.js';
import { formatJson } from './writeJson.js';
import { writeTrafficCsv } from './writeTrafficCsv.js';

const sampleDir = fileURLToPath(new URL('..', import.meta.url));
const committed = (name: string): Buffer => fs.readFileSync(path.join(sampleDir, name));
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-sample-files-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

describe('committed sample files', () => {
  it('match a fresh default run byte for byte', async () => {
    const out = path.join(tmpDir, 'traffic-sample.csv');
    const { network, incidents } = await writeTrafficCsv({ out });
    expect(fs.readFileSync(out).equals(committed('traffic-sample.csv'))).toBe(true);
    expect(formatJson(network)).toBe(committed('junction-network.json').toString('utf8'));
    expect(formatJson(incidents)).toBe(committed('incidents.json').toString('utf8'));
  });

  it('agree with each other: CSV junctions = network junctions, incidents name real junctions', () => {
    const network = JSON.parse(committed('junction-network.json').toString('utf8')) as JunctionNetwork;
    const incidents = JSON.parse(committed('incidents.json').toString('utf8')) as Incident[];
    const ids = network.junctions.map((j) => j.id);
    const csvIds = new Set(
      committed('traffic-sample.csv')
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.slice(line.lastIndexOf(',') + 1)),
    );
    expect([...csvIds].sort()).toEqual([...ids].sort());
    expect(incidents.length).toBeGreaterThanOrEqual(3);
    expect(incidents.length).toBeLessThanOrEqual(5);
    for (const incident of incidents) {
      expect(ids).toContain(incident.junction);
      for (const neighbour of incident.neighbours) expect(ids).toContain(neighbour);
    }
  });
});
