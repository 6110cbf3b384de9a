/**
 * The `kafkaProfile:*` commands, typed against the contract. The engine spreads these into its
 * handler map; arguments arrive already validated by the engine's `handle`.
 */
import type { CommandArgs, CommandResult } from '../../../../shared/contract';
import { CommandError } from '../../../../shared/envelope';
import {
  kafkaProfileDraftSchema,
  type ConnectionTestResult,
  type KafkaProfile,
  type KafkaProfileDraft,
  type kafkaProfileCommands,
} from '../../../../shared/kafka/profileContract';
import { CONNECTION_PROBE_OVERRIDES, probeConnection } from './connectionProbe';
import { buildKafkaConfig, kafkaConfigFor, type KafkaConfig } from './kafkaConfig';
import type { KafkaProfileStore } from './profileStore';
import type { SecretStore } from './secretStore';
import { tlsKeySecretId } from './tlsKeySecret';
import { savedCertificateFile, tlsOptions } from './tlsMaterial';

type ProfileCommand = keyof typeof kafkaProfileCommands;
export type KafkaProfileHandlers = { [K in ProfileCommand]: (args: CommandArgs<K>) => Promise<CommandResult<K>> };

export interface KafkaProfileDeps {
  profiles: KafkaProfileStore;
  secrets: SecretStore;
  /** Replaces the dialog's short timeouts (tests). */
  testOverrides?: Partial<KafkaConfig>;
}

/**
 * `deps` may be a function so a class can build its handler map in a field initializer, before its
 * constructor has created the stores: they are looked up when a command runs.
 */
export function createKafkaProfileHandlers(deps: KafkaProfileDeps | (() => KafkaProfileDeps)): KafkaProfileHandlers {
  const get = typeof deps === 'function' ? deps : () => deps;
  return {
    'kafkaProfile:list': async () => {
      const { profiles, secrets } = get();
      return { profiles: await profiles.list(), secretStorage: secrets.storage };
    },
    'kafkaProfile:save': async ({ profile, password, clientKeyPem }) => save(get(), kafkaProfileDraftSchema.parse(profile), password, clientKeyPem),
    'kafkaProfile:delete': async ({ id }) => {
      const { profiles, secrets } = get();
      await profiles.remove(id);
      await secrets.set(id, null);
      await secrets.set(tlsKeySecretId(id), null);
      return { ok: true };
    },
    'kafkaProfile:test': async (target) => {
      const { profiles, secrets, testOverrides } = get();
      let config: KafkaConfig;
      try {
        if ('profileId' in target) {
          config = await kafkaConfigFor(profiles, secrets, target.profileId);
        } else {
          const draft = kafkaProfileDraftSchema.parse(target.profile);
          const password = target.password ?? (draft.sasl && draft.id ? await secrets.get(draft.id) : null);
          const clientKey = target.clientKeyPem ?? (draft.tls.key && draft.id ? await secrets.get(tlsKeySecretId(draft.id)) : null);
          config = await buildKafkaConfig(draft, password, clientKey);
        }
      } catch (error) {
        return configProblem(error);
      }
      return probeConnection({ ...config, ...CONNECTION_PROBE_OVERRIDES, ...testOverrides });
    },
  };
}

async function save(
  { profiles, secrets }: KafkaProfileDeps,
  draft: KafkaProfileDraft,
  password: string | undefined,
  clientKeyPem: string | undefined,
): Promise<KafkaProfile> {
  if (draft.id !== undefined && !(await profiles.get(draft.id))) {
    throw new CommandError('INVALID_ARGS', `There is no Kafka profile with id ${draft.id}; it may have been deleted.`);
  }
  const id = draft.id ?? profiles.newId();
  const others = (await profiles.list()).filter((profile) => profile.id !== id);
  if (others.some((profile) => profile.name.toLowerCase() === draft.name.toLowerCase())) {
    throw new CommandError('INVALID_ARGS', `A Kafka profile named "${draft.name}" already exists; pick another name.`);
  }
  const keyStored = await saveClientKey(secrets, id, draft, clientKeyPem);
  let passwordStored = false;
  if (!draft.sasl) {
    await secrets.set(id, null);
  } else if (password !== undefined) {
    await secrets.set(id, password); // first, so a keychain failure leaves the profile as it was
    passwordStored = true;
  } else {
    passwordStored = (await secrets.get(id)) !== null;
  }
  return profiles.put({
    id,
    name: draft.name,
    brokers: draft.brokers,
    clientId: draft.clientId,
    tls: {
      ...draft.tls,
      ca: savedCertificateFile(draft.tls.ca, 'CA certificate'),
      cert: savedCertificateFile(draft.tls.cert, 'client certificate'),
      key: draft.tls.key ? { name: draft.tls.key.name, stored: keyStored } : null,
    },
    sasl: draft.sasl ? { ...draft.sasl, passwordStored } : null,
  });
}

/**
 * Checks the chosen TLS files (a wrong one is refused here, naming it, not at the next connect) and
 * stores or forgets the client key. True when a key is stored for the profile afterwards.
 */
async function saveClientKey(secrets: SecretStore, id: string, draft: KafkaProfileDraft, clientKeyPem: string | undefined): Promise<boolean> {
  const keyId = tlsKeySecretId(id);
  const stored = draft.tls.key && clientKeyPem === undefined ? await secrets.get(keyId) : null;
  const key = clientKeyPem ?? stored;
  // Checked whether or not TLS is on now: files kept in a profile must be usable when it is turned on.
  if (draft.tls.ca || draft.tls.cert || draft.tls.key) tlsOptions({ ...draft.tls, enabled: true }, key);
  if (!draft.tls.key) await secrets.set(keyId, null);
  else if (clientKeyPem !== undefined) await secrets.set(keyId, clientKeyPem);
  return draft.tls.key !== null && key !== null;
}

/** A profile that cannot even become a client config (unreadable TLS file, no password) is a test answer too. */
function configProblem(error: unknown): ConnectionTestResult {
  if (!(error instanceof CommandError)) throw error;
  const status = /TLS/.test(error.message) ? 'tls-failed' : /SASL|password/.test(error.message) ? 'auth-failed' : 'error';
  return { status, message: error.message, elapsedMs: 0 };
}
