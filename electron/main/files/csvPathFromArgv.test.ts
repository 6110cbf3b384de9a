import { describe, expect, it } from 'vitest';
import { csvPathFromArgv } from './csvPathFromArgv';

describe('the file the OS asked us to open', () => {
  it('packaged, launched by "Open with": the CSV after the executable', () => {
    expect(csvPathFromArgv(['C:\\Apps\\Traffic Monitor.exe', 'D:\\counts\\june.csv'], true)).toBe('D:\\counts\\june.csv');
  });

  it('Chromium switches that the second instance carries are not files', () => {
    expect(csvPathFromArgv(['/opt/tm/traffic-monitor', '--allow-file-access-from-files', '--original-process-start-time=1', '/home/u/a.CSV'], true)).toBe('/home/u/a.CSV');
  });

  it('development: the app folder is not a file; plain launches open nothing', () => {
    expect(csvPathFromArgv(['/x/electron', '.'], false)).toBeNull();
    expect(csvPathFromArgv(['/x/electron', '.', '/data/b.tsv'], false)).toBe('/data/b.tsv');
    expect(csvPathFromArgv(['/opt/tm/traffic-monitor'], true)).toBeNull();
  });

  it('a file of another kind is not opened', () => {
    expect(csvPathFromArgv(['/opt/tm/traffic-monitor', '/home/u/photo.png'], true)).toBeNull();
  });
});
