/** The console's message when the SQL worker was replaced names everything that went with it. */
import { describe, expect, it } from 'vitest';
import { workerLostMessage } from './workerLostMessage';

describe('worker lost message', () => {
  it('says why and how many held rows went', () => {
    expect(workerLostMessage('The query did not stop at its 10 s timeout, so the SQL worker was restarted', { held: 5000, queued: 0 }, [])).toBe(
      'The query did not stop at its 10 s timeout, so the SQL worker was restarted: 5000 held rows were dropped. New rows fill the table again.',
    );
  });

  it('adds rows still on their way and the user\'s own tables and views when there were any', () => {
    expect(workerLostMessage('Restarted', { held: 10, queued: 8192 }, ['mine', 'scratch'])).toBe(
      'Restarted: 10 held rows were dropped, and 8192 rows waiting to be inserted. New rows fill the table again. Your tables and views were lost: mine, scratch.',
    );
  });
});
