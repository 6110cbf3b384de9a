import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import type { BusMessage } from '../bus/bus';
import { formatReplayTag, REPLAY_TAG_HEADER } from '../bus/kafka/replayTag';
import { ReplayRunTag } from './replayRunTag';

let offset = 0;
function message(tag: string | null): BusMessage<TrafficRecord> {
  offset++;
  return {
    topic: 't',
    partition: 0,
    offset,
    key: null,
    value: { line: offset, values: [], time: null },
    timestamp: 0,
    ...(tag === null ? {} : { headers: { [REPLAY_TAG_HEADER]: tag } }),
  };
}

describe('ReplayRunTag', () => {
  it('gets a new id and starts its sequence afresh with each replay', () => {
    const tags = new ReplayRunTag();
    tags.restart();
    const first = tags.id;
    expect(first).toMatch(/^[0-9a-f]{8}$/);
    tags.nextSeq = 5;
    tags.restart();
    expect(tags.id).not.toBe(first);
    expect(tags.nextSeq).toBe(0);
  });

  it("keeps this replay's rows once each and other producers' rows, and drops earlier replays' rows", () => {
    const tags = new ReplayRunTag();
    tags.restart();
    const own0 = message(formatReplayTag(tags.id, 0, 2));
    const own1 = message(formatReplayTag(tags.id, 1, 3));
    const again0 = message(formatReplayTag(tags.id, 0, 2));
    const foreign = message(null);
    const stale = message(formatReplayTag('earlier1', 0, 2));
    const kept = tags.ownAndForeign([own0, foreign, stale, own1, again0]);
    expect(kept).toEqual([own0, foreign, own1]);
    expect({ own: tags.ownConsumed, duplicates: tags.duplicates, foreign: tags.foreign, stale: tags.stale }).toEqual({
      own: 2,
      duplicates: 1,
      foreign: 1,
      stale: 1,
    });
  });

  it('forgets what it has seen when a replay starts over', () => {
    const tags = new ReplayRunTag();
    tags.restart();
    tags.ownAndForeign([message(formatReplayTag(tags.id, 0, 2))]);
    const previous = tags.id;
    tags.restart();
    expect(tags.ownAndForeign([message(formatReplayTag(previous, 0, 2))])).toEqual([]);
    expect(tags.stale).toBe(1);
    const fresh = message(formatReplayTag(tags.id, 0, 2));
    expect(tags.ownAndForeign([fresh])).toEqual([fresh]);
    expect({ own: tags.ownConsumed, duplicates: tags.duplicates }).toEqual({ own: 1, duplicates: 0 });
  });
});
