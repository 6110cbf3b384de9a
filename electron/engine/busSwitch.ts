/**
 * Which bus replays run on: the embedded in-process log, or a Kafka cluster through a KafkaLink.
 * Switching happens in the background and shows in the bus view, so an unreachable cluster never
 * blocks the page; switches are serialised, and an edited profile reaches the bus that uses it at
 * once. The replay session itself is rebuilt on the new bus by the owner (see `rebind`).
 */
import type { BusSelection, BusView, MonitorRequest } from '../../shared/kafka/busContract';
import type { TrafficRecord } from '../../shared/records';
import { EmbeddedBus } from './bus';
import { KafkaLink } from './kafka';
import { kafkaConfigFor } from './kafka';
import type { KafkaProfileStore } from './kafka';
import type { SecretStore } from './kafka';
import type { MonitorSource } from './monitor';
import { embeddedBinding, REPLAY_TOPIC, STAGES_GROUP, type BusBinding } from './replay';
import type { OpenedFile } from './source';
import type { ReplaySession } from './replay';
import { BusSettings } from './settings';
import { handledElsewhere, logFailure } from './supervision';

export interface BusSwitchOptions {
  dataDir: string | null;
  profiles: KafkaProfileStore;
  secrets: SecretStore;
  /** The Kafka producer's worker script; null produces in the engine's thread. */
  producerWorkerPath: string | null;
  changed: () => void;
  /** The bus changed: the open file's replay must be rebuilt on the new binding. */
  rebind: () => void;
}

type BusCounters = ReturnType<ReplaySession['busCounters']>;

const NO_COUNTS: BusCounters = { produced: 0, consumed: 0, duplicates: 0, lostToRetention: 0, foreign: 0, stale: 0, produceRetries: 0 };

export class BusSwitch {
  private readonly embeddedBus = new EmbeddedBus<TrafficRecord>();
  /** Set while the bus is Kafka. */
  private kafka: KafkaLink | null = null;
  /** Serialises bus switches: a second switch waits for the first to finish closing connections. */
  private switching: Promise<unknown> = Promise.resolve();
  private readonly settings: BusSettings;

  constructor(private readonly options: BusSwitchOptions) {
    this.settings = new BusSettings(options.dataDir);
  }

  /** Comes back on the bus chosen last time; a Kafka cluster that is away shows as retrying, never blocks start-up. */
  async restore(): Promise<void> {
    const { selection } = await this.settings.load();
    if (selection.kind === 'kafka') await this.select(selection, false).catch(logFailure('kafka', 'could not come back on the bus chosen last time'));
  }

  /** The binding a replay of `file` runs on; the Kafka codec learns the file's columns first. */
  bindingFor(file: OpenedFile): BusBinding {
    this.kafka?.codec.useColumns(file.schema.columns, file.schema.time !== null);
    return this.kafka ? this.kafka.binding() : embeddedBinding(this.embeddedBus);
  }

  /** What a monitor needs to watch `request`'s topic with the app's group. */
  async monitorSource(request: MonitorRequest): Promise<MonitorSource> {
    const { profiles, secrets } = this.options;
    const config = await kafkaConfigFor(profiles, secrets, request.profileId);
    const profile = await profiles.get(request.profileId);
    return { request, profileName: profile?.name ?? request.profileId, config, groupId: await this.settings.groupId() };
  }

  /** An edited profile reaches the bus that runs on it at once, without stopping its replay (issue 19 #14). */
  applyEditedProfile(profileId: string): Promise<void> {
    const next = this.switching.then(async () => {
      const link = this.kafka;
      if (!link || link.selection.profileId !== profileId) return;
      const config = await kafkaConfigFor(this.options.profiles, this.options.secrets, profileId);
      const profile = await this.options.profiles.get(profileId);
      await link.reconfigure(config, profile?.name ?? profileId);
    });
    this.switching = next.catch(handledElsewhere);
    return next;
  }

  /**
   * Switches the bus. A replay in progress stops (its rows stay on screen until the next replay);
   * the open file stays open on the new bus. `persist`: remembered for the next start.
   */
  select(selection: BusSelection, persist: boolean): Promise<void> {
    const { profiles, secrets } = this.options;
    // The same Kafka bus again (after its cluster came back, say): reconnect with its profile as it is now, keep the replay going.
    const current = this.kafka?.selection;
    if (current && persist && selection.kind === 'kafka' && JSON.stringify(current) === JSON.stringify(selection)) return this.applyEditedProfile(selection.profileId);
    const next = this.switching.then(async () => {
      let link: KafkaLink | null = null;
      if (selection.kind === 'kafka') {
        const config = await kafkaConfigFor(profiles, secrets, selection.profileId);
        const profile = await profiles.get(selection.profileId);
        const name = profile?.name ?? selection.profileId;
        link = new KafkaLink(selection, name, await this.settings.groupId(), config, this.options.changed, this.options.producerWorkerPath);
      }
      const previous = this.kafka;
      this.kafka = link;
      this.options.rebind();
      if (persist) await this.settings.save(selection);
      this.options.changed();
      await previous?.close();
    });
    this.switching = next.catch(handledElsewhere);
    return next;
  }

  /** The Kafka panel while a file is replayed (or nothing is open); `counters`: the replay's. */
  view(counters: BusCounters = NO_COUNTS): BusView {
    const link = this.kafka;
    const common = {
      produced: counters.produced,
      consumed: counters.consumed,
      duplicates: counters.duplicates,
      lostToRetention: counters.lostToRetention,
      malformed: 0,
      produceRetries: counters.produceRetries,
      monitoring: false,
    };
    if (!link) {
      return {
        ...common,
        selection: { kind: 'embedded' },
        state: 'embedded',
        message: null,
        retryInSeconds: null,
        profileName: null,
        topic: REPLAY_TOPIC,
        groupId: STAGES_GROUP,
        producerMode: 'in-process log',
        partitions: [],
        maxLag: 0,
      };
    }
    return {
      ...common,
      selection: link.selection,
      state: link.state,
      message: link.message,
      retryInSeconds: link.retryInSeconds,
      profileName: link.profileName,
      topic: link.selection.topic,
      groupId: link.groupId,
      producerMode: link.bus.producerMode,
      partitions: link.partitions,
      maxLag: link.maxLag,
    };
  }

  close(): void {
    void this.kafka?.close();
    this.kafka = null;
  }
}
