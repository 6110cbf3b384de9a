import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINKS, externalLinkName, type ExternalLinkName } from '../../../shared/shell/externalLinks';
import { externalLinkOpeners } from './externalLinkOpeners';
import { decideWindowOpen, isSamePage } from './webContentsPolicy';

describe('links and navigation out of the app window', () => {
  it('the app\'s own https links go to the system browser, each to exactly its address', async () => {
    const opened: string[] = [];
    const openers = externalLinkOpeners({ openExternal: async (url) => void opened.push(url) });
    for (const [name, url] of Object.entries(EXTERNAL_LINKS) as Array<[ExternalLinkName, string]>) {
      expect(decideWindowOpen(url)).toEqual({ open: 'externally', link: name });
      await openers[name]();
    }
    expect(opened).toEqual(Object.values(EXTERNAL_LINKS));
  });

  it('anything else opens nowhere: other sites, http, file, javascript and custom schemes, lookalikes', () => {
    for (const url of [
      'https://example.org/',
      'http://www.sqlite.org/lang.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://www.sqlite.org/lang.html.evil.example/',
      'https://www.sqlite.org@evil.example/lang.html',
      'not a url',
    ]) {
      expect(decideWindowOpen(url).open, url).toBe('nowhere');
      expect(externalLinkName(url), url).toBeNull();
    }
  });

  it('the window may reload its own page (also with a #fragment), never load another', () => {
    const trusted = 'file:///opt/tm/resources/app.asar/out/renderer/index.html';
    expect(isSamePage(trusted, trusted)).toBe(true);
    expect(isSamePage(`${trusted}#sql`, trusted)).toBe(true);
    expect(isSamePage('file:///home/u/evil.html', trusted)).toBe(false);
    expect(isSamePage('https://example.org/', trusted)).toBe(false);
    expect(isSamePage('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isSamePage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
