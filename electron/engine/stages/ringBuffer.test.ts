import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer';

describe('RingBuffer', () => {
  it('keeps items in order until full', () => {
    const ring = new RingBuffer<number>(4);
    ring.push(1);
    ring.push(2);
    expect(ring.size).toBe(2);
    expect(ring.toArray()).toEqual([1, 2]);
  });

  it('overwrites the oldest items once full and stays at capacity', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 10; i++) ring.push(i);
    expect(ring.size).toBe(3);
    expect(ring.capacity).toBe(3);
    expect(ring.toArray()).toEqual([8, 9, 10]);
  });

  it('returns the newest n items oldest first, and no more than it holds', () => {
    const ring = new RingBuffer<number>(5);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.newest(2)).toEqual([6, 7]);
    expect(ring.newest(0)).toEqual([]);
    expect(ring.newest(99)).toEqual([3, 4, 5, 6, 7]);
  });

  it('empties on clear and fills again from scratch', () => {
    const ring = new RingBuffer<string>(2);
    ring.push('a');
    ring.push('b');
    ring.push('c');
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.toArray()).toEqual([]);
    ring.push('d');
    expect(ring.toArray()).toEqual(['d']);
  });
});
