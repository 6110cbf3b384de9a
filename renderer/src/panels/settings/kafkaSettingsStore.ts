/**
 * The Kafka settings the dialog shows: saved profiles (as the engine lists them, passwords only as
 * "stored"), how secrets are kept, and the bus the user last chose. Every change goes through the
 * engine and the list is re-fetched afterwards, so the page never holds its own version of a profile.
 */
import { create } from 'zustand';
import type { BusSelection } from '../../../../shared/kafka/busContract';
import type { ConnectionTestResult, KafkaProfile, SecretStorage } from '../../../../shared/kafka/profileContract';
import { tryInvoke } from '../../transport/engineClient';
import { clientKeyFromForm, draftFromForm, passwordFromForm, type ProfileForm } from './profileForm';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

interface KafkaSettingsState {
  profiles: KafkaProfile[];
  secretStorage: SecretStorage | null;
  loadError: string | null;
  /** The last selection the engine accepted; Embedded until then. */
  bus: BusSelection;
}

export const useKafkaSettings = create<KafkaSettingsState>(() => ({
  profiles: [],
  secretStorage: null,
  loadError: null,
  bus: { kind: 'embedded' },
}));

async function refresh(): Promise<void> {
  const envelope = await tryInvoke('kafkaProfile:list', {});
  if (envelope.ok) useKafkaSettings.setState({ profiles: envelope.value.profiles, secretStorage: envelope.value.secretStorage, loadError: null });
  else useKafkaSettings.setState({ loadError: envelope.error.message });
}

/** The write-only parts of the form, each only when the user gave one: absent keeps what the engine stores. */
function secretsFromForm(form: ProfileForm): { password?: string; clientKeyPem?: string } {
  const password = passwordFromForm(form);
  const clientKeyPem = clientKeyFromForm(form);
  return { ...(password === undefined ? {} : { password }), ...(clientKeyPem === undefined ? {} : { clientKeyPem }) };
}

export const kafkaSettings = {
  refresh,
  async save(form: ProfileForm): Promise<Outcome<KafkaProfile>> {
    const envelope = await tryInvoke('kafkaProfile:save', { profile: draftFromForm(form), ...secretsFromForm(form) });
    await refresh();
    return envelope.ok ? envelope : { ok: false, message: envelope.error.message };
  },
  async remove(id: string): Promise<Outcome<true>> {
    const envelope = await tryInvoke('kafkaProfile:delete', { id });
    await refresh();
    return envelope.ok ? { ok: true, value: true } : { ok: false, message: envelope.error.message };
  },
  /** Tests what the form holds now, saved or not (an empty password uses the stored one). */
  async test(form: ProfileForm): Promise<Outcome<ConnectionTestResult>> {
    const envelope = await tryInvoke('kafkaProfile:test', { profile: draftFromForm(form), ...secretsFromForm(form) });
    return envelope.ok ? envelope : { ok: false, message: envelope.error.message };
  },
  async selectBus(selection: BusSelection): Promise<Outcome<true>> {
    const envelope = await tryInvoke('bus:select', { selection });
    if (!envelope.ok) return { ok: false, message: envelope.error.message };
    useKafkaSettings.setState({ bus: selection });
    return { ok: true, value: true };
  },
};
