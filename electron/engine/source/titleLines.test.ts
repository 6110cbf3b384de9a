import { describe, expect, it } from 'vitest';
import { findHeaderLine } from './titleLines';

const rows = (count: number, delimiter: string): string[] =>
  Array.from({ length: count }, (_, i) => ['2025-03-14 08:00', `site ${i % 3}`, String(100 + i), delimiter === ',' ? '52.5' : '52,5'].join(delimiter));

describe('title lines above the header', () => {
  it('finds the header below a report title, the area, the date and a blank line', () => {
    const lines = ['Traffic counts report', 'Area: centre, north', 'Generated: 2025-03-14 06:00', '', 'time,site,volume,speed', ...rows(40, ',')];
    expect(findHeaderLine(lines)).toBe(4);
  });

  it('finds it in a semicolon file too, whose title holds no semicolon', () => {
    const lines = ['Zählstellenbericht', 'Stand: 14.03.2025', 'Zeit;Zählstelle;Anzahl;Geschwindigkeit', ...rows(40, ';')];
    expect(findHeaderLine(lines)).toBe(2);
  });

  it('finds it below a period line nearly as wide as the table, set apart by a blank line (a counter export)', () => {
    const table = Array.from({ length: 40 }, (_, i) => `"Aug 14, 2025 ${1 + (i % 11)}:00 PM",${i},${i},`);
    const lines = ['Period,"August 14, 2025 12:58 PM -> September 8, 2025 12:59 PM",', '', 'Time,17-3010,17-3010 3010_IN,', ...table];
    expect(findHeaderLine(lines)).toBe(2);
    // Without the blank line, a line one field narrower than the rows is their header.
    expect(findHeaderLine(['Time,17-3010,17-3010 3010_IN', ...table])).toBe(0);
  });

  it('finds it below title lines when the data lines end with a delimiter the header lacks (a turning movement export)', () => {
    const table = Array.from({ length: 40 }, (_, i) => `11/16/2025,="${String(i).padStart(4, '0')}",1,4,2,3,0,1,4,0,6,3,0,1,8,`);
    const lines = ['Turning Movement Count,', '15 Minute Counts,', 'DATE,TIME,INTID,NBL,NBT,NBR,SBL,SBT,SBR,EBL,EBT,EBR,WBL,WBT,WBR', ...table];
    expect(findHeaderLine(lines)).toBe(2);
  });

  it('leaves the first line as the header in a file without titles, whatever else the rows hold', () => {
    // Decimal commas in a `;` file: the comma would make a table that starts one line down.
    expect(findHeaderLine(['time;site;volume;speed', ...rows(40, ';')])).toBe(0);
    expect(findHeaderLine(['time,site,volume,speed', ...rows(40, ',')])).toBe(0);
    // Rows one field wider than the header (a trailing delimiter): still the header.
    expect(findHeaderLine(['time,site,volume,speed', ...rows(40, ',').map((row) => `${row},`)])).toBe(0);
    // A single-column file has no table to find.
    expect(findHeaderLine(['volume', '12', '14', '15'])).toBe(0);
  });

  it('does not take a long run of narrow lines for a title block', () => {
    const lines = [...Array.from({ length: 40 }, (_, i) => `note ${i}`), 'time,site,volume,speed', ...rows(40, ',')];
    expect(findHeaderLine(lines)).toBe(0);
  });
});
