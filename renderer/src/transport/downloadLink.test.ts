/**
 * The address a download link gets: the host's one-use ticket, never the page's secret; and a
 * refusal reaches the user as the host's sentence.
 */
import { describe, expect, it } from 'vitest';
import { ticketedAddress } from './downloadLink';

describe('ticketedAddress', () => {
  it('asks for a ticket for that address and adds it to the query', async () => {
    const asked: string[] = [];
    const send: typeof fetch = (input, init) => {
      asked.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return Promise.resolve(new Response(JSON.stringify({ ticket: 'T1' }), { status: 200 }));
    };
    expect(await ticketedAddress('/api/sql-export.csv?queryId=4', send)).toBe('/api/sql-export.csv?queryId=4&ticket=T1');
    expect(await ticketedAddress('/api/rejected.csv', send)).toBe('/api/rejected.csv?ticket=T1');
    expect(asked).toEqual(['POST /api/download-ticket?for=%2Fapi%2Fsql-export.csv%3FqueryId%3D4', 'POST /api/download-ticket?for=%2Fapi%2Frejected.csv']);
  });

  it("passes on the host's refusal as a sentence", async () => {
    const refuse: typeof fetch = () => Promise.resolve(new Response('Open Traffic Monitor with the address it printed when it started.', { status: 401 }));
    await expect(ticketedAddress('/api/rejected.csv', refuse)).rejects.toThrow(/address it printed/);
    const down: typeof fetch = () => Promise.reject(new Error('Failed to fetch'));
    await expect(ticketedAddress('/api/rejected.csv', down)).rejects.toThrow(/connection to Traffic Monitor closed/);
  });
});
