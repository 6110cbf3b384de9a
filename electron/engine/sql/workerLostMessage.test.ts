/** The console's message when the SQL worker was replaced names what came back and what did not. */
import { describe, expect, it } from 'vitest';
import { workerLostMessage } from './workerLostMessage';

describe('worker lost message', () => {
  it('says why and that the held rows are being put back', () => {
    expect(workerLostMessage('The query did not stop at its 10 s timeout, so the SQL worker was restarted', { held: 5000, queued: 0, restored: 5000, lost: 0 }, [])).toBe(
      'The query did not stop at its 10 s timeout, so the SQL worker was restarted: its 5000 rows are being put back.',
    );
  });

  it('counts rows still on their way, rows past the restore cap, the views made again and the tables lost', () => {
    expect(workerLostMessage('Restarted', { held: 10, queued: 8192, restored: 8000, lost: 202 }, ['mine', 'scratch'], ['busy'])).toBe(
      'Restarted: 8000 of its 8202 rows (10 held and 8192 on their way) are being put back; the oldest 202 were dropped, past what the engine keeps to restore. Your views are being made again: busy. Your tables were lost: mine, scratch.',
    );
  });
});
