/**
 * IPC is answered only for frames showing our own page: the packaged file or, in development,
 * the electron-vite dev server. Anything else (an injected frame, a navigated window) is refused.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined, trustedUrl: string): boolean {
  if (!senderUrl) return false;
  try {
    const sender = new URL(senderUrl);
    const trusted = new URL(trustedUrl);
    if (trusted.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === trusted.pathname;
    return sender.origin === trusted.origin;
  } catch {
    return false;
  }
}
