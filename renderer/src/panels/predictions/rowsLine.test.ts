import { describe, expect, it } from 'vitest';
import { rowsLine } from './rowsLine';

const rows = { received: 12_345, processed: 12_000, backlog: 345, historyRows: 0, scored: 9000, warmingUp: 40, inHistoryPeriod: 0, noTarget: 0 };

describe('prediction rows line', () => {
  it('says the model keeps up while the backlog is small', () => {
    expect(rowsLine(rows)).toBe('12,345 received · 12,000 processed · backlog 345 (keeping up) · 9,000 scored · 40 warming up · 0 in history period · 0 without target');
  });

  it('says when it falls behind', () => {
    expect(rowsLine({ ...rows, processed: 2345, backlog: 10_000, inHistoryPeriod: 3000, noTarget: 2 })).toBe(
      '12,345 received · 2,345 processed · backlog 10,000 (falling behind) · 9,000 scored · 40 warming up · 3,000 in history period · 2 without target',
    );
  });
});
