/**
 * Settings → Kafka in a real browser against the real engine: a profile pointed at librdkafka's mock
 * cluster (real Kafka protocol, 3 brokers on 127.0.0.1) tests "connected"; one pointed at a closed
 * port tests "unreachable"; a saved password never comes back to the page.
 */
import { closedPort } from '../electron/engine/kafka/testing/closedPort';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kcatAvailable, startMockCluster, type MockCluster } from '../electron/engine/kafka/testing/kcatMockCluster';
import { expect, test } from './fixtures';
import { SettingsDialog } from './pages/settingsDialog';

const PASSWORD = 'e2e-Secret-Pa55word!';


test.describe('Settings → Kafka', () => {
  test.describe('with the mock cluster', () => {
    let cluster: MockCluster | null = null;
    test.beforeAll(async () => {
      if (kcatAvailable()) cluster = await startMockCluster({ brokers: 3 });
    });
    test.afterAll(async () => {
      await cluster?.stop();
    });

    test('a profile with the mock cluster\'s brokers tests connected with 3 brokers', async ({ app }) => {
      test.skip(cluster === null, 'kcat is not installed (apt-get install kcat): no mock Kafka cluster to test against');
      const settings = new SettingsDialog(app.page);
      await settings.open();
      await settings.newProfile('Mock cluster', cluster!.brokers);
      await settings.testConnection(); // before saving: the dialog tests what the form holds
      await expect(settings.testResult).toHaveAttribute('data-status', 'connected');
      await expect(settings.testStatus).toHaveText('Connected');
      await expect(settings.testResult).toContainText('3 brokers');
      await settings.save();
      await expect(settings.profile('Mock cluster')).toBeVisible();
      await settings.testConnection(); // and again once saved
      await expect(settings.testResult).toHaveAttribute('data-status', 'connected');
    });
  });

  test('a profile pointing at a closed port tests unreachable', async ({ app }) => {
    const port = await closedPort();
    const settings = new SettingsDialog(app.page);
    await settings.open();
    await settings.newProfile('Nowhere', [`127.0.0.1:${port}`]);
    await settings.testConnection();
    await expect(settings.testResult).toHaveAttribute('data-status', 'unreachable');
    await expect(settings.testStatus).toHaveText('Unreachable');
    await expect(settings.testResult).toContainText(`127.0.0.1:${port}`);
  });

  test('a saved password never comes back to the page or into the profiles file', async ({ app, webApp }) => {
    const settings = new SettingsDialog(app.page);
    await settings.open();
    await expect(settings.secretStorage).toContainText('stored in a file readable only by you (no OS keychain in the browser version)');
    await settings.newProfile('Secured', ['127.0.0.1:9']);
    await settings.sasl.check();
    await settings.username.fill('app');
    await settings.password.fill(PASSWORD);
    await settings.save();
    await expect(settings.password).toHaveValue('');
    await expect(settings.password).toHaveAttribute('placeholder', /stored/);
    expect(await app.page.content()).not.toContain(PASSWORD);

    // Reopened from the list after a reload: still only "stored".
    await app.page.reload();
    await settings.open();
    await settings.profile('Secured').click();
    await expect(settings.password).toHaveAttribute('placeholder', /stored/);
    await expect(settings.password).toHaveValue('');
    expect(await app.page.content()).not.toContain(PASSWORD);
    expect(await readFile(join(webApp.dataDir, 'kafka-profiles.json'), 'utf8')).not.toContain(PASSWORD);
  });
});
