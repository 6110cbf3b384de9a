/**
 * How the tests and the frame-rate bench start Debian's Chromium (Playwright's own browser download
 * is not available on these machines), so a bench figure is taken in the browser the tests use.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}
