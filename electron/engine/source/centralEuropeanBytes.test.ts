import { describe, expect, it } from 'vitest';
import { centralEuropeanBytes } from './centralEuropeanBytes';
import { detectEncoding } from './detectEncoding';

const cp1250 = encode1250;
/** The few Windows-1250 letters the tests write. */
function encode1250(text: string): Buffer {
  const table: Record<string, number> = { Š: 0x8a, š: 0x9a, Ž: 0x8e, ž: 0x9e, Č: 0xc8, č: 0xe8, ś: 0x9c, ł: 0xb3 };
  return Buffer.from([...text].map((char) => table[char] ?? char.charCodeAt(0)));
}

describe('Windows-1250 or Windows-1252', () => {
  it('Slovenian headers and names (Ljubljana road sections) are Windows-1250', () => {
    const bytes = cp1250('Kat. ceste;Štev. ceste;Prometni odsek;Vlačilci\nAC;A1;MP ŠENTILJ - POČIVALIŠČE ŠENTILJ;2.790\n');
    expect(centralEuropeanBytes(bytes)).toBe(true);
    expect(detectEncoding({ head: bytes, tail: null })).toBe('windows-1250');
  });
  it('French and German Latin-1 text stays Windows-1252, even with an œ', () => {
    const oe = Buffer.from([0x9c]); // œ in Windows-1252
    const bytes = Buffer.concat([Buffer.from('Nom;Libellé;Zählstelle\nC', 'latin1'), oe, Buffer.from('ur de ville;rue de la Libération;Straße\nPérès;Léon;Mönchengladbach\n', 'latin1')]);
    expect(centralEuropeanBytes(bytes)).toBe(false);
    expect(detectEncoding({ head: bytes, tail: null })).toBe('windows-1252');
  });
});
