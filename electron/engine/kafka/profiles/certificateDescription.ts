/**
 * What a certificate file holds, in words the profile editor shows beside the file's name, so the
 * user can tell a CA from a client certificate and see when it expires without opening the file.
 */
import type { X509Certificate } from 'node:crypto';

/** The subject's common name when it has one (the part people recognise), else the whole subject. */
function subjectOf(certificate: X509Certificate): string {
  const lines = certificate.subject.split('\n');
  return lines.find((line) => line.startsWith('CN=')) ?? lines.join(', ');
}

const day = (date: string): string => {
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString().slice(0, 10);
};

/** e.g. "2 certificates, subject CN=Example CA, valid until 2027-01-31" (the first certificate's). */
export function describeCertificates(certificates: readonly X509Certificate[]): string {
  const [first] = certificates;
  const count = certificates.length === 1 ? '1 certificate' : `${certificates.length} certificates`;
  if (!first) return count;
  const expired = new Date(first.validTo).getTime() < Date.now() ? ', EXPIRED' : '';
  return `${count}, subject ${subjectOf(first)}, valid until ${day(first.validTo)}${expired}`.slice(0, 1000);
}
