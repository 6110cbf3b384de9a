/** The shell follows the open file through view updates, which leave the file out when it is unchanged. */
import { describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import { SessionTracker } from './sessionTracker';

function update(state: ViewUpdate['replay']['state'], file?: { path: string; name: string } | null): ViewUpdate {
  const view = { replay: { state } } as unknown as ViewUpdate;
  if (file !== undefined) view.file = file as ViewUpdate['file'];
  return view;
}

describe('SessionTracker', () => {
  it('remembers each file once, keeps it through updates without a file, and forgets it on null', () => {
    const opened: string[] = [];
    const tracker = new SessionTracker((path) => opened.push(path));
    tracker.observe(update('idle', { path: '/data/a.csv', name: 'a.csv' }));
    tracker.observe(update('running'));
    expect(tracker.activeReplay()).toEqual({ fileName: 'a.csv' });
    tracker.observe(update('running', { path: '/data/a.csv', name: 'a.csv' }));
    expect(opened).toEqual(['/data/a.csv']);
    tracker.observe(update('idle', null));
    tracker.observe(update('running'));
    expect(tracker.activeReplay()).toEqual({ fileName: 'the current file' });
    tracker.observe(update('idle', { path: '/data/a.csv', name: 'a.csv' }));
    expect(opened).toEqual(['/data/a.csv', '/data/a.csv']);
  });
});
