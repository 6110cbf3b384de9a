/**
 * Kafka connection profiles: what the Settings → Kafka dialog edits and "Test connection" answers.
 * Secrets (SASL passwords, the TLS client key) travel only from the page to the engine, never back:
 * a profile says whether one is stored, never what it is. TLS files travel as the content of a file
 * the user chose in the page, never as a path (the page may not name files on disk).
 */
import { z } from 'zod';

/** `host:port`, IPv6 in brackets (`[::1]:9092`); ports 1–65535. */
const BROKER_PATTERN = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):(\d{1,5})$/;

export const brokerAddressSchema = z
  .string()
  .trim()
  .refine((value) => {
    const port = BROKER_PATTERN.exec(value)?.[1];
    return port !== undefined && Number(port) >= 1 && Number(port) <= 65_535;
  }, 'A broker is written host:port, e.g. kafka-1.example.com:9092 or 127.0.0.1:9092.');

export const profileIdSchema = z.string().min(1).max(200);

/**
 * The most a chosen PEM file may hold. A certificate or key is a few kilobytes and a CA bundle of a
 * hundred roots about 200 KB; three files at this size still fit in one 1 MiB WebSocket message.
 */
export const PEM_MAX_BYTES = 256 * 1024;

/** PEM text as the page read it from a chosen file; the engine checks it is a certificate or a key. */
export const pemTextSchema = z
  .string()
  .min(1)
  .max(PEM_MAX_BYTES, `A PEM file is at most ${PEM_MAX_BYTES / 1024} KB.`)
  .refine((text) => text.includes('-----BEGIN'), 'This is not a PEM file (no "-----BEGIN" line).');

/** A file's name, kept only to show which file the user chose. */
const fileNameSchema = z.string().trim().min(1).max(255);

/** A public PEM file (CA or client certificate): its content lives in the profile. */
export const pemFileSchema = z.object({ name: fileNameSchema, pem: pemTextSchema }).strict();
export type PemFile = z.infer<typeof pemFileSchema>;

/** A certificate file as a saved profile holds it: with what the engine read in it, for the editor to show. */
export const savedPemFileSchema = pemFileSchema.extend({
  /** e.g. "1 certificate, subject CN=Example CA, valid until 2027-01-31". */
  description: z.string().max(1000).optional(),
});
export type SavedPemFile = z.infer<typeof savedPemFileSchema>;

const tlsFields = {
  enabled: z.boolean(),
  /** False accepts any server certificate: only for a test cluster with a self-signed certificate. */
  rejectUnauthorized: z.boolean().default(true),
};

/** What the engine says about a profile's TLS: the client key only by its file's name and "stored or not". */
export const kafkaTlsSchema = z
  .object({
    ...tlsFields,
    /** CA certificates to trust; null uses the system's trusted CAs. */
    ca: savedPemFileSchema.nullable(),
    /** Client certificate for mutual TLS; needs the key. */
    cert: savedPemFileSchema.nullable(),
    key: z.object({ name: fileNameSchema, stored: z.boolean() }).strict().nullable(),
  })
  .strict();
export type KafkaTls = z.infer<typeof kafkaTlsSchema>;

/** TLS as the dialog sends it: the key by name only; its content goes beside the draft, write-only. */
export const kafkaTlsDraftSchema = z
  .object({ ...tlsFields, ca: pemFileSchema.nullable(), cert: pemFileSchema.nullable(), key: z.object({ name: fileNameSchema }).strict().nullable() })
  .strict();
export type KafkaTlsDraft = z.infer<typeof kafkaTlsDraftSchema>;

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];
export const SASL_MECHANISM_LABELS: Record<SaslMechanism, string> = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
};

const usernameSchema = z.string().min(1).max(1024);

/** What the engine says about a profile's SASL settings: the password only as "stored or not". */
export const kafkaSaslSchema = z
  .object({ mechanism: z.enum(SASL_MECHANISMS), username: usernameSchema, passwordStored: z.boolean() })
  .strict();

const profileFields = {
  name: z.string().trim().min(1, 'Give the profile a name.').max(200),
  brokers: z.array(brokerAddressSchema).min(1, 'Name at least one bootstrap broker.').max(100),
  clientId: z.string().trim().min(1).max(255),
};

export const kafkaProfileSchema = z
  .object({
    id: profileIdSchema,
    ...profileFields,
    tls: kafkaTlsSchema,
    sasl: kafkaSaslSchema.nullable(),
    /** What the engine wants the user to know about this profile, e.g. a TLS file an earlier version named that could not be read. */
    notice: z.string().max(2000).optional(),
  })
  .strict();
export type KafkaProfile = z.infer<typeof kafkaProfileSchema>;

/** A profile as the dialog sends it: no id yet when new; SASL without the stored flag. */
export const kafkaProfileDraftSchema = z
  .object({
    id: profileIdSchema.optional(),
    ...profileFields,
    tls: kafkaTlsDraftSchema,
    sasl: z.object({ mechanism: z.enum(SASL_MECHANISMS), username: usernameSchema }).strict().nullable(),
  })
  .strict();
export type KafkaProfileDraft = z.infer<typeof kafkaProfileDraftSchema>;

/** Write-only: accepted by save and test, never part of any result. */
export const kafkaPasswordSchema = z.string().min(1).max(4096);
/** Write-only like the password: the TLS client key's PEM text, named by the draft's `tls.key`. */
export const clientKeyPemSchema = pemTextSchema;

export const SECRET_STORAGE_KINDS = ['os-keychain', 'file', 'memory'] as const;
export type SecretStorageKind = (typeof SECRET_STORAGE_KINDS)[number];
export const secretStorageSchema = z.object({
  kind: z.enum(SECRET_STORAGE_KINDS),
  /** Plain words for the dialog, e.g. "stored with the OS keychain". */
  description: z.string(),
});
export type SecretStorage = z.infer<typeof secretStorageSchema>;

export const CONNECTION_TEST_STATUSES = ['connected', 'unreachable', 'auth-failed', 'tls-failed', 'error'] as const;
export type ConnectionTestStatus = (typeof CONNECTION_TEST_STATUSES)[number];

export const connectionTestResultSchema = z.object({
  status: z.enum(CONNECTION_TEST_STATUSES),
  /** Plain words naming the broker, e.g. "Could not reach 127.0.0.1:9092: connection refused." */
  message: z.string(),
  /** Brokers in the cluster's metadata (when connected). */
  brokers: z.number().int().nonnegative().optional(),
  /** What the cluster's API versions say about its release, e.g. "Kafka ≥ 2.7 (ApiVersions: 60 APIs)". */
  version: z.string().optional(),
  elapsedMs: z.number().nonnegative(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

export const connectionTestTargetSchema = z.union([
  z.object({ profileId: profileIdSchema }).strict(),
  /** An unsaved profile (the dialog tests before saving); without a password or key the stored one of draft.id is used. */
  z.object({ profile: kafkaProfileDraftSchema, password: kafkaPasswordSchema.optional(), clientKeyPem: clientKeyPemSchema.optional() }).strict(),
]);
export type ConnectionTestTarget = z.infer<typeof connectionTestTargetSchema>;

const ok = z.object({ ok: z.literal(true) });

/** Commands of the profile settings; spread into the app's one command map in ../contract.ts. */
export const kafkaProfileCommands = {
  'kafkaProfile:list': {
    args: z.object({}).strict(),
    result: z.object({ profiles: z.array(kafkaProfileSchema), secretStorage: secretStorageSchema }),
  },
  /**
   * Creates (no id) or replaces a profile. `password` absent keeps the stored one; `sasl: null` forgets
   * it. Likewise `clientKeyPem` absent keeps the stored key while `tls.key` names one; `tls.key: null` forgets it.
   */
  'kafkaProfile:save': {
    args: z
      .object({ profile: kafkaProfileDraftSchema, password: kafkaPasswordSchema.optional(), clientKeyPem: clientKeyPemSchema.optional() })
      .strict(),
    result: kafkaProfileSchema,
  },
  'kafkaProfile:delete': { args: z.object({ id: profileIdSchema }).strict(), result: ok },
  /** Connects, asks the cluster for its brokers, disconnects; trouble is a result, not an error. */
  'kafkaProfile:test': { args: connectionTestTargetSchema, result: connectionTestResultSchema },
} as const;
