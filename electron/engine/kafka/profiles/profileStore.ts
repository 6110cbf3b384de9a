/**
 * The user's Kafka connection profiles, kept in `<dataDir>/kafka-profiles.json`. Only settings live
 * there (and the public TLS certificates): passwords and TLS client keys go to a SecretStore, and the
 * file records no more than whether one is stored. Without a data folder (tests) profiles last as
 * long as the engine. Profiles an earlier version saved with TLS file paths are migrated on load.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { kafkaProfileSchema, type KafkaProfile } from '../../../../shared/kafka/profileContract';
import { CommandError } from '../../../../shared/envelope';
import { JsonFileWriter, readJsonFile } from '../../settings';
import { isLegacyProfile, legacyProfileSchema, migrateLegacyProfile, type LegacyProfile } from './legacyTlsPaths';
import type { SecretStore } from './secretStore';
import { tlsKeySecretId } from './tlsKeySecret';
import { logFailure } from '../../supervision';

export const PROFILES_FILE_NAME = 'kafka-profiles.json';
/** Profiles kept: one per cluster and identity a user works with is a handful; the list is sent whole to the page. */
export const KAFKA_PROFILE_LIMIT = 100;

const fileSchema = z.object({ version: z.literal(1), profiles: z.array(z.union([kafkaProfileSchema, legacyProfileSchema])) });

export class KafkaProfileStore {
  private readonly path: string | null;
  private readonly writer: JsonFileWriter | null;
  private profiles: KafkaProfile[] = [];
  /** Read once, shared by every caller, so concurrent changes apply one after another. */
  private loading: Promise<void> | null = null;

  /** `secrets` receives the client keys of migrated profiles; without it they are not kept. */
  constructor(
    dataDir: string | null,
    private readonly secrets: SecretStore | null = null,
  ) {
    this.path = dataDir ? join(dataDir, PROFILES_FILE_NAME) : null;
    this.writer = this.path ? new JsonFileWriter(this.path) : null;
  }

  private load(): Promise<void> {
    const path = this.path;
    this.loading ??= (path ? readJsonFile(path, fileSchema, { version: 1, profiles: [] }) : Promise.resolve({ profiles: [] })).then(
      async (file) => {
        this.profiles = await Promise.all(file.profiles.map((profile) => (isLegacyProfile(profile) ? this.migrate(profile) : profile)));
        // A folder that cannot be written keeps the old file: the migration simply runs again next start.
        if (file.profiles.some(isLegacyProfile)) await this.persist().catch(logFailure('settings', 'could not rewrite the Kafka profiles without their old TLS paths (tried again at the next start)'));
      },
    );
    return this.loading;
  }

  private async migrate(legacy: LegacyProfile): Promise<KafkaProfile> {
    const { profile, clientKeyPem } = await migrateLegacyProfile(legacy);
    if (clientKeyPem === null || !profile.tls.key) return profile;
    try {
      if (!this.secrets) throw new Error('no secret store');
      await this.secrets.set(tlsKeySecretId(profile.id), clientKeyPem);
    } catch {
      profile.tls.key = { ...profile.tls.key, stored: false };
    }
    return profile;
  }

  async list(): Promise<KafkaProfile[]> {
    await this.load();
    return this.profiles.map(clone);
  }

  async get(id: string): Promise<KafkaProfile | null> {
    await this.load();
    const profile = this.profiles.find((candidate) => candidate.id === id);
    return profile ? clone(profile) : null;
  }

  newId(): string {
    return randomUUID();
  }

  /** Adds or replaces by id; the list keeps the order profiles were created in. */
  async put(profile: KafkaProfile): Promise<KafkaProfile> {
    const checked = kafkaProfileSchema.parse(profile);
    await this.load();
    const index = this.profiles.findIndex((candidate) => candidate.id === checked.id);
    if (index < 0 && this.profiles.length >= KAFKA_PROFILE_LIMIT) {
      throw new CommandError('BAD_STATE', `${KAFKA_PROFILE_LIMIT} Kafka profiles are saved, the most the app keeps: delete one before adding "${checked.name}".`);
    }
    const next = [...this.profiles];
    if (index >= 0) next[index] = checked;
    else next.push(checked);
    this.profiles = next;
    await this.persist();
    return clone(checked);
  }

  /** True when there was such a profile. */
  async remove(id: string): Promise<boolean> {
    await this.load();
    const next = this.profiles.filter((profile) => profile.id !== id);
    if (next.length === this.profiles.length) return false;
    this.profiles = next;
    await this.persist();
    return true;
  }

  private persist(): Promise<void> {
    return this.writer ? this.writer.write({ version: 1, profiles: this.profiles }) : Promise.resolve();
  }
}

const clone = (profile: KafkaProfile): KafkaProfile => structuredClone(profile);
