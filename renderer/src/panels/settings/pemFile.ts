/**
 * Reads a PEM file the user chose in the profile editor, in the page (File.text()), so TLS material
 * reaches the engine as content in both hosts and no path is ever named. The checks here are the
 * cheap ones that give an answer at once (size, PEM at all, certificate vs key); the engine parses
 * the content with node:crypto when the profile is saved or tested.
 */
import { PEM_MAX_BYTES } from '../../../../shared/kafka/profileContract';

export type PemKind = 'certificate' | 'key';

export type PemRead = { ok: true; name: string; pem: string } | { ok: false; message: string };

const CERTIFICATE = '-----BEGIN CERTIFICATE-----';
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** What the file holds, in words for the editor, e.g. "2 certificates" or "private key (EC)". */
export function describePem(pem: string): string {
  const certificates = pem.split(CERTIFICATE).length - 1;
  if (certificates > 0) return certificates === 1 ? '1 certificate' : `${certificates} certificates`;
  const kind = /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.exec(pem)?.[1]?.trim();
  if (kind === 'ENCRYPTED') return 'encrypted private key';
  if (kind !== undefined) return `private key (${kind})`;
  if (PRIVATE_KEY.test(pem)) return 'private key';
  return 'no certificate or key';
}

export async function readPemFile(file: File, kind: PemKind): Promise<PemRead> {
  if (file.size > PEM_MAX_BYTES) {
    return { ok: false, message: `${file.name} is ${sizeLabel(file.size)}; a PEM file here is at most ${sizeLabel(PEM_MAX_BYTES)}. Choose the ${kind} itself.` };
  }
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  const pem = await file.text();
  if (!pem.includes('-----BEGIN')) {
    return {
      ok: false,
      message: `${file.name} is not a PEM file (no "-----BEGIN" line). A DER file can be converted with openssl, e.g. openssl x509 -inform der -in cert.der -out cert.pem.`,
    };
  }
  if (kind === 'certificate' && !pem.includes(CERTIFICATE)) {
    return { ok: false, message: `${file.name} holds no certificate${PRIVATE_KEY.test(pem) ? ' (it is a private key: choose it as the client key)' : ''}.` };
  }
  if (kind === 'key' && !PRIVATE_KEY.test(pem)) {
    return { ok: false, message: `${file.name} holds no private key${pem.includes(CERTIFICATE) ? ' (it is a certificate: choose it as the client certificate)' : ''}.` };
  }
  return { ok: true, name: file.name, pem };
}
