/**
 * Page object for the Kafka panel and monitor mode: the bus state, the counters that reconcile,
 * partition lag, the topic list, the "Watch a Kafka topic" dialog and the toolbar's monitoring line.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCount } from './trafficMonitorPage';

export type KafkaBusState = 'embedded' | 'connecting' | 'connected' | 'retrying' | 'failed';

export interface PartitionRow {
  partition: number;
  low: number;
  high: number;
  /** null before the app's consumer group has committed on this partition. */
  committed: number | null;
  lag: number;
  /** The row holds the largest lag (highlighted). */
  isMaxLag: boolean;
}

export interface TopicRow {
  name: string;
  partitions: number;
  messages: number;
}

export interface MonitorOptions {
  /** The profile's name as listed in Settings; omitted, the dialog's default (first profile). */
  profileName?: string;
  topic: string;
  /** 'earliest' (default), 'latest', or a moment as epoch ms or a Date. */
  startFrom?: 'earliest' | 'latest' | number | Date;
  format?: 'auto' | 'json' | 'csv';
}

export class KafkaPanel {
  readonly region: Locator;
  readonly state: Locator;
  readonly retry: Locator;
  readonly message: Locator;
  readonly embeddedNote: Locator;
  readonly profile: Locator;
  readonly topic: Locator;
  readonly group: Locator;
  readonly producerMode: Locator;
  readonly counters: { produced: Locator; consumed: Locator; duplicates: Locator; malformed: Locator; produceRetries: Locator };
  readonly reconcile: Locator;
  readonly partitionTable: Locator;
  readonly partitionRowLocator: Locator;
  readonly maxLagValue: Locator;
  readonly listTopicsButton: Locator;
  readonly topicRowLocator: Locator;
  readonly topicsError: Locator;
  readonly topicsEmpty: Locator;
  /** Toolbar: "Monitoring <topic>" and its Stop button (only while monitoring). */
  readonly monitorStatus: Locator;
  readonly monitoredTopic: Locator;
  readonly stopMonitorButton: Locator;
  readonly monitorDialog: Locator;
  readonly monitorError: Locator;
  readonly monitorNoProfile: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Kafka', exact: true });
    this.state = page.getByTestId('kafka-state');
    this.retry = page.getByTestId('kafka-retry');
    this.message = page.getByTestId('kafka-message');
    this.embeddedNote = page.getByTestId('kafka-embedded');
    this.profile = page.getByTestId('kafka-profile');
    this.topic = page.getByTestId('kafka-topic');
    this.group = page.getByTestId('kafka-group');
    this.producerMode = page.getByTestId('kafka-producer-mode');
    this.counters = {
      produced: page.getByTestId('kafka-produced'),
      consumed: page.getByTestId('kafka-consumed'),
      duplicates: page.getByTestId('kafka-duplicates'),
      malformed: page.getByTestId('kafka-malformed'),
      produceRetries: page.getByTestId('kafka-produce-retries'),
    };
    this.reconcile = page.getByTestId('kafka-reconcile');
    this.partitionTable = page.getByTestId('kafka-partitions');
    this.partitionRowLocator = page.getByTestId('kafka-partition-row');
    this.maxLagValue = page.getByTestId('kafka-max-lag');
    this.listTopicsButton = page.getByTestId('kafka-list-topics');
    this.topicRowLocator = page.getByTestId('kafka-topic-row');
    this.topicsError = page.getByTestId('kafka-topics-error');
    this.topicsEmpty = page.getByTestId('kafka-topics-empty');
    this.monitorStatus = page.getByTestId('monitor-status');
    this.monitoredTopic = page.getByTestId('monitor-topic');
    this.stopMonitorButton = page.getByTestId('monitor-stop');
    this.monitorDialog = page.getByRole('dialog', { name: 'Watch a Kafka topic' });
    this.monitorError = this.monitorDialog.getByTestId('monitor-error');
    this.monitorNoProfile = this.monitorDialog.getByTestId('monitor-no-profile');
  }

  /** The badge's state word (data-state, so a countdown beside it never changes the answer). */
  async readState(): Promise<KafkaBusState> {
    return (await this.state.getAttribute('data-state')) as KafkaBusState;
  }

  async waitForState(state: KafkaBusState, timeout = 30_000): Promise<void> {
    await expect(this.state).toHaveAttribute('data-state', state, { timeout });
  }

  async produced(): Promise<number> {
    return parseCount(await this.counters.produced.textContent());
  }

  async consumed(): Promise<number> {
    return parseCount(await this.counters.consumed.textContent());
  }

  async duplicates(): Promise<number> {
    return parseCount(await this.counters.duplicates.textContent());
  }

  async malformed(): Promise<number> {
    return parseCount(await this.counters.malformed.textContent());
  }

  async produceRetries(): Promise<number> {
    return parseCount(await this.counters.produceRetries.textContent());
  }

  async maxLag(): Promise<number> {
    return parseCount(await this.maxLagValue.textContent());
  }

  /** The partition table as shown now (empty before partitions are assigned). */
  async partitionRows(): Promise<PartitionRow[]> {
    const rows = await this.partitionRowLocator.all();
    return Promise.all(
      rows.map(async (row) => {
        const cells = await row.locator('td').allTextContents();
        const [partition, low, high, committed, lag] = cells;
        return {
          partition: parseCount(partition ?? ''),
          low: parseCount(low ?? ''),
          high: parseCount(high ?? ''),
          committed: committed === undefined || committed.trim() === '–' ? null : parseCount(committed),
          lag: parseCount(lag ?? ''),
          isMaxLag: (await row.getAttribute('data-max-lag')) === 'true',
        };
      }),
    );
  }

  /** Clicks "List topics" (or "Refresh topics") and waits for the answer: rows, "no topics" or an error. */
  async listTopics(timeout = 20_000): Promise<TopicRow[]> {
    await this.listTopicsButton.click();
    await expect(this.listTopicsButton).toBeEnabled({ timeout });
    await expect(this.topicRowLocator.first().or(this.topicsEmpty).or(this.topicsError)).toBeVisible({ timeout });
    if (await this.topicsError.isVisible()) throw new Error(`Listing topics failed: ${await this.topicsError.textContent()}`);
    return this.topicRows();
  }

  async topicRows(): Promise<TopicRow[]> {
    const rows = await this.topicRowLocator.all();
    return Promise.all(
      rows.map(async (row) => ({
        name: (await row.getAttribute('data-topic')) ?? '',
        partitions: parseCount(await row.getByTestId('kafka-topic-partitions').textContent()),
        messages: parseCount(await row.getByTestId('kafka-topic-messages').textContent()),
      })),
    );
  }

  topicRow(name: string): Locator {
    return this.topicRowLocator.and(this.page.locator(`[data-topic="${name}"]`));
  }

  /** The topic row's "Monitor" button: watches from the earliest message, format detected. */
  async monitorFromTopicList(name: string): Promise<void> {
    await this.topicRow(name).getByRole('button', { name: `Monitor ${name}` }).click();
  }

  /** Opens "Watch a Kafka topic…" from wherever it is offered: the start screen or the Kafka panel. */
  async openMonitorDialog(): Promise<void> {
    if (!(await this.monitorDialog.isVisible())) {
      const inPanel = this.region.getByTestId('watch-topic-button');
      const button = (await inPanel.isVisible()) ? inPanel : this.page.getByTestId('watch-topic-button').first();
      await button.click();
    }
    await expect(this.monitorDialog).toBeVisible();
  }

  /** Fills the dialog (opening it first when needed) without pressing Start. */
  async fillMonitorForm(options: MonitorOptions): Promise<void> {
    await this.openMonitorDialog();
    const dialog = this.monitorDialog;
    const profile = dialog.getByRole('combobox', { name: 'Profile' });
    await expect(profile).toBeEnabled();
    if (options.profileName !== undefined) await profile.selectOption({ label: options.profileName });
    await dialog.getByRole('combobox', { name: 'Topic' }).fill(options.topic);
    const startFrom = options.startFrom ?? 'earliest';
    const start = dialog.getByRole('combobox', { name: 'Start from' });
    if (startFrom === 'earliest' || startFrom === 'latest') {
      await start.selectOption(startFrom);
    } else {
      await start.selectOption('timestamp');
      const ms = startFrom instanceof Date ? startFrom.getTime() : startFrom;
      // The input takes the browser's local time; let the browser write it so both agree on the zone.
      const local = await this.page.evaluate((value) => {
        const date = new Date(value);
        const pad = (n: number): string => String(n).padStart(2, '0');
        return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
      }, ms);
      await dialog.getByLabel('Start from time').fill(local);
    }
    await dialog.getByRole('combobox', { name: 'Messages are' }).selectOption(options.format ?? 'auto');
  }

  /** Presses Start and returns the dialog's error, or null once the dialog has closed (accepted). */
  async submitMonitor(timeout = 20_000): Promise<string | null> {
    await this.monitorDialog.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(async () => {
      if ((await this.monitorDialog.isVisible()) && !(await this.monitorError.isVisible())) throw new Error('the dialog has not answered yet');
    }).toPass({ timeout });
    return (await this.monitorDialog.isVisible()) ? ((await this.monitorError.textContent()) ?? '') : null;
  }

  /** Fills the dialog, presses Start and waits for "Monitoring <topic>"; throws with the dialog's error when refused. */
  async startMonitor(options: MonitorOptions, timeout = 20_000): Promise<void> {
    await this.fillMonitorForm(options);
    const error = await this.submitMonitor(timeout);
    if (error !== null) throw new Error(`monitor:start refused: ${error}`);
    await this.waitForMonitoring(options.topic, timeout);
  }

  async waitForMonitoring(topic: string, timeout = 20_000): Promise<void> {
    await expect(this.monitoredTopic).toHaveText(topic, { timeout });
  }

  /** Presses "Stop monitoring" and waits until the toolbar no longer says "Monitoring". */
  async stopMonitor(timeout = 20_000): Promise<void> {
    await this.stopMonitorButton.click();
    await expect(this.monitorStatus).toBeHidden({ timeout });
  }
}
