import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from './trustedSender';

describe('isTrustedSenderUrl', () => {
  const packaged = 'file:///opt/Traffic%20Monitor/resources/app.asar/out/renderer/index.html';

  it('accepts the packaged page and the dev server it was built for', () => {
    expect(isTrustedSenderUrl(packaged, packaged)).toBe(true);
    expect(isTrustedSenderUrl(`${packaged}#/feed`, packaged)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173/')).toBe(true);
  });

  it('refuses other files, other origins, missing and malformed senders', () => {
    expect(isTrustedSenderUrl('file:///tmp/evil.html', packaged)).toBe(false);
    expect(isTrustedSenderUrl('https://example.org/', packaged)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl(undefined, packaged)).toBe(false);
    expect(isTrustedSenderUrl('not a url', packaged)).toBe(false);
  });
});
