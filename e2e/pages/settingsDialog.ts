/** Page object for Settings → Kafka: profiles, the profile editor, "Test connection" and the bus choice. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsDialog {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly profileList: Locator;
  readonly addProfile: Locator;
  readonly editor: Locator;
  readonly name: Locator;
  readonly brokers: Locator;
  readonly tls: Locator;
  readonly sasl: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly testButton: Locator;
  readonly saveButton: Locator;
  readonly testStatus: Locator;
  readonly testResult: Locator;
  readonly secretStorage: Locator;
  readonly closeButton: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('settings-button');
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
    this.profileList = this.dialog.getByRole('list', { name: 'Kafka profiles' });
    this.addProfile = this.dialog.getByRole('button', { name: 'Add profile' });
    this.editor = this.dialog.getByTestId('profile-editor');
    this.name = this.editor.getByLabel('Name');
    this.brokers = this.editor.getByLabel('Bootstrap brokers');
    this.tls = this.editor.getByRole('checkbox', { name: 'TLS', exact: true });
    this.sasl = this.editor.getByRole('checkbox', { name: 'SASL authentication' });
    this.username = this.editor.getByLabel('User name');
    this.password = this.editor.getByTestId('sasl-password');
    this.testButton = this.editor.getByRole('button', { name: 'Test connection' });
    this.saveButton = this.editor.getByRole('button', { name: 'Save profile' });
    this.testResult = this.editor.getByTestId('connection-test');
    this.testStatus = this.editor.getByTestId('connection-test-status');
    this.secretStorage = this.dialog.getByTestId('secret-storage');
    this.closeButton = this.dialog.getByRole('button', { name: 'Close' });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Fills a new profile's form (not saved). */
  async newProfile(name: string, brokers: string[]): Promise<void> {
    await this.addProfile.click();
    await this.name.fill(name);
    await this.brokers.fill(brokers.join(', '));
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.editor.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  }

  /** Runs "Test connection" and waits for an answer (not "Testing…"). */
  async testConnection(): Promise<void> {
    await this.testButton.click();
    await expect(this.testResult).not.toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  }

  /** Bus section: switches the pipeline to Kafka on a saved profile and topic, and waits for the engine to accept. */
  async useKafkaBus(options: { profileName: string; topic: string; startFrom?: 'earliest' | 'latest'; rowsPerMessage?: number }): Promise<void> {
    const bus = this.dialog.getByTestId('bus-section');
    await bus.getByRole('radio', { name: 'Kafka' }).check();
    await bus.getByLabel('Profile', { exact: true }).selectOption({ label: options.profileName });
    await bus.getByLabel('Topic', { exact: true }).fill(options.topic);
    await bus.getByLabel('Start from', { exact: true }).selectOption(options.startFrom ?? 'latest');
    await bus.getByLabel('Rows per message', { exact: true }).selectOption(String(options.rowsPerMessage ?? 1));
    await bus.getByRole('button', { name: 'Use this bus' }).click();
    await expect(bus.getByTestId('bus-message')).toBeVisible();
    await expect(bus.getByTestId('bus-message')).toHaveAttribute('role', 'status');
  }

  async close(): Promise<void> {
    await this.closeButton.click();
    await expect(this.dialog).toBeHidden();
  }

  /** A TLS file of the editor: its file input (for setInputFiles), what it shows, its problem message. */
  tlsFile(which: 'ca' | 'cert' | 'key'): { input: Locator; summary: Locator; problem: Locator; remove: Locator } {
    const field = this.editor.getByTestId(`tls-${which}`);
    return {
      input: field.locator('input[type=file]'),
      summary: field.getByTestId(`tls-${which}-summary`),
      problem: field.getByRole('alert'),
      remove: field.getByRole('button', { name: /^Remove/ }),
    };
  }

  profile(name: string): Locator {
    return this.profileList.getByRole('button', { name: new RegExp(`^${name}`) });
  }
}
