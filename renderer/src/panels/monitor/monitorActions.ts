/**
 * Starting and stopping monitor mode. The engine owns the state (`bus.monitoring` in every view
 * update); the page only remembers the last request so the Kafka panel can list topics of the
 * monitored cluster even when the bus itself runs on the embedded log.
 */
import { create } from 'zustand';
import type { BusSelection, MonitorRequest, TopicSummary } from '../../../../shared/kafka/busContract';
import type { KafkaProfile } from '../../../../shared/kafka/profileContract';
import { useView } from '../../store/viewStore';
import { tryInvoke } from '../../transport/engineClient';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

interface MonitorState {
  lastRequest: MonitorRequest | null;
}

export const useMonitor = create<MonitorState>(() => ({ lastRequest: null }));

/** The profile whose cluster the Kafka panel talks about: the bus's, else the one last asked to monitor. */
export function activeProfileId(selection: BusSelection | undefined, lastRequest: MonitorRequest | null): string | null {
  if (selection?.kind === 'kafka') return selection.profileId;
  return lastRequest?.profileId ?? null;
}

export const monitorActions = {
  /** Errors come back to the caller (the dialog shows them next to the form). */
  async start(request: MonitorRequest): Promise<Outcome<true>> {
    const envelope = await tryInvoke('monitor:start', request);
    if (!envelope.ok) return { ok: false, message: envelope.error.message };
    useMonitor.setState({ lastRequest: request });
    useView.getState().setError(null);
    return { ok: true, value: true };
  },
  /** From a button outside any dialog: a failure goes to the app's error banner. */
  async startFromPanel(request: MonitorRequest): Promise<boolean> {
    const outcome = await monitorActions.start(request);
    if (!outcome.ok) useView.getState().setError(`Could not watch ${request.topic}: ${outcome.message}`);
    return outcome.ok;
  },
  async stop(): Promise<boolean> {
    const envelope = await tryInvoke('monitor:stop', {});
    useView.getState().setError(envelope.ok ? null : envelope.error.message);
    return envelope.ok;
  },
  async listTopics(profileId: string): Promise<Outcome<TopicSummary[]>> {
    const envelope = await tryInvoke('kafka:listTopics', { profileId });
    return envelope.ok ? envelope : { ok: false, message: envelope.error.message };
  },
  async listProfiles(): Promise<Outcome<KafkaProfile[]>> {
    const envelope = await tryInvoke('kafkaProfile:list', {});
    return envelope.ok ? { ok: true, value: envelope.value.profiles } : { ok: false, message: envelope.error.message };
  },
};
