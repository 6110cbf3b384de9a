import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineWorkerPath, sampleCsvPath } from './resourcePaths';

describe('resource paths', () => {
  it('finds the sample and the worker in the project during development', () => {
    const layout = { isPackaged: false, appPath: '/src/traffic-monitor', resourcesPath: '/unused' };
    expect(sampleCsvPath(layout)).toBe(join('/src/traffic-monitor', 'sample-data', 'traffic-sample.csv'));
    expect(engineWorkerPath(layout)).toBe(join('/src/traffic-monitor', 'out', 'main', 'engineWorker.js'));
  });

  it('uses extra resources and the unpacked worker in a packaged app', () => {
    const layout = { isPackaged: true, appPath: '/opt/tm/resources/app.asar', resourcesPath: '/opt/tm/resources' };
    expect(sampleCsvPath(layout)).toBe(join('/opt/tm/resources', 'sample-data', 'traffic-sample.csv'));
    expect(engineWorkerPath(layout)).toBe(join('/opt/tm/resources/app.asar.unpacked', 'out', 'main', 'engineWorker.js'));
  });
});
