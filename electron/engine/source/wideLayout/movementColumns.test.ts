/**
 * A turning-movement count with a column per movement and no total: read unfolded, a record per
 * movement, the intersection still the location; a count with a total column, or a pair of
 * directions, stays as it is. Expected records are built here from the lines written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSniffedFile } from '../openFile';
import { createReplaySource } from '../replayOrder/createReplaySource';
import { sniffCsv } from '../sniffCsv';
import { isMovementName } from './movementColumns';
import { openUnfolded } from './unfoldedCopy';

const folder = mkdtempSync(join(tmpdir(), 'tm-movements-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MOVEMENTS = ['NBL', 'NBT', 'NBR', 'SBL', 'SBT', 'SBR', 'EBL', 'EBT', 'EBR', 'WBL', 'WBT', 'WBR'];

/** Two intersections, a day of quarter hours, a row per intersection and quarter hour; `total` adds a Total column. */
function tmc(name: string, total: boolean): { path: string; lines: string[] } {
  const lines = [['Date', 'Time', 'Intersection', ...MOVEMENTS, ...(total ? ['Total'] : [])].join(',')];
  for (let quarter = 0; quarter < 96; quarter++) {
    for (const site of ['Main & 1st', 'Main & 2nd']) {
      const volumes = MOVEMENTS.map((_, m) => (quarter * 7 + m * 3 + site.length) % 40);
      const time = `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
      lines.push(['2025-03-14', time, site, ...volumes, ...(total ? [volumes.reduce((a, b) => a + b, 0)] : [])].join(','));
    }
  }
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, lines };
}

async function open(path: string) {
  return openUnfolded(await openSniffedFile(await sniffCsv(path), null), async () => null);
}

describe('turning-movement columns', () => {
  it('are named by an approach and a turn, however written', () => {
    expect(['NBL', 'SB_T', 'ebr', 'WBU', 'N Left', 'Northbound Thru', 'eastbound_right', 'SBRT', 'NB Through'].every(isMovementName)).toBe(true);
    expect(['Total', 'North', 'NB', 'Left', 'Bus', 'SBX', 'Volume'].some(isMovementName)).toBe(false);
  });

  it('without a total are read as a record per movement, the intersection still the location', async () => {
    const { path, lines } = tmc('no-total.csv', false);
    const unfolded = await open(path);
    expect(unfolded).not.toBeNull();
    const { schema, info } = unfolded!.opened;
    expect({ location: schema.location, measure: schema.measure }).toEqual({ location: 'Intersection', measure: 'Volume' });
    expect(info.notes[0]).toContain('one column per turning movement and no total (12 columns');
    // The unfolding pinned the roles; the user corrected nothing.
    expect(info.rolesRemembered).toBe(false);
    const seen: unknown[][] = [];
    for await (const batch of createReplaySource(unfolded!.opened).rows(null, new AbortController().signal)) {
      expect(batch.rejected).toEqual([]);
      for (const record of batch.records) seen.push([record.line, record.values[2], record.values[3], record.values[4]]);
    }
    const expected = lines.slice(1).flatMap((text, row) => {
      const cells = text.split(',');
      return MOVEMENTS.map((movement, m) => [row + 2, cells[2], movement, Number(cells[m + 3])]);
    });
    expect(seen.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(expected);
    await unfolded!.remove();
  });

  it('with a total column stay as they are: the total is the measure', async () => {
    expect(await open(tmc('with-total.csv', true).path)).toBeNull();
  });
});
