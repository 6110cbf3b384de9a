/**
 * Profiles saved by versions before TLS files were chosen in the page named their CA, certificate
 * and key by path. Those paths come from the app's own settings file, not from the page, so they are
 * read once more, on load, and the profile is migrated into content: certificates into the profile,
 * the key into the SecretStore. From then on no path exists anywhere in the TLS settings. Migrating
 * (rather than honouring paths at each connect) keeps one way of giving TLS material and lets the
 * page show what the profile holds. A file that can no longer be read leaves that field empty and a
 * notice on the profile saying which file and why, so the user knows what to choose again.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { PEM_MAX_BYTES, kafkaProfileSchema, type KafkaProfile, type PemFile, type SavedPemFile } from '../../../../shared/kafka/profileContract';
import { CappedReadError, readCappedText } from '../../settings';
import { savedCertificateFile } from './tlsMaterial';

const legacyPathSchema = z.string().min(1).max(4096).nullable();

/** The TLS settings as version-1 profiles wrote them. */
const legacyTlsSchema = z
  .object({ enabled: z.boolean(), caPath: legacyPathSchema, certPath: legacyPathSchema, keyPath: legacyPathSchema, rejectUnauthorized: z.boolean().default(true) })
  .strict();

export const legacyProfileSchema = kafkaProfileSchema.extend({ tls: legacyTlsSchema });
export type LegacyProfile = z.infer<typeof legacyProfileSchema>;

export const isLegacyProfile = (profile: KafkaProfile | LegacyProfile): profile is LegacyProfile => 'caPath' in profile.tls;

/** What a migration produced: the profile in today's shape and the key's PEM text, to store as a secret. */
export interface MigratedProfile {
  profile: KafkaProfile;
  clientKeyPem: string | null;
}

type Read = { ok: true; file: PemFile } | { ok: false; problem: string };

async function readLegacyPem(path: string, what: string): Promise<Read> {
  let text: string;
  try {
    text = await readCappedText(path, PEM_MAX_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      error instanceof CappedReadError
        ? error.message
        : code === 'ENOENT'
          ? 'there is no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (error as Error).message;
    return { ok: false, problem: `The TLS ${what} file ${path} saved by an earlier version could not be read (${why}); choose it again.` };
  }
  if (!text.includes('-----BEGIN')) return { ok: false, problem: `The TLS ${what} file ${path} saved by an earlier version is not PEM; choose it again.` };
  return { ok: true, file: { name: basename(path), pem: text } };
}

/** With the engine's description when the file parses; one that does not is kept and reported at connect, as any wrong file. */
function described(file: PemFile | null, what: string): SavedPemFile | null {
  try {
    return savedCertificateFile(file, what);
  } catch {
    return file;
  }
}

export async function migrateLegacyProfile(legacy: LegacyProfile): Promise<MigratedProfile> {
  const { caPath, certPath, keyPath, enabled, rejectUnauthorized } = legacy.tls;
  const problems: string[] = [];
  const take = async (path: string | null, what: string): Promise<PemFile | null> => {
    if (path === null) return null;
    const read = await readLegacyPem(path, what);
    if (read.ok) return read.file;
    problems.push(read.problem);
    return null;
  };
  const ca = described(await take(caPath, 'CA certificate'), 'CA certificate');
  const cert = described(await take(certPath, 'client certificate'), 'client certificate');
  const key = await take(keyPath, 'client key');
  const profile: KafkaProfile = {
    ...legacy,
    tls: { enabled, ca, cert, key: key ? { name: key.name, stored: true } : null, rejectUnauthorized },
  };
  if (problems.length > 0) profile.notice = problems.join(' ').slice(0, 2000);
  return { profile, clientKeyPem: key?.pem ?? null };
}
