/**
 * Names repeated under a group heading take their group; a heading with a label per column, or
 * names unique already, leave the names as they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { namesWithGroups } from './groupedHeader';
import { sniffCsv } from './sniffCsv';

const folder = mkdtempSync(join(tmpdir(), 'tm-grouped-header-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('namesWithGroups', () => {
  it('puts each repeated name under its group (merged heading cells: the label, then empty cells)', () => {
    expect(namesWithGroups(['', 'Southbound', '', '', 'Westbound', '', ''], ['Start Time', 'Left', 'Thru', 'Right', 'Left', 'Thru', 'Right'])).toEqual([
      'Start Time',
      'Southbound Left',
      'Southbound Thru',
      'Southbound Right',
      'Westbound Left',
      'Westbound Thru',
      'Westbound Right',
    ]);
  });

  it('leaves names that are unique, and a heading with a label for every column (SCATS), as they are', () => {
    expect(namesWithGroups(['', '', 'Start Time', '0:00', '0:15'], ['Site', 'Date', 'V00', 'V01', 'V02'])).toBeNull();
    expect(namesWithGroups(['', 'A', 'B'], ['Time', 'x', 'x'])).toBeNull();
  });

  it('names a spreadsheet turning-movement count by approach and turn when the file is opened', async () => {
    const lines = [',Southbound,,,Westbound,,', 'Start Time,Left,Thru,Right,Left,Thru,Right'];
    for (let q = 0; q < 40; q++) lines.push(`04/09/2024 ${String(7 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')},${q},${q + 1},${q + 2},${q + 3},${q + 4},${q + 5}`);
    const path = join(folder, 'tmc.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const sniffed = await sniffCsv(path);
    expect(sniffed.names).toEqual(['Start Time', 'Southbound Left', 'Southbound Thru', 'Southbound Right', 'Westbound Left', 'Westbound Thru', 'Westbound Right']);
    expect(sniffed.dialect.headerAt?.line).toBe(2);
  });
});
