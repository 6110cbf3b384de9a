import { describe, expect, it } from 'vitest';
import { completionSpot, nameCompletions, type CompletionSchema } from './sqlCompletion';

const schema: CompletionSchema = {
  table: 'traffic',
  columns: [
    { name: 'Day of the week', type: 'TEXT', system: false },
    { name: 'Total', type: 'INTEGER', system: false },
    { name: 'Order', type: 'TEXT', system: false },
    { name: '_time', type: 'TEXT', system: true },
  ],
  objects: [{ name: 'busy hours', kind: 'view', columns: ['hour', 'Total', 'cars per min'] }],
};

describe('where completion starts', () => {
  it('starts at the word being typed', () => {
    expect(completionSpot('SELECT Da')).toEqual({ from: 7, quoted: false, qualifier: null, typed: 2 });
    expect(completionSpot('SELECT ')).toEqual({ from: 7, quoted: false, qualifier: null, typed: 0 });
  });

  it('starts at an open double quote, not at a closed one or one inside a string', () => {
    expect(completionSpot('SELECT "Day o')).toEqual({ from: 7, quoted: true, qualifier: null, typed: 6 });
    expect(completionSpot('SELECT "Total", To')).toMatchObject({ from: 16, quoted: false });
    expect(completionSpot("WHERE x = 'say \"hi")).toMatchObject({ quoted: false });
  });

  it('notes a table name before a dot, quoted or not', () => {
    expect(completionSpot('SELECT traffic.To')).toMatchObject({ from: 15, qualifier: 'traffic' });
    expect(completionSpot('SELECT "busy hours".')).toMatchObject({ from: 20, qualifier: 'busy hours', typed: 0 });
    expect(completionSpot('SELECT t."Da')).toMatchObject({ from: 9, quoted: true, qualifier: 't' });
  });
});

describe('names offered', () => {
  const labels = (text: string): string[] => nameCompletions(schema, completionSpot(text)).map((option) => option.label);
  const applyFor = (text: string, label: string): string | undefined => nameCompletions(schema, completionSpot(text)).find((option) => option.label === label)?.apply;

  it('offers the table, the user objects and every column', () => {
    expect(labels('SELECT ')).toEqual(['traffic', 'busy hours', 'Day of the week', 'Total', 'Order', '_time', 'hour', 'cars per min']);
  });

  it('inserts names quoted where SQLite needs it', () => {
    expect(applyFor('SELECT Day', 'Day of the week')).toBe('"Day of the week"');
    expect(applyFor('SELECT To', 'Total')).toBe('Total');
    expect(applyFor('SELECT Or', 'Order')).toBe('"Order"');
    expect(applyFor('FROM bu', 'busy hours')).toBe('"busy hours"');
  });

  it('matches quoted names with the quote typed, and keeps them quoted', () => {
    const options = nameCompletions(schema, completionSpot('SELECT "Da'));
    expect(options.find((option) => option.apply === '"Day of the week"')?.label).toBe('"Day of the week"');
    expect(options.find((option) => option.apply === '"Total"')?.label).toBe('"Total"');
  });

  it('offers only the columns of the table before a dot', () => {
    expect(labels('SELECT TRAFFIC.')).toEqual(['Day of the week', 'Total', 'Order', '_time']);
    expect(labels('SELECT "busy hours".')).toEqual(['hour', 'Total', 'cars per min']);
    expect(labels('SELECT nowhere.')).toEqual([]);
  });

  it('ranks names above keywords and says what each is', () => {
    const options = nameCompletions(schema, completionSpot('SELECT '));
    expect(options.every((option) => option.boost > 0)).toBe(true);
    expect(options.find((option) => option.label === '_time')?.detail).toBe('TEXT · added by the app');
    expect(options.find((option) => option.label === 'busy hours')?.detail).toBe('your view');
  });
});
