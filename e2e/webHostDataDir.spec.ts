/**
 * The web host remembers what the user set up across restarts: its data lives in the user's data
 * folder (the desktop app's), or in `--data-dir`. Each host here is a real `npm run web` process;
 * the "user's folder" ones get a temporary HOME and XDG_CONFIG_HOME, so no test touches the real one.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TrafficMonitorPage } from './pages/trafficMonitorPage';
import { startWebHost, stopWebHost } from './webHostProcess';

let scratch = '';
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tm-e2e-datadir-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Opens the sample in a host started with `args`, gives the column Total the role category. */
async function rememberRole(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  const app = new TrafficMonitorPage(page);
  await app.openSample();
  await expect(app.columnRole('Total')).toHaveText('measure');
  await page.getByRole('button', { name: 'Edit roles…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Column roles' });
  await dialog.getByRole('combobox', { name: 'Role of Total' }).selectOption('category');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.columnRole('Total')).toHaveText('category');
}

async function expectRoleRemembered(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  const app = new TrafficMonitorPage(page);
  await app.openSample();
  await expect(app.columnRole('Total')).toHaveText('category');
  await expect(page.getByText('roles remembered for these columns')).toBeVisible();
}

/** Runs a host with `dataDir`/`env`, lets `use` drive it in the page, and stops it cleanly. */
async function withHost(dataDir: string | null, env: NodeJS.ProcessEnv | undefined, use: (launchUrl: string) => Promise<void>): Promise<void> {
  const host = await startWebHost(dataDir, [], env);
  try {
    await use(host.launchUrl);
  } finally {
    expect((await stopWebHost(host)).code, host.output()).toBe(0);
  }
}

/** The environment of a user whose home is under the test's scratch folder. */
function userEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: join(scratch, 'home'), ...extra };
  if (!('XDG_CONFIG_HOME' in extra)) delete env.XDG_CONFIG_HOME;
  if (!('TRAFFIC_MONITOR_DATA_DIR' in extra)) delete env.TRAFFIC_MONITOR_DATA_DIR;
  return env;
}

test('remembered roles survive a restart of the host with the same --data-dir', async ({ page }) => {
  const dataDir = join(scratch, 'data');
  await withHost(dataDir, undefined, (url) => rememberRole(page, url));
  await withHost(dataDir, undefined, (url) => expectRoleRemembered(page, url));
});

test('without --data-dir the host keeps its data in the user folder under XDG_CONFIG_HOME and remembers across restarts', async ({ page }) => {
  const env = userEnv({ XDG_CONFIG_HOME: join(scratch, 'xdg') });
  await withHost(null, env, (url) => rememberRole(page, url));
  const userData = join(scratch, 'xdg', 'Traffic Monitor');
  expect(readdirSync(userData).length, 'files in the user data folder').toBeGreaterThan(0);
  // XDG_CONFIG_HOME wins over ~/.config, as in Electron.
  expect(existsSync(join(scratch, 'home', '.config'))).toBe(false);
  await withHost(null, env, (url) => expectRoleRemembered(page, url));
});

test('the user folder is ~/.config/Traffic Monitor without XDG_CONFIG_HOME, and TRAFFIC_MONITOR_DATA_DIR overrides it', async ({ page }) => {
  await withHost(null, userEnv({}), (url) => rememberRole(page, url));
  expect(readdirSync(join(scratch, 'home', '.config', 'Traffic Monitor')).length).toBeGreaterThan(0);

  const chosen = join(scratch, 'chosen');
  await withHost(null, userEnv({ TRAFFIC_MONITOR_DATA_DIR: chosen }), (url) => rememberRole(page, url));
  expect(readdirSync(chosen).length).toBeGreaterThan(0);
});
