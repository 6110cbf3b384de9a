/**
 * Opening the app's links in the system browser. Each address is written out in its own call, so
 * no address that a page, a file or a message supplies can ever reach the system browser, and the
 * Electronegativity scanner can see that (it flags every openExternal call on a variable).
 */
import type { ExternalLinkName } from '../../../shared/shell/externalLinks';

export interface UrlOpener {
  openExternal(url: string): Promise<void>;
}

export function externalLinkOpeners(shell: UrlOpener): Record<ExternalLinkName, () => Promise<void>> {
  return {
    sqliteSyntax: () => shell.openExternal('https://www.sqlite.org/lang.html'),
    kafkaSecurity: () => shell.openExternal('https://kafka.apache.org/documentation/#security'),
  };
}
