/**
 * Browser only: streams a chosen file to the web host and returns where it was saved. The host
 * answers its own refusals in JSON, but not every answer is its own: Node answers a broken or
 * timed-out request in plain text or not at all, the access check answers in plain text, and a
 * connection can drop. Each of those reaches the user as a sentence, not as a JSON parse error.
 */
import { secretHeaders } from './hostSecret';

export async function uploadFile(file: File, send: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await send(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: secretHeaders() });
  } catch (error) {
    throw new Error(`The upload of ${file.name} was cut off: the connection to Traffic Monitor closed (${(error as Error).message}).`);
  }
  const text = await response.text().catch(() => '');
  let body: { path?: unknown; error?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not the upload handler's answer: its text (if any) is still the best reason there is.
  }
  if (response.ok && typeof body.path === 'string') return body.path;
  const reason = typeof body.error === 'string' ? body.error : text.trim().slice(0, 300);
  throw new Error(reason === '' ? `The upload of ${file.name} failed (HTTP ${response.status}).` : reason);
}
