// `npm start`: the desktop app. Electron 45 fetches its runtime on first use rather than at npm install, so when the
// binary is missing it is downloaded first with the electron package's own installer. Only when that cannot be done
// (ELECTRON_SKIP_BINARY_DOWNLOAD is set, the download fails) does the same app start in the browser through the web
// shell, saying why. Signals go to the child and its exit code becomes ours.
import { spawn } from 'node:child_process';
import { ensureElectronBinary, findElectronPackage, progressText } from './electron-binary.js';

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

/** One line rewritten in place on a terminal; elsewhere (a log) a line at each tenth of the download. */
let progressLineOpen = false;
let lastTenth = -1;
function showProgress(progress) {
  // A checksum list from a mirror is a few bytes: its progress says nothing.
  if (progress.total !== null && progress.total < 1_000_000) return;
  const text = progressText(progress);
  if (process.stdout.isTTY) {
    process.stdout.write(`\r${text}\x1b[K${progress.done ? '\n' : ''}`);
    progressLineOpen = !progress.done;
    return;
  }
  const tenth = progress.total ? Math.floor((progress.transferred / progress.total) * 10) : Math.floor(progress.transferred / 10_000_000);
  if (tenth !== lastTenth || progress.done) console.log(text);
  lastTenth = tenth;
}

function say(text) {
  if (progressLineOpen) process.stdout.write('\n');
  progressLineOpen = false;
  console.log(text);
}

const electron = await ensureElectronBinary({
  electronPackage: findElectronPackage(),
  say,
  onProgress: showProgress,
  onSpawn: (installer) => {
    child = installer;
  },
});
if (electron.stoppedBy) exitLike({ code: null, signal: electron.stoppedBy });
else if (electron.binary) {
  // Every build runs the type-check first (npm run build), then Electron starts the built app (package.json main).
  const build = await run(...npmCommand(['run', 'build']));
  if (build.signal || build.code !== 0) exitLike(build);
  else {
    const env = { ...process.env };
    // Set by some tools; it would make Electron behave as plain Node and never open a window.
    delete env.ELECTRON_RUN_AS_NODE;
    exitLike(await run(electron.binary, ['.'], { env }));
  }
} else {
  say(
    `\nThe desktop app cannot open: the Electron runtime is not installed, and ${electron.reason}.\n` +
      `To get the desktop app: ${electron.remedy}.\n` +
      'Starting the same app in your browser instead (the web shell); it prints the address to open below.\n',
  );
  exitLike(await run(...npmCommand(['run', 'start:web'])));
}
