import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GECKO_ID } from '../../../lib/manifest';
import { Marionette } from './marionette';

export type FirefoxBuild = 'firefox-mv2' | 'firefox-mv3';

export const buildDir = (build: FirefoxBuild) =>
  resolve(import.meta.dirname, '../../../.output', build);

/** Fixed, so that the extension's pages have addresses known before it is installed. */
export const EXTENSION_UUID = '4f6f1c3e-6b1e-4d0e-9a53-1c1a9e2f7c11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** How long Firefox lets an idle event page live (30 s by default): short, so that it stops. */
export const IDLE_TIMEOUT_MS = 1_000;

/** The system's Firefox: a missing browser is an error to fix, never a reason to skip. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

export interface LaunchOptions {
  build: FirefoxBuild;
  /** An HTTP proxy on 127.0.0.1 that answers for the job sites (see proxy.ts). */
  proxyPort: number;
  /** The build's folder, when not `.output/<build>` (the reliability suite's private copy). */
  extensionDir?: string;
  /** How long an idle event page lives; IDLE_TIMEOUT_MS unless a test stops it itself. */
  idleTimeoutMs?: number;
}

export interface RunningFirefox {
  marionette: Marionette;
  close(): Promise<void>;
}

const prefs = (
  proxyPort: number,
  idleTimeoutMs: number,
): Record<string, string | number | boolean> => ({
  'marionette.port': 0,
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  'extensions.background.idle.timeout': idleTimeoutMs,
  // Job sites go through the local proxy, which serves them under their real names; the local
  // CareerTrack (127.0.0.1) is reached directly, as Firefox never proxies loopback by default.
  'network.proxy.type': 1,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': proxyPort,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': proxyPort,
  // Nothing reaches for a network the machine does not have.
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'security.OCSP.enabled': 0,
});

export async function launchFirefox(options: LaunchOptions): Promise<RunningFirefox> {
  const binary = firefoxPath();
  const extensionDir = options.extensionDir ?? buildDir(options.build);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run zip\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'clipper-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs(options.proxyPort, options.idleTimeoutMs ?? IDLE_TIMEOUT_MS))
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  const child = spawn(
    binary,
    [
      '--headless',
      '--marionette',
      '-remote-allow-system-access',
      '--no-remote',
      '--profile',
      profile,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const stop = async () => {
    await stopProcess(child);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await activePort(profile, child, () => stderr);
    const marionette = await Marionette.connect(port);
    // Marionette takes the capabilities themselves, not WebDriver's alwaysMatch wrapper.
    await marionette.send('WebDriver:NewSession', { acceptInsecureCerts: true });
    return {
      marionette,
      async close() {
        await marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {});
        marionette.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Firefox writes the port it picked to the profile once Marionette listens. */
async function activePort(profile: string, child: ChildProcess, stderr: () => string) {
  const file = join(profile, 'MarionetteActivePort');
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`Firefox exited at start:\n${stderr()}`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').trim());
      if (port > 0) return port;
    }
    await sleep(100);
  }
  throw new Error(`Firefox did not open Marionette within 60 s:\n${stderr()}`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
