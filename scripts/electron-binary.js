// The Electron runtime that `npm start` opens and the Electron end-to-end tests drive. Since Electron 45 the electron
// package no longer downloads its binary at npm install: it is fetched on first use. This module finds the binary,
// fetches it with the package's own installer when it is missing, and otherwise says truthfully why it is missing
// and what to do. The tests use it only to find the binary and the reason: they never start a download.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';

const PROBE = new URL('./electron-install-probe.js', import.meta.url);

/** The installed electron package (its folder and version), or null when it is not installed. */
export function findElectronPackage(from = import.meta.url) {
  try {
    const packageFile = createRequire(from).resolve('electron/package.json');
    return { dir: dirname(packageFile), version: JSON.parse(readFileSync(packageFile, 'utf8')).version };
  } catch {
    return null;
  }
}

/**
 * The Electron executable, or null. Found the way the package's index.js finds it, but without requiring that module:
 * when the binary is missing, requiring it starts a download (it runs install.js) with no word on why it failed.
 */
export function findElectronBinary(electronPackage, env = process.env) {
  if (!electronPackage) return null;
  const pathFile = join(electronPackage.dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(overridden) ? overridden : null;
  }
  if (!executable) return null;
  const binary = join(electronPackage.dir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

/** Any non-empty value skips the download, as Electron's own installer read the variable before version 45. */
export function skipsDownload(env) {
  return Boolean(env.ELECTRON_SKIP_BINARY_DOWNLOAD);
}

/** The command that fetches the binary alone: the electron package's installer, exactly as npm start runs it. */
export function installCommand(electronPackage, cwd = process.cwd()) {
  return `node ${relative(cwd, join(electronPackage.dir, 'install.js'))}`;
}

/** Where the last failed download is remembered, so a test skipped later can say why the binary is missing. */
function failureRecordPath(electronPackage) {
  return join(electronPackage.dir, '..', '.cache', 'transmittal', 'electron-download.json');
}

function readFailureRecord(electronPackage) {
  try {
    const record = JSON.parse(readFileSync(failureRecordPath(electronPackage), 'utf8'));
    return record.version === electronPackage.version ? record : null;
  } catch {
    return null;
  }
}

function writeFailureRecord(electronPackage, record) {
  try {
    mkdirSync(dirname(failureRecordPath(electronPackage)), { recursive: true });
    writeFileSync(failureRecordPath(electronPackage), `${JSON.stringify({ version: electronPackage.version, ...record }, null, 2)}\n`);
  } catch {
    // A read-only node_modules: the failure is still reported now, only not remembered.
  }
}

/** Why no download may be tried at all, with what to do; null when nothing stands in the way of one. */
function reasonNotToDownload(electronPackage, env, cwd) {
  if (!electronPackage) {
    return { reason: 'the electron package is not in node_modules', remedy: 'run npm install (with the dev dependencies), then npm start' };
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return {
      reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${env.ELECTRON_OVERRIDE_DIST_PATH}, where there is no Electron executable`,
      remedy: 'point it at a folder holding Electron, or unset it so that npm start can download Electron',
    };
  }
  if (skipsDownload(env)) {
    return {
      reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded',
      remedy: `unset ELECTRON_SKIP_BINARY_DOWNLOAD and run npm start again, or fetch it alone with ${installCommand(electronPackage, cwd)}`,
    };
  }
  return null;
}

/** Why the binary is missing, without trying to fetch it: for the tests, which must not download. */
export function missingBinaryReason(electronPackage, env = process.env, cwd = process.cwd()) {
  const blocked = reasonNotToDownload(electronPackage, env, cwd);
  if (blocked) return blocked;
  const failure = readFailureRecord(electronPackage);
  if (failure) return { reason: `the last attempt to download it (${failure.at}) failed: ${failure.detail}`, remedy: failure.remedy };
  const major = electronPackage.version.split('.')[0];
  return {
    reason: `Electron ${major} downloads it on first use, not at npm install, and it has not been downloaded here yet`,
    remedy: `run npm start, or fetch it alone with ${installCommand(electronPackage, cwd)}`,
  };
}

/** "Downloading electron-v45.4.1-linux-x64.zip: 31.0 of 110.5 MB (28%)". */
export function progressText({ file, transferred, total }) {
  const megabytes = (bytes) => (bytes / 1_000_000).toFixed(1);
  if (!total) return `Downloading ${file}: ${megabytes(transferred)} MB`;
  return `Downloading ${file}: ${megabytes(transferred)} of ${megabytes(total)} MB (${Math.floor((transferred / total) * 100)}%)`;
}

/** Runs the installer with the probe loaded; resolves with how it ended and every event the probe reported. */
function runInstaller(installScript, { env, output, onProgress, onSpawn }) {
  return new Promise((resolve) => {
    const events = [];
    const installer = spawn(process.execPath, ['--import', PROBE.href, installScript], {
      stdio: ['ignore', output, output, 'pipe'],
      // The probe reports progress from the first byte; the installer's own bar would only draw over it.
      env: { ...env, ELECTRON_GET_NO_PROGRESS: '1', TRANSMITTAL_INSTALL_REPORT_FD: '3' },
    });
    onSpawn(installer);
    let pending = '';
    installer.stdio[3].setEncoding('utf8');
    installer.stdio[3].on('data', (text) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        let event;
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        events.push(event);
        if (event.event === 'progress') {
          onProgress({ file: basename(new URL(event.url).pathname), transferred: event.transferred, total: event.total, done: Boolean(event.done) });
        }
      }
    });
    installer.on('error', (error) => resolve({ code: null, signal: null, events, spawnError: error.message }));
    installer.on('close', (code, signal) => resolve({ code, signal, events }));
  });
}

/** What went wrong, in the installer's own words plus what it leaves out (the address and the host). */
function describeFailure(run, electronPackage, cwd) {
  const command = installCommand(electronPackage, cwd);
  const retry = `run npm start again, or fetch it alone with ${command}`;
  if (run.spawnError) return { detail: `the installer could not be run (${run.spawnError})`, remedy: retry };
  const failed = run.events.filter((event) => event.event === 'failed').at(-1);
  if (failed) {
    const host = new URL(failed.url).host;
    if (failed.status) {
      return { detail: `${host} answered ${failed.message} for ${failed.url}`, remedy: `check ELECTRON_MIRROR and the version, then ${retry}` };
    }
    return {
      detail: `the installer could not reach ${host} to download ${failed.url} (${failed.message})`,
      remedy: `with network access to ${host} or a mirror set in ELECTRON_MIRROR, ${retry}`,
    };
  }
  const error = run.events.filter((event) => event.event === 'error').at(-1);
  if (error) return { detail: `the installer stopped with "${error.message}"`, remedy: retry };
  if (run.code === 0) {
    return { detail: `the installer finished but left no Electron executable in ${join(electronPackage.dir, 'dist')}`, remedy: `delete node_modules/electron, run npm install, then ${retry}` };
  }
  return { detail: `the installer exited with code ${run.code}`, remedy: `run ${command} to see its full output` };
}

/**
 * The Electron executable, downloaded first when it is missing and nothing forbids it. Resolves with { binary } or,
 * when there is none, with { binary: null, reason, remedy } (and stoppedBy when a signal stopped the installer).
 * say() receives the lines for a person; onProgress() the download's progress; onSpawn() the installer's process.
 */
export async function ensureElectronBinary({
  electronPackage,
  env = process.env,
  cwd = process.cwd(),
  installerOutput = 'inherit',
  say = () => {},
  onProgress = () => {},
  onSpawn = () => {},
}) {
  const present = findElectronBinary(electronPackage, env);
  if (present) return { binary: present };
  const blocked = reasonNotToDownload(electronPackage, env, cwd);
  if (blocked) return { binary: null, ...blocked };

  const { version } = electronPackage;
  say(
    `The Electron ${version} runtime has not been downloaded yet (since Electron 45 it is fetched on first use, ` +
      `not at npm install). Downloading it now with the electron package's own installer: ${installCommand(electronPackage, cwd)}`,
  );
  const run = await runInstaller(join(electronPackage.dir, 'install.js'), { env, output: installerOutput, onProgress, onSpawn });
  if (run.signal) {
    return { binary: null, reason: `its download was stopped (${run.signal})`, remedy: 'run npm start again', stoppedBy: run.signal };
  }
  const binary = findElectronBinary(electronPackage, env);
  if (binary) {
    rmSync(failureRecordPath(electronPackage), { force: true });
    say(`Electron ${version} is installed: ${relative(cwd, binary)}`);
    return { binary };
  }
  const failure = describeFailure(run, electronPackage, cwd);
  writeFailureRecord(electronPackage, { at: new Date().toISOString(), ...failure });
  return { binary: null, reason: `downloading it failed: ${failure.detail}`, remedy: failure.remedy };
}
