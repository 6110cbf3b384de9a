import { describe, expect, it } from 'vitest';
import type { InjectedFault } from '../sample-data/generator/faults';
import { scoreFlags } from './measureHealth';

const at = (hhmm: string): number => Date.parse(`2026-10-05T${hhmm}:00Z`);
const fault = (kind: InjectedFault['kind'], junction: string, start: string, end: string): InjectedFault => ({ kind, junction, start: `2026-10-05T${start}`, end: `2026-10-05T${end}`, slots: 4 });

describe('health scoring against injected faults', () => {
  const faults = [fault('stuck', 'J01', '08:00', '09:00'), fault('missing', 'J02', '10:00', '11:00'), fault('spike', 'J03', '12:00', '12:15')];

  it('a fault is flagged by a flag of its own check, at its junction, overlapping its time', () => {
    const score = scoreFlags(
      'hand-made',
      [
        { location: 'J01', check: 'stuck', start: at('08:30'), end: at('09:30') }, // flags the stuck fault
        { location: 'J02', check: 'stuck', start: at('10:00'), end: at('10:45') }, // wrong check: not the gap
        { location: 'J03', check: 'spike', start: at('12:15'), end: at('12:15') }, // starts at the fault's exclusive end: false
        { location: 'J04', check: 'spike', start: at('12:00'), end: at('12:00') }, // no fault there: false
      ],
      faults,
      10,
    );
    expect(score.faultsFlagged).toBe(1);
    expect(score.byKind).toEqual({ stuck: [1, 1], missing: [0, 1], spike: [0, 1] });
    // The J02 flag overlaps a fault (of another kind) so it is not false; J03's and J04's are.
    expect(score.falseFlags).toBe(2);
  });

  it('on a clean file every flag raised is false, the dropped ones too', () => {
    const score = scoreFlags('clean', [{ location: 'J01', check: 'gap', start: at('01:00'), end: at('02:00') }], [], 20, 3);
    expect(score.falseFlags).toBe(3);
    expect(score.faults).toBe(0);
  });
});
