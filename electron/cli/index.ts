// Entry point of the `transmittal` command (bin/transmittal.js loads this through tsx).
import { runCli } from './program';

// `transmittal list ... | head` closes stdout early. Stop writing then, but let the command finish and save.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const exitCode = await runCli(process.argv.slice(2), {
  output: {
    stdout: (text) => void (stdoutClosed || process.stdout.write(text)),
    stderr: (text) => void process.stderr.write(text),
  },
  // Loaded on first use: --help and usage errors answer at once, without starting the database engine.
  openSession: async (options) => (await import('../session/session')).createSession({ ...options, rememberRecent: false }),
});
process.exitCode = exitCode;
// The session is closed and saved by now. Should a stray timer still hold the event loop, leave anyway: an unref'd
// timer only fires while something else keeps the process alive, so a clean exit is never delayed by it.
setTimeout(() => process.exit(exitCode), 2000).unref();
