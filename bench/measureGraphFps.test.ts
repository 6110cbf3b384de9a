import { describe, expect, it } from 'vitest';
import { graphFpsRows, heaviestFunctions, summariseFrames, type FrameWindow, type GraphFpsMeasurement } from './measureGraphFps';

/** Frame timestamps at a steady rate for `seconds`, starting at `start` ms. */
function steady(fps: number, seconds: number, start = 1000): number[] {
  return Array.from({ length: Math.round(fps * seconds) }, (_, i) => start + (i * 1000) / fps);
}

describe('summariseFrames', () => {
  it('counts frames per whole second from the first frame and takes the median and the worst second', () => {
    // Three seconds: 60 fps, then 20 fps, then 60 fps again.
    const frames = [...steady(60, 1), ...steady(20, 1, 2000), ...steady(60, 1, 3000)];
    const window = summariseFrames({ frames, longTasks: [120, 80], loadsBefore: 10, loadsAfter: 22 }, 3);
    expect(window.framesPerSecond).toEqual([60, 20, 60]);
    expect(window.medianFps).toBe(60);
    expect(window.worstSecondFps).toBe(20);
    expect(window.longestFrameMs).toBeCloseTo(50);
    expect(window).toMatchObject({ longTasks: 2, longTaskMs: 200, loadUpdatesPerSecond: 4 });
  });

  it('averages the middle two seconds of an even window and reports a silent second as 0 fps', () => {
    const frames = [...steady(60, 1), ...steady(30, 1, 2000), ...steady(40, 1, 4000)];
    const window = summariseFrames({ frames, longTasks: [], loadsBefore: 0, loadsAfter: 0 }, 4);
    expect(window.framesPerSecond).toEqual([60, 30, 0, 40]);
    expect(window.medianFps).toBe(35);
    expect(window.worstSecondFps).toBe(0);
    expect(window.longestFrameMs).toBeCloseTo(1000 + 1000 / 30);
  });
});

describe('heaviestFunctions', () => {
  it('adds self time up the call chain, once per function even when it recurses', () => {
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'http://127.0.0.1/assets/index.js', lineNumber });
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 5] },
        { id: 2, callFrame: frame('render', 9), children: [3] },
        { id: 3, callFrame: frame('draw', 0), children: [4] },
        { id: 4, callFrame: frame('render', 9) },
        { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
      ],
      // Microseconds: draw 1 ms, render inside draw 2 + 3 ms, render itself 0.5 ms, GC 4 ms.
      samples: [3, 4, 4, 2, 5],
      timeDeltas: [1000, 2000, 3000, 500, 4000],
    };
    expect(heaviestFunctions(profile).map((f) => [f.name, f.url, f.totalMs, f.selfMs])).toEqual([
      ['render', 'index.js:10', 6.5, 5.5],
      ['draw', 'index.js:1', 6, 1],
      ['(garbage collector)', '', 4, 4],
    ]);
  });
});

describe('graphFpsRows', () => {
  const frames = (fps: number, loadUpdatesPerSecond: number): FrameWindow => ({
    seconds: 10,
    framesPerSecond: Array.from({ length: 10 }, () => fps),
    medianFps: fps,
    worstSecondFps: fps,
    longestFrameMs: 1000 / fps,
    longTasks: 0,
    longTaskMs: 0,
    loadUpdatesPerSecond,
  });
  const measurement = (replay: FrameWindow): GraphFpsMeasurement => ({
    nodes: 1000,
    edges: 3000,
    replay,
    building: frames(20, 4),
    idle: frames(60, 0),
    withoutGraph: frames(60, 0),
    graphHidden: frames(60, 0),
    rowsPerSecond: 8000,
    speed: 7200,
    renderer: 'HeadlessChrome',
    profileTop: [],
  });

  it('meets the target only with 30 fps in the median and the worst second at about 4 updates a second', () => {
    expect(graphFpsRows(measurement(frames(45, 4)))[0]).toEqual([expect.stringContaining('1,000 junctions, 3,000 links, 4.0 load updates/s'), '45.0 / 45 fps', expect.any(String), 'met']);
    expect(graphFpsRows(measurement({ ...frames(45, 4), worstSecondFps: 29 }))[0]?.[3]).toBe('NOT met');
    expect(graphFpsRows(measurement(frames(45, 1)))[0]?.[3]).toBe('NOT met');
    expect(graphFpsRows(measurement(frames(6, 3.2)))[0]?.[3]).toBe('NOT met');
  });

  it('reports the seconds while the graph is built as a reference of their own, which does not decide the target', () => {
    const rows = graphFpsRows(measurement(frames(45, 4)));
    expect(rows.find((row) => row[0].includes('after the network file is chosen'))).toEqual([expect.stringContaining('first 10 s'), '20.0 / 20 fps', '', '']);
    expect(rows[0]?.[3]).toBe('met');
  });

  it('turns a failed run into one row that says so', () => {
    expect(graphFpsRows('timed out waiting for a | b')).toEqual([[expect.any(String), 'failed: timed out waiting for a \\| b', expect.any(String), 'NOT met']]);
  });
});
