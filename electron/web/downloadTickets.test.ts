import { describe, expect, it } from 'vitest';
import { DownloadTickets, downloadTarget, TICKET_LIFETIME_MS } from './downloadTickets';

const at = (address: string): URL => new URL(address, 'http://127.0.0.1:5000');

describe('download tickets', () => {
  it('open the download they were issued for once, and only within their lifetime', () => {
    let now = 1_000_000;
    const tickets = new DownloadTickets(() => now);
    const ticket = tickets.issue(at('/api/sql-export.csv?queryId=7')) as string;
    expect(ticket).toMatch(/^[\w-]{32}$/);
    expect(tickets.redeem(at(`/api/sql-export.csv?queryId=7&ticket=${ticket}`))).toBe(true);
    expect(tickets.redeem(at(`/api/sql-export.csv?queryId=7&ticket=${ticket}`))).toBe(false);

    const late = tickets.issue(at('/api/rejected.csv')) as string;
    now += TICKET_LIFETIME_MS + 1;
    expect(tickets.redeem(at(`/api/rejected.csv?ticket=${late}`))).toBe(false);
    expect(tickets.outstanding).toBe(0);
  });

  it('open no other download, and a ticket tried on the wrong one is spent', () => {
    const tickets = new DownloadTickets();
    const ticket = tickets.issue(at('/api/sql-export.csv?queryId=7')) as string;
    expect(tickets.redeem(at(`/api/sql-export.csv?queryId=8&ticket=${ticket}`))).toBe(false);
    expect(tickets.redeem(at(`/api/sql-export.csv?queryId=7&ticket=${ticket}`))).toBe(false);
    const other = tickets.issue(at('/api/analysis-export.csv?what=flags')) as string;
    expect(tickets.redeem(at(`/api/rejected.csv?ticket=${other}`))).toBe(false);
    expect(tickets.redeem(at('/api/rejected.csv?ticket=made-up'))).toBe(false);
  });

  it('are issued only for downloads, never for uploads or commands', () => {
    const tickets = new DownloadTickets();
    expect(tickets.issue(at('/api/upload?name=x.csv'))).toBeNull();
    expect(tickets.issue(at('/api/session'))).toBeNull();
    expect(tickets.issue(at('/ws'))).toBeNull();
    expect(tickets.outstanding).toBe(0);
  });

  it('are bounded in number: the oldest go first', () => {
    const tickets = new DownloadTickets();
    const first = tickets.issue(at('/api/rejected.csv')) as string;
    for (let i = 0; i < 100; i++) tickets.issue(at('/api/rejected.csv'));
    expect(tickets.outstanding).toBe(64);
    expect(tickets.redeem(at(`/api/rejected.csv?ticket=${first}`))).toBe(false);
  });

  it('name the address without the ticket or the secret, in the order the page wrote it', () => {
    expect(downloadTarget(at('/api/predict-export.csv?what=anomalies&ticket=abc&token=xyz'))).toBe('/api/predict-export.csv?what=anomalies');
    expect(downloadTarget(at('/api/rejected.csv?ticket=abc'))).toBe('/api/rejected.csv');
  });
});
