import { describe, expect, it } from 'vitest';
import { dotGroupedThousandsExample } from './dotGroupedThousands';
import { RowDecoder } from './rowDecoder';
import { resolveTableSchema } from './tableSchema';

describe('whole numbers with a dot between thousands', () => {
  it('are found where dotted values are groups of three beside undotted values under a thousand', () => {
    // Slovenia's road sections (PLDP 2023): all vehicles, motorcycles, stationing in metres.
    expect(dotGroupedThousandsExample([['25.877', '25.485', '535', '31.821'], ['56', '55', '2', '78'], ['482', '1.137', '842', '9.761']], ';')).toBe('25.877');
    // Day-first dates beside them do not count against them.
    expect(dotGroupedThousandsExample([['14.03.2025', '15.03.2025'], ['1.234', '987']], ';')).toBe('1.234');
  });

  it('are not found in a file that writes decimals with a dot, or decimals with three places only, or commas between fields', () => {
    expect(dotGroupedThousandsExample([['25.877', '535'], ['0.491', '0.512']], ';')).toBeNull();
    expect(dotGroupedThousandsExample([['25.877', '535'], ['46.0569', '46.0571']], ';')).toBeNull();
    // Speeds with three decimals everywhere: no undotted value, so no grouping.
    expect(dotGroupedThousandsExample([['52.125', '48.500', '61.250']], ';')).toBeNull();
    expect(dotGroupedThousandsExample([['25.877', '535']], ',')).toBeNull();
    // Whole numbers written both ways are no grouping either.
    expect(dotGroupedThousandsExample([['1.137', '2137', '56']], ';')).toBeNull();
  });

  it('are read as the thousands they are, and the Columns notes say so', () => {
    const names = ['Štev. odseka', 'Vsa vozila (PLDP)', 'Motorji', 'Osebna vozila'];
    const rows = [
      ['0030', '25.877', '56', '19.483'],
      ['0199', '535', '2', '464'],
      ['0031', '31.821', '78', '24.690'],
    ];
    const schema = resolveTableSchema(names, rows, ';', null, new Date(Date.UTC(2026, 11, 6)));
    expect(schema.decimalComma).toBe(true);
    expect(schema.notes.join(' ')).toContain('Numbers are written with a dot between thousands ("25.877" is 25,877)');
    const decoded = new RowDecoder(schema).decode(rows[0] as string[]);
    expect(decoded.ok && decoded.values.slice(1)).toEqual([25_877, 56, 19_483]);
  });
});
