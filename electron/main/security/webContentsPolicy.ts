/**
 * What any page in the app may do beyond showing itself: nothing. Navigating away, opening windows
 * and attaching webviews are refused; the only way out is one of the app's own https links, which
 * goes to the system browser, never into an app window.
 */
import type { WebContents } from 'electron';
import { externalLinkName, type ExternalLinkName } from '../../../shared/shell/externalLinks';

export type LinkDecision = { open: 'externally'; link: ExternalLinkName } | { open: 'nowhere'; reason: string };

export function decideWindowOpen(url: string): LinkDecision {
  const link = externalLinkName(url);
  return link ? { open: 'externally', link } : { open: 'nowhere', reason: `not one of the app's own https links: ${url}` };
}

export function isSamePage(target: string, trustedUrl: string): boolean {
  try {
    const a = new URL(target);
    const b = new URL(trustedUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export interface PolicyHooks {
  trustedUrl: string;
  openLink(link: ExternalLinkName): void;
  log(line: string): void;
}

export function applyWebContentsPolicy(contents: WebContents, hooks: PolicyHooks): void {
  contents.on('will-navigate', (event, target) => {
    if (isSamePage(target, hooks.trustedUrl)) return;
    event.preventDefault();
    hooks.log(`refused navigation to ${target}`);
  });
  contents.on('will-redirect', (event, target) => {
    if (isSamePage(target, hooks.trustedUrl)) return;
    event.preventDefault();
    hooks.log(`refused redirect to ${target}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    hooks.log('refused a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.open === 'externally') hooks.openLink(decision.link);
    else hooks.log(`refused a new window: ${decision.reason}`);
    return { action: 'deny' };
  });
}
