/**
 * The total and the parts it sums, from the numbers: of sets that agree within rounding, the one
 * whose sum is exact, so a small count beside the classes (pedal cycles) is not taken for a part.
 */
import { describe, expect, it } from 'vitest';
import { findTotalRelation } from './totalRelation';

describe('findTotalRelation', () => {
  it("leaves out a small count the rounding allowance would let in: Great Britain's all_motor_vehicles is the motor classes, not pedal cycles", () => {
    // Columns: pedal_cycles, two_wheeled, cars, buses, lgvs, hgv_rigid, hgv_artic, all_hgvs, all_motor_vehicles.
    const rows: number[][] = [];
    for (let hour = 0; hour < 40; hour++) {
      const pedal = hour % 3 === 0 ? 1 + (hour % 2) : 0;
      const [two, cars, buses, lgvs, rigid, artic] = [hour % 4, 300 + hour * 7, 5 + (hour % 6), 60 + hour, 10 + (hour % 5), 8 + (hour % 7)];
      const allHgvs = rigid + artic;
      rows.push([pedal, two, cars, buses, lgvs, rigid, artic, allHgvs, two + cars + buses + lgvs + allHgvs]);
    }
    const found = findTotalRelation(rows);
    expect(found?.total).toBe(8);
    // Either the HGV classes or their total, never both, and never the pedal cycles.
    expect(found?.parts).not.toContain(0);
    const sums = rows.map((row) => (found?.parts ?? []).reduce((sum, p) => sum + (row[p] as number), 0));
    expect(sums).toEqual(rows.map((row) => row[8]));
  });

  it('keeps a relation whose figures are each rounded (a total of 81 beside 57 and 23)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const car = 50 + i * 3;
      const truck = 20 + (i % 5);
      return [car, truck, car + truck + (i % 3 === 0 ? 1 : 0)];
    });
    expect(findTotalRelation(rows)).toEqual({ total: 2, parts: [0, 1] });
  });
});
