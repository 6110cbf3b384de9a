import { describe, expect, it } from 'vitest';
import { statusMessage } from './predictStatusMessage';
import { predictView } from './testView';

const historyUntil = Date.UTC(2026, 9, 7, 23, 45);
const inHistory = { received: 300, processed: 300, backlog: 0, historyRows: 6720, scored: 0, warmingUp: 0, inHistoryPeriod: 300, noTarget: 0 };

describe('the Predictions status message', () => {
  it('says forecasts start after the history period while the replay is still inside it', () => {
    expect(statusMessage(predictView({ historyUntil, rows: inHistory }))).toBe(
      'The replay is inside the history period (to 2026-10-07 23:45): the model learnt those rows, so forecasts start after it.',
    );
  });

  it('goes back to the usual hint once rows are scored, and yields to the engine’s own message', () => {
    expect(statusMessage(predictView({ historyUntil, rows: { ...inHistory, scored: 10 } }))).toBe('Forecasting each row before it is used for training.');
    expect(statusMessage(predictView({ historyUntil, rows: inHistory, message: 'Reading the history…', state: 'loadingHistory' }))).toBe('Reading the history…');
    expect(statusMessage(predictView({ historyUntil: null, rows: inHistory }))).toBe('Forecasting each row before it is used for training.');
  });
});
