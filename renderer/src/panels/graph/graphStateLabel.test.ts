import { describe, expect, it } from 'vitest';
import { graphBadge } from './graphStateLabel';

describe("the junction graph's badge", () => {
  it('says Live only while the replay runs', () => {
    expect(graphBadge('live', 'running', false)).toMatchObject({ label: 'Live', tone: 'live' });
  });

  it('a paused, finished, stopped or failed replay is named, over loads that no longer move', () => {
    expect(graphBadge('live', 'paused', false)).toMatchObject({ label: 'Paused', tone: 'still' });
    expect(graphBadge('live', 'finished', false)).toMatchObject({ label: 'Finished', hint: 'Loads as the replay left them.' });
    expect(graphBadge('live', 'stopped', false).label).toBe('Stopped');
    expect(graphBadge('live', 'failed', false).label).toBe('Stopped');
  });

  it('a network loaded before any replay is ready, not live', () => {
    expect(graphBadge('live', 'idle', false)).toMatchObject({ label: 'Ready', tone: 'still' });
    expect(graphBadge('live', null, false).label).toBe('Ready');
  });

  it('a watched topic is live whatever the (idle) replay says', () => {
    expect(graphBadge('live', 'idle', true)).toMatchObject({ label: 'Live', hint: 'Loads follow the watched topic.' });
    expect(graphBadge('waiting', 'idle', true).hint).toMatch(/topic/);
  });

  it('off and waiting keep their own words', () => {
    expect(graphBadge('off', 'running', false).label).toBe('Off');
    expect(graphBadge('waiting', 'idle', false)).toMatchObject({ label: 'Waiting', hint: 'Waiting for rows: start a replay.' });
  });
});
