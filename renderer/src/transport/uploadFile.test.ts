/**
 * What the user reads when an upload fails: the host's own reason, or a sentence, never
 * "Unexpected end of JSON input" (what a plain-text or empty answer used to give).
 */
import { describe, expect, it } from 'vitest';
import { uploadFile } from './uploadFile';

const file = new File(['Time,Total\n'], 'counts.csv');
const answer =
  (status: number, body: string): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status }));

describe('uploadFile', () => {
  it('returns the path the host issued', async () => {
    expect(await uploadFile(file, answer(200, JSON.stringify({ path: '/data/uploads/counts.csv' })))).toBe('/data/uploads/counts.csv');
  });

  it("passes on the host's JSON reason", async () => {
    await expect(uploadFile(file, answer(413, JSON.stringify({ error: 'The file is larger than the upload limit of 20 GB' })))).rejects.toThrow(/upload limit of 20 GB/);
  });

  it('passes on a plain-text answer (the access check) as it is', async () => {
    await expect(uploadFile(file, answer(401, 'Open Traffic Monitor with the address it printed when it started.'))).rejects.toThrow(/address it printed/);
  });

  it('names the status of an empty answer', async () => {
    await expect(uploadFile(file, answer(408, ''))).rejects.toThrow('The upload of counts.csv failed (HTTP 408).');
  });

  it('says the connection closed when there is no answer at all', async () => {
    const dropped: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(uploadFile(file, dropped)).rejects.toThrow(/cut off: the connection to Traffic Monitor closed/);
  });
});
