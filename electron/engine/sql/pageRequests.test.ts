/**
 * Page requests waiting for the SQL worker: each answered by its own id, a failure as BAD_STATE, and
 * all of them failed at once when the worker that would answer is gone.
 */
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import type { SqlPage } from '../../../shared/sql/sqlContract';
import { PageRequests } from './pageRequests';

function page(offset: number): SqlPage {
  return { queryId: 1, offset, rows: [[offset]], rowsCounted: 100, keptRows: 100, complete: true };
}

describe('page requests', () => {
  it('sends each request under an id of its own and answers it by that id', async () => {
    const pages = new PageRequests();
    const sent: number[] = [];
    const first = pages.request((requestId) => sent.push(requestId));
    const second = pages.request((requestId) => sent.push(requestId));
    expect(sent).toEqual([1, 2]);
    pages.answered({ kind: 'page', requestId: 2, page: page(50) });
    pages.answered({ kind: 'page', requestId: 1, page: page(0) });
    expect(await first).toEqual(page(0));
    expect(await second).toEqual(page(50));
  });

  it('fails a request the worker could not answer with BAD_STATE, and ignores answers nobody waits for', async () => {
    const pages = new PageRequests();
    const failed = pages.request(() => undefined);
    pages.answered({ kind: 'pageFailed', requestId: 1, message: 'Result 1 was replaced by a newer query.' });
    await expect(failed).rejects.toSatisfy((error: unknown) => error instanceof CommandError && error.code === 'BAD_STATE' && error.message === 'Result 1 was replaced by a newer query.');
    expect(() => pages.answered({ kind: 'page', requestId: 1, page: page(0) })).not.toThrow();
    expect(() => pages.answered({ kind: 'page', requestId: 99, page: page(0) })).not.toThrow();
  });

  it('fails every waiting request at once, and hears no late answer for them', async () => {
    const pages = new PageRequests();
    const waiting = [pages.request(() => undefined), pages.request(() => undefined)];
    const error = new CommandError('BAD_STATE', 'The SQL worker restarted; run the query again.');
    pages.rejectAll(error);
    for (const request of waiting) await expect(request).rejects.toBe(error);
    pages.answered({ kind: 'page', requestId: 1, page: page(0) });
    // Ids go on from where they were: a late answer to an old request never meets a new one.
    const sent: number[] = [];
    void pages.request((requestId) => sent.push(requestId));
    expect(sent).toEqual([3]);
  });
});
