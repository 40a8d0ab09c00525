// `npm start`: the desktop app when the Electron runtime is installed; otherwise the same app in the browser through
// the web shell, so a machine without Electron (a server, CI, an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1)
// still starts something usable. Signals go to the child and its exit code becomes ours.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, or null. Found the way the electron package's index.js finds it, but without requiring
 * that module: when the binary is missing, requiring it starts a download (it spawns its install script).
 */
function findElectronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      const overridden = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
      return existsSync(overridden) ? overridden : null;
    }
    if (!executable) return null;
    const binary = join(packageDir, 'dist', executable);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** npm itself, run by the same Node when npm started us (works on Windows too, where npm is a .cmd file). */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.(c|m)?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args], {}];
  return ['npm', args, { shell: process.platform === 'win32' }];
}

let child = null;
const forwardedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of forwardedSignals) {
  process.on(signal, () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(1);
  });
}

/** Runs one step to its end; resolves with how it ended. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Leaves the way the child left: with its exit code, or killed by the same signal. */
function exitLike({ code, signal }) {
  if (signal) {
    for (const each of forwardedSignals) process.removeAllListeners(each);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
}

const electronBinary = findElectronBinary();
if (electronBinary) {
  // Every build runs the type-check first (npm run build), then Electron starts the built app (package.json main).
  const build = await run(...npmCommand(['run', 'build']));
  if (build.signal || build.code !== 0) exitLike(build);
  else {
    const env = { ...process.env };
    // Set by some tools; it would make Electron behave as plain Node and never open a window.
    delete env.ELECTRON_RUN_AS_NODE;
    exitLike(await run(electronBinary, ['.'], { env }));
  }
} else {
  console.log(
    'The Electron runtime is not installed on this machine (it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 ' +
      'or its download failed). Starting the same app in your browser instead: the web shell. It prints the ' +
      'address to open below. To get the desktop app, reinstall Electron with network access ' +
      '(npx install-electron), then run npm start again.\n',
  );
  exitLike(await run(...npmCommand(['run', 'start:web'])));
}
