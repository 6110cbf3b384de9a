/**
 * Narrows the Live Feed to one location's rows (the Junction graph's "Show in feed"), or widens it
 * again (the feed's chip). Shared by both panels; a failure shows in the app's banner, where the
 * feed's other failures go.
 */
import { tryInvoke } from '../transport/engineClient';
import { useView } from './viewStore';

export async function setFeedLocation(location: string | null): Promise<boolean> {
  const envelope = await tryInvoke('feed:setLocation', { location });
  useView.getState().setError(envelope.ok ? null : envelope.error.message);
  return envelope.ok;
}
