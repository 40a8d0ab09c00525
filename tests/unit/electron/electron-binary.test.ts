// What `npm start` does about the Electron runtime: launch it when it is there; download it with the electron package's
// own installer when it is missing; fall back, saying truly why, when that is forbidden or fails. Every installer
// here is a fake electron package in a temporary folder, or the real installer fed from a server on 127.0.0.1:
// nothing is downloaded from the internet.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureElectronBinary,
  findElectronPackage,
  missingBinaryReason,
  progressText,
  skipsDownload,
  type DownloadProgress,
  type ElectronPackage,
} from '../../../scripts/electron-binary.js';

const VERSION = '45.4.1';
const roots: string[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** The environment without any Electron or npm electron setting of the machine running the tests (a mirror, a skip). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/electron/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/** node_modules/electron in a temporary folder, with the given install.js (CommonJS, as the real one). */
function fakeElectronPackage(installScript: string): ElectronPackage {
  const root = mkdtempSync(join(tmpdir(), 'transmittal-electron-binary-'));
  roots.push(root);
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
  writeFileSync(join(dir, 'install.js'), installScript);
  return { dir, version: VERSION };
}

function placeBinary(electronPackage: ElectronPackage): string {
  mkdirSync(join(electronPackage.dir, 'dist'));
  writeFileSync(join(electronPackage.dir, 'dist', 'electron'), 'binary');
  writeFileSync(join(electronPackage.dir, 'path.txt'), 'electron');
  return join(electronPackage.dir, 'dist', 'electron');
}

/** An installer that only leaves a mark that it ran. */
const MARKING_INSTALLER = "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'installer-ran'), '');\n";
const installerRan = (electronPackage: ElectronPackage) => existsSync(join(electronPackage.dir, 'installer-ran'));

/** Fails the way install.js fails: it fetches, and on any error prints the stack and exits 1. */
function fetchingInstaller(url: string): string {
  return `
const fs = require('node:fs');
const path = require('node:path');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
(async () => {
  const response = await fetch(${JSON.stringify(url)});
  if (!response.ok) throw new Error('Response code ' + response.status + ' for ' + response.url);
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  await pipeline(Readable.fromWeb(response.body), fs.createWriteStream(path.join(__dirname, 'dist', 'electron')));
  fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
})().catch((error) => {
  console.error(error.stack);
  process.exit(1);
});
`;
}

async function serve(routes: Record<string, { status?: number; body: Uint8Array | string }>): Promise<string> {
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (!route) {
      response.writeHead(404, 'Not Found').end();
      return;
    }
    const body = typeof route.body === 'string' ? Buffer.from(route.body) : Buffer.from(route.body);
    response.writeHead(route.status ?? 200, { 'content-length': body.length }).end(body);
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An address where nothing listens: a port just freed. */
async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return `http://127.0.0.1:${port}`;
}

async function ensure(electronPackage: ElectronPackage | null, env: NodeJS.ProcessEnv, progress: DownloadProgress[] = [], said: string[] = []) {
  return ensureElectronBinary({
    electronPackage,
    env,
    installerOutput: 'ignore',
    say: (text) => said.push(text),
    onProgress: (each) => progress.push(each),
  });
}

describe('the Electron binary for npm start', () => {
  it('is launched as it is when present, without running the installer', async () => {
    const electronPackage = fakeElectronPackage(MARKING_INSTALLER);
    const binary = placeBinary(electronPackage);
    expect(await ensure(electronPackage, cleanEnv())).toEqual({ binary });
    expect(installerRan(electronPackage)).toBe(false);
  });

  it('is not downloaded when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and the variable is given as the reason', async () => {
    const electronPackage = fakeElectronPackage(MARKING_INSTALLER);
    const result = await ensure(electronPackage, cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));
    expect(result.binary).toBeNull();
    expect(result).toMatchObject({ reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded' });
    expect(installerRan(electronPackage)).toBe(false);
    expect(missingBinaryReason(electronPackage, cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).reason).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD is set/);
  });

  it('reads an empty ELECTRON_SKIP_BINARY_DOWNLOAD as not set, as Electron did', () => {
    expect(skipsDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '' })).toBe(false);
    expect(skipsDownload({})).toBe(false);
    expect(skipsDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true);
  });

  it('is not downloaded when ELECTRON_OVERRIDE_DIST_PATH names a folder without it, and says so', async () => {
    const electronPackage = fakeElectronPackage(MARKING_INSTALLER);
    const empty = join(electronPackage.dir, 'elsewhere');
    const result = await ensure(electronPackage, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty }));
    expect(result).toMatchObject({ binary: null, reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${empty}, where there is no Electron executable` });
    expect(installerRan(electronPackage)).toBe(false);
  });

  it('says the electron package itself is missing when it is', async () => {
    expect(await ensure(null, cleanEnv())).toMatchObject({ binary: null, reason: 'the electron package is not in node_modules' });
  });

  it('is downloaded by the package installer when missing, with its progress, and then launched', async () => {
    const payload = new Uint8Array(300_000).fill(7);
    const origin = await serve({ '/v45.4.1/electron-v45.4.1-linux-x64.zip': { body: payload } });
    const electronPackage = fakeElectronPackage(fetchingInstaller(`${origin}/v45.4.1/electron-v45.4.1-linux-x64.zip`));
    const progress: DownloadProgress[] = [];
    const said: string[] = [];
    const result = await ensure(electronPackage, cleanEnv(), progress, said);
    expect(result).toEqual({ binary: join(electronPackage.dir, 'dist', 'electron') });
    expect(readFileSync(join(electronPackage.dir, 'dist', 'electron'))).toHaveLength(300_000);
    expect(progress.at(-1)).toEqual({ file: 'electron-v45.4.1-linux-x64.zip', transferred: 300_000, total: 300_000, done: true });
    expect(said[0]).toMatch(/^The Electron 45\.4\.1 runtime has not been downloaded yet .*own installer: node .*install\.js$/);
    expect(said.at(-1)).toMatch(/^Electron 45\.4\.1 is installed: /);
  });

  it('falls back when the host cannot be reached, naming the host and the address the installer leaves out', async () => {
    const origin = await closedOrigin();
    const url = `${origin}/v45.4.1/electron-v45.4.1-linux-x64.zip`;
    const electronPackage = fakeElectronPackage(fetchingInstaller(url));
    const result = await ensure(electronPackage, cleanEnv());
    const host = new URL(origin).host;
    expect(result.binary).toBeNull();
    expect(result).toMatchObject({
      reason: `downloading it failed: the installer could not reach ${host} to download ${url} (fetch failed: connect ECONNREFUSED ${host})`,
      remedy: expect.stringContaining(`with network access to ${host}`),
    });
  });

  it('remembers a failed download, so a test skipped later gives it as the reason', async () => {
    const origin = await closedOrigin();
    const electronPackage = fakeElectronPackage(fetchingInstaller(`${origin}/electron.zip`));
    expect(missingBinaryReason(electronPackage, cleanEnv()).reason).toMatch(/downloads it on first use, not at npm install, and it has not been downloaded here yet/);
    await ensure(electronPackage, cleanEnv());
    expect(missingBinaryReason(electronPackage, cleanEnv()).reason).toMatch(
      new RegExp(`^the last attempt to download it \\(\\d{4}-.*\\) failed: the installer could not reach ${new URL(origin).host}`),
    );
  });

  it('forgets the failed download once one succeeds', async () => {
    const origin = await serve({ '/electron.zip': { body: 'zip' } });
    const electronPackage = fakeElectronPackage(fetchingInstaller(`${origin}/electron.zip`));
    const record = join(electronPackage.dir, '..', '.cache', 'transmittal', 'electron-download.json');
    mkdirSync(join(record, '..'), { recursive: true });
    writeFileSync(record, JSON.stringify({ version: VERSION, at: 'then', detail: 'it failed', remedy: 'retry' }));
    expect(missingBinaryReason(electronPackage, cleanEnv()).reason).toMatch(/failed: it failed/);
    expect((await ensure(electronPackage, cleanEnv())).binary).not.toBeNull();
    expect(existsSync(record)).toBe(false);
  });

  it('gives the server answer when the host answers with an error', async () => {
    const origin = await serve({});
    const url = `${origin}/v45.4.1/electron-v45.4.1-linux-x64.zip`;
    const electronPackage = fakeElectronPackage(fetchingInstaller(url));
    expect(await ensure(electronPackage, cleanEnv())).toMatchObject({
      binary: null,
      reason: `downloading it failed: ${new URL(origin).host} answered 404 Not Found for ${url}`,
    });
  });

  it("gives the installer's own message when it fails before downloading", async () => {
    const electronPackage = fakeElectronPackage("console.error(new Error('Electron builds are not available on platform: plan9').stack);\nprocess.exit(1);\n");
    expect(await ensure(electronPackage, cleanEnv())).toMatchObject({
      binary: null,
      reason: 'downloading it failed: the installer stopped with "Error: Electron builds are not available on platform: plan9"',
    });
  });

  it('says so when the installer succeeds yet leaves no binary', async () => {
    const electronPackage = fakeElectronPackage('process.exit(0);\n');
    const result = await ensure(electronPackage, cleanEnv());
    expect(result).toMatchObject({ binary: null, reason: `downloading it failed: the installer finished but left no Electron executable in ${join(electronPackage.dir, 'dist')}` });
  });

  it('writes the progress a person reads', () => {
    expect(progressText({ file: 'electron.zip', transferred: 31_000_000, total: 110_500_000 })).toBe('Downloading electron.zip: 31.0 of 110.5 MB (28%)');
    expect(progressText({ file: 'electron.zip', transferred: 5_250_000, total: null })).toBe('Downloading electron.zip: 5.3 MB');
  });
});

describe("the electron package's own installer, fed from a mirror on 127.0.0.1", () => {
  const installed = findElectronPackage();
  const executable = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
  const zipName = `electron-v${installed?.version}-${process.platform}-${process.arch}.zip`;

  /** A copy of node_modules/electron's installer in a temporary folder, so the real package is never touched. */
  function copiedInstaller(): ElectronPackage {
    const electronPackage = fakeElectronPackage('');
    for (const file of ['install.js', 'package.json', 'checksums.json']) copyFileSync(join(installed!.dir, file), join(electronPackage.dir, file));
    return { dir: electronPackage.dir, version: installed!.version };
  }

  function mirrorEnv(mirror: string, electronPackage: ElectronPackage): NodeJS.ProcessEnv {
    return cleanEnv({
      ELECTRON_MIRROR: `${mirror}/`,
      // The mirror's own SHASUMS256.txt, not the package's checksums of the real release.
      electron_use_remote_checksums: '1',
      electron_config_cache: join(electronPackage.dir, '..', 'electron-cache'),
      // The copied install.js finds @electron/get in the project's node_modules.
      NODE_PATH: resolve('node_modules'),
    });
  }

  it.runIf(installed)('downloads and unpacks the runtime, with progress', async () => {
    const zip = zipSync({ [executable]: new Uint8Array(200_000).fill(1), version: new TextEncoder().encode(`v${installed!.version}`) }, { level: 0 });
    const sha256 = createHash('sha256').update(zip).digest('hex');
    const mirror = await serve({
      [`/v${installed!.version}/${zipName}`]: { body: zip },
      [`/v${installed!.version}/SHASUMS256.txt`]: { body: `${sha256} *${zipName}\n` },
    });
    const electronPackage = copiedInstaller();
    const progress: DownloadProgress[] = [];
    const result = await ensure(electronPackage, mirrorEnv(mirror, electronPackage), progress);
    expect(result).toEqual({ binary: join(electronPackage.dir, 'dist', executable) });
    expect(progress.filter((each) => each.file === zipName).at(-1)).toMatchObject({ transferred: zip.length, total: zip.length, done: true });
  });

  it.runIf(installed)('names the host it could not reach, where the installer itself prints only "fetch failed"', async () => {
    const mirror = await closedOrigin();
    const electronPackage = copiedInstaller();
    const result = await ensure(electronPackage, mirrorEnv(mirror, electronPackage));
    expect(result.binary).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringContaining(`the installer could not reach ${new URL(mirror).host} to download ${mirror}/`) });
    expect(result).toMatchObject({ reason: expect.stringContaining('ECONNREFUSED') });
  });
});
