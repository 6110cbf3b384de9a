/**
 * Settings → Kafka in a real browser against the real engine: a profile pointed at a real Apache Kafka
 * broker (one KRaft node on 127.0.0.1, started for this file) tests "connected" and names the cluster
 * id the broker's log directory holds; one pointed at a closed
 * port tests "unreachable"; a saved password never comes back to the page.
 */
import { closedPort } from '../electron/engine/kafka/testing/closedPort';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kafkaForTests, kafkaTestsCanRun, WHY_NO_KAFKA, type TestCluster } from '../electron/engine/kafka/testing/localKafkaBroker';
import { expect, test } from './fixtures';
import { SettingsDialog } from './pages/settingsDialog';

const PASSWORD = 'e2e-Secret-Pa55word!';


test.describe('Settings → Kafka', () => {
  test.describe('with a Kafka broker', () => {
    let cluster: TestCluster | null = null;
    test.beforeAll(async () => {
      if (kafkaTestsCanRun()) cluster = await kafkaForTests();
    });
    test.afterAll(async () => {
      await cluster?.stop();
    });

    test('a profile with the broker\'s address tests connected, with its broker count and cluster id', async ({ app }) => {
      test.skip(cluster === null, WHY_NO_KAFKA);
      const settings = new SettingsDialog(app.page);
      await settings.open();
      await settings.newProfile('Local cluster', cluster!.brokers);
      await settings.testConnection(); // before saving: the dialog tests what the form holds
      await expect(settings.testResult).toHaveAttribute('data-status', 'connected');
      await expect(settings.testStatus).toHaveText('Connected');
      if (cluster!.local) {
        await expect(settings.testResult).toContainText('1 broker');
        await expect(settings.testResult).toContainText(`in cluster ${cluster!.local.clusterId()}`);
      }
      await settings.save();
      await expect(settings.profile('Local cluster')).toBeVisible();
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
