/**
 * The policy attached to a page's WebContents. Electron cannot run here, so the WebContents is a
 * fake (an EventEmitter with a window-open handler slot): what is tested is which events are
 * refused, which link reaches the system browser, and what is logged.
 */
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINKS, type ExternalLinkName } from '../../../shared/shell/externalLinks';
import { applyWebContentsPolicy } from './webContentsPolicy';

const TRUSTED = 'file:///opt/tm/resources/app.asar/out/renderer/index.html';

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does and says whether a listener prevented the default. */
  attempt(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function setUp(): { contents: FakeWebContents; opened: ExternalLinkName[]; log: string[] } {
  const contents = new FakeWebContents();
  const opened: ExternalLinkName[] = [];
  const log: string[] = [];
  applyWebContentsPolicy(contents as unknown as WebContents, { trustedUrl: TRUSTED, openLink: (link) => opened.push(link), log: (line) => log.push(line) });
  return { contents, opened, log };
}

describe('the policy on every page of the app (fake WebContents: Electron cannot run here)', () => {
  it('navigating or redirecting anywhere but the app\'s own page is refused and logged', () => {
    const { contents, log } = setUp();
    expect(contents.attempt('will-navigate', 'https://example.org/phish')).toBe(true);
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', TRUSTED)).toBe(false);
    expect(log).toEqual(['refused navigation to https://example.org/phish', 'refused redirect to file:///etc/passwd']);
  });

  it('webviews are never attached', () => {
    const { contents, log } = setUp();
    expect(contents.attempt('will-attach-webview')).toBe(true);
    expect(log).toEqual(['refused a webview']);
  });

  it('no window ever opens; the app\'s own links go to the system browser, others nowhere', () => {
    const { contents, opened, log } = setUp();
    expect(contents.openHandler?.({ url: EXTERNAL_LINKS.kafkaSecurity })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['kafkaSecurity']);
    expect(log).toEqual(["refused a new window: not one of the app's own https links: https://example.org/"]);
  });
});
