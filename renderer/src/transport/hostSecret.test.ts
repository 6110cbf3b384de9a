import { describe, expect, it } from 'vitest';
import { adoptSecret, type SecretPlaces } from './hostSecret';

function places(search: string, stored: string | null = null): SecretPlaces & { address: string | null; stored: Map<string, string> } {
  const storage = new Map<string, string>(stored === null ? [] : [['traffic-monitor-secret', stored]]);
  const result = {
    location: { search, pathname: '/', hash: '' },
    storage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
    address: null as string | null,
    stored: storage,
    replaceAddress: (address: string) => {
      result.address = address;
    },
  };
  return result;
}

describe('the page’s copy of the host’s secret', () => {
  it('takes the secret from the printed address into its own storage and out of the address bar', () => {
    const page = places('?token=abc-123');
    expect(adoptSecret(page)).toBe('abc-123');
    expect(page.stored.get('traffic-monitor-secret')).toBe('abc-123');
    expect(page.address).toBe('/');
  });

  it('keeps the secret after a reload, and a newer address replaces an older secret', () => {
    expect(adoptSecret(places('', 'kept'))).toBe('kept');
    const restarted = places('?token=new&x=1', 'old');
    expect(adoptSecret(restarted)).toBe('new');
    expect(restarted.address).toBe('/?x=1');
  });

  it('has none when the page was never given the address', () => {
    const page = places('');
    expect(adoptSecret(page)).toBeNull();
    expect(page.address).toBeNull();
  });
});
