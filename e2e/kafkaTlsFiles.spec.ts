/**
 * Settings → Kafka → TLS in a real browser against the real web host: TLS files are chosen with the
 * file picker (a throwaway CA, client certificate and key made by openssl), reach the engine as
 * content, and the key never comes back: the list and the editor say "key stored". A file that is
 * not PEM, or a key chosen as a certificate, is refused in the page with a message naming it. A
 * profile an earlier version saved with paths still opens, migrated into content.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeThrowawayPki, opensslAvailable, type ThrowawayPki } from '../electron/engine/kafka/testing/throwawayPki';
import { expect, test } from './fixtures';
import { SettingsDialog } from './pages/settingsDialog';

/** The key's base64 body: what must never reach the page or the profiles file, however formatted. */
const keyBody = (pem: string): string => pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');

test.describe('Settings → Kafka → TLS files', () => {
  let dir: string;
  let pki: ThrowawayPki;
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tm-e2e-pki-'));
    if (opensslAvailable()) pki = makeThrowawayPki(dir);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('chosen CA, certificate and key are saved; the list names the files and says the key is stored', async ({ app, webApp }) => {
    test.skip(!opensslAvailable(), 'openssl is not installed: no throwaway certificates to choose');
    const settings = new SettingsDialog(app.page);
    await settings.open();
    await settings.newProfile('Mutual TLS', ['127.0.0.1:9']);
    await settings.tls.check();
    const [ca, cert, key] = [settings.tlsFile('ca'), settings.tlsFile('cert'), settings.tlsFile('key')];
    await ca.input.setInputFiles(pki.caPath);
    await expect(ca.summary).toContainText('CA certificate: ca.pem, 1 certificate');
    await cert.input.setInputFiles(pki.certPath);
    await expect(cert.summary).toContainText('Client certificate: client.pem, 1 certificate');
    await key.input.setInputFiles(pki.keyPath);
    await expect(key.summary).toContainText('Client key: client.key, private key');
    await settings.save();

    await expect(settings.profile('Mutual TLS')).toContainText('TLS: CA ca.pem · certificate client.pem · key client.key stored');
    await expect(key.summary).toHaveText('Client key: client.key, key stored');
    // Once saved, what the engine read in each certificate: its subject and expiry.
    await expect(ca.summary).toHaveText(/^CA certificate: ca\.pem, 1 certificate, subject CN=Throwaway Test CA, valid until \d{4}-\d\d-\d\d$/);
    await expect(cert.summary).toContainText('subject CN=traffic-monitor-client');
    expect(await app.page.content()).not.toContain(keyBody(pki.key));
    const profilesFile = await readFile(join(webApp.dataDir, 'kafka-profiles.json'), 'utf8');
    expect(profilesFile).not.toContain(keyBody(pki.key));
    expect(profilesFile).toContain(keyBody(pki.ca).slice(0, 60));

    // After a reload the profile still has its files, and the key is still only "stored".
    await app.page.reload();
    await settings.open();
    await settings.profile('Mutual TLS').click();
    await expect(settings.tlsFile('ca').summary).toContainText('ca.pem, 1 certificate');
    await expect(settings.tlsFile('key').summary).toHaveText('Client key: client.key, key stored');
    expect(await app.page.content()).not.toContain(keyBody(pki.key));

    // Removing the certificate but keeping the key is refused by the engine, in plain words.
    await settings.tlsFile('cert').remove.click();
    await settings.saveButton.click();
    await expect(settings.editor.getByRole('alert')).toContainText('A TLS client certificate needs its key and a key needs its certificate');
  });

  test('a file that is not PEM, or a key chosen as the CA, is refused with a message naming it', async ({ app }) => {
    test.skip(!opensslAvailable(), 'openssl is not installed: no throwaway certificates to choose');
    const notPem = join(dir, 'ca.der');
    writeFileSync(notPem, readFileSync(pki.caPath, 'utf8').replace(/-----[A-Z ]+-----/g, ''));
    const settings = new SettingsDialog(app.page);
    await settings.open();
    await settings.newProfile('Refused', ['127.0.0.1:9']);
    await settings.tls.check();
    const ca = settings.tlsFile('ca');
    await ca.input.setInputFiles(notPem);
    await expect(ca.problem).toContainText('ca.der is not a PEM file (no "-----BEGIN" line)');
    await expect(ca.summary).toHaveText("none: the system's trusted CAs");
    await ca.input.setInputFiles(pki.keyPath);
    await expect(ca.problem).toHaveText('client.key holds no certificate (it is a private key: choose it as the client key).');
    await expect(ca.summary).toHaveText("none: the system's trusted CAs");

    // A key that is not the certificate's passes the page (it is a key) but the engine says which file is wrong.
    await settings.tlsFile('cert').input.setInputFiles(pki.certPath);
    await settings.tlsFile('key').input.setInputFiles(pki.otherKeyPath);
    await settings.saveButton.click();
    await expect(settings.editor.getByRole('alert').filter({ hasText: 'does not belong' })).toHaveText(
      'The TLS client key "other.key" does not belong to the client certificate "client.pem".',
    );
    await expect(settings.profileList).toContainText('No profiles yet.');
  });

  test('a profile an earlier version saved with TLS paths opens with its files, and a file gone is named', async ({ app, webApp }) => {
    test.skip(!opensslAvailable(), 'openssl is not installed: no throwaway certificates to choose');
    const gone = join(dir, 'moved-away.pem');
    const old = (id: string, name: string, tls: object): object => ({
      id,
      name,
      brokers: ['127.0.0.1:9'],
      clientId: 'traffic-monitor',
      tls: { enabled: true, rejectUnauthorized: true, ...tls },
      sasl: null,
    });
    // Written before the page first asks for profiles, as the earlier version left it.
    writeFileSync(
      join(webApp.dataDir, 'kafka-profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: [old('a', 'Old mutual', { caPath: pki.caPath, certPath: pki.certPath, keyPath: pki.keyPath }), old('b', 'Old lost', { caPath: gone, certPath: null, keyPath: null })],
      }),
    );
    const settings = new SettingsDialog(app.page);
    await settings.open();
    await expect(settings.profile('Old mutual')).toContainText('TLS: CA ca.pem · certificate client.pem · key client.key stored');
    await settings.profile('Old lost').click();
    await expect(settings.editor.getByTestId('profile-notice')).toHaveText(
      `The TLS CA certificate file ${gone} saved by an earlier version could not be read (there is no such file); choose it again.`,
    );
    await expect(settings.tlsFile('ca').summary).toHaveText("none: the system's trusted CAs");
    expect(await app.page.content()).not.toContain(keyBody(pki.key));
  });
});
