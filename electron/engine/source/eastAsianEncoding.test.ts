/**
 * Opening a count file saved in a Korean, Chinese or Japanese code page: detected, read whole, its
 * names in their own script. Bytes are made by iconv-lite's encoder; expected rows are the ones
 * written here.
 */
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { MultiByteEncoding } from '../../../shared/encoding';
import { TempDir } from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { detectEncoding } from './detectEncoding';
import { scanFile } from './fileScan/scanFile';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

interface Language {
  encoding: MultiByteEncoding;
  iconv: string;
  header: string[];
  stations: string[];
}

const LANGUAGES: Language[] = [
  { encoding: 'euc-kr', iconv: 'cp949', header: ['집계일시', '영업소명', '교통량', '평균속도'], stations: ['서울 톨게이트', '수원신갈', '판교', '동탄'] },
  { encoding: 'gb18030', iconv: 'gb18030', header: ['时间', '站点名称', '车流量', '平均速度'], stations: ['北京东路口', '南京西路', '人民广场站', '浦东大道'] },
  { encoding: 'big5', iconv: 'cp950', header: ['時間', '測站名稱', '車流量', '平均速率'], stations: ['臺北市信義路', '高雄港', '新竹交流道', '臺中市政府'] },
  { encoding: 'shift_jis', iconv: 'shift_jis', header: ['日時', '観測地点', '交通量', '平均速度'], stations: ['東京インター', '大阪駅前', '名古屋高速', '横浜港北'] },
];

function countFile(language: Language, rows: number): { text: string; lines: string[] } {
  const lines = [language.header.join(',')];
  for (let i = 0; i < rows; i++) {
    const station = language.stations[i % language.stations.length] as string;
    const minutes = Math.floor(i / language.stations.length) * 15;
    const time = new Date(Date.UTC(2024, 3, 1) + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push([time, station, String(100 + ((i * 37) % 400)), String(40 + (i % 50))].join(','));
  }
  return { text: `${lines.join('\r\n')}\r\n`, lines };
}

describe.each(LANGUAGES.map((language) => [language.encoding, language] as const))('a count file in %s', (encoding, language) => {
  it('is detected, named in its own script, and read whole', async () => {
    const { text, lines } = countFile(language, 400);
    const path = temp.write(iconv.encode(text, language.iconv), `${encoding}.csv`);
    const opened = await openSniffedFile(await sniffCsv(path), null);
    expect(opened.sniffed.dialect.encoding).toBe(encoding);
    expect(opened.schema.columns.map((column) => column.name)).toEqual(language.header);
    expect(opened.schema.location).toBe(language.header[1]);
    expect(opened.schema.measure).toBe(language.header[2]);
    const records: { line: number; values: unknown[] }[] = [];
    let rejected = 0;
    for await (const batch of readCsvBatches({ path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      records.push(...batch.records.map((record) => ({ line: record.line, values: record.values })));
      rejected += batch.rejected.length;
    }
    expect(rejected).toBe(0);
    expect(records).toHaveLength(400);
    expect(new Set(records.map((record) => record.values[1]))).toEqual(new Set(language.stations));
    const last = (lines[400] as string).split(',');
    expect(records[399]).toEqual({ line: 401, values: [last[0], last[1], Number(last[2]), Number(last[3])] });
    const scan = await scanFile({ path, dialect: opened.sniffed.dialect, schema: opened.schema, workerPath: null, segments: 2 });
    expect({ rows: scan.rows, rejected: scan.rejected }).toEqual({ rows: 400, rejected: 0 });
  });
});

describe('Western text that is not UTF-8', () => {
  it('stays Windows-1252: accented names are not taken for an East Asian code page', () => {
    const text = 'Date;Compteur;Vélos\r\n' + Array.from({ length: 200 }, (_, i) => `0${(i % 9) + 1}/01/2012;${['Côte-Sainte-Catherine', 'Brébeuf', 'Maisonneuve', 'Pierre-Dupuy'][i % 4]};${i}`).join('\r\n');
    expect(detectEncoding({ head: Buffer.from(text, 'latin1'), tail: null })).toBe('windows-1252');
  });
});
