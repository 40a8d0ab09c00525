// `npm run start:web`: runs Transmittal in the browser on this machine. Prints the address (with this run's key),
// and on Ctrl+C saves the catalog before stopping.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../session/session';
import { appVersion, currentActor } from '../cli/app-identity';
import { startWebShell } from './server';
import { parseStartOptions, START_USAGE, UsageError, type StartOptions } from './start-options';

async function main(): Promise<number> {
  let options: StartOptions | 'help';
  try {
    options = parseStartOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`transmittal: ${error.message}\n\n${START_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(START_USAGE);
    return 0;
  }

  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('Build the app first: npm run build:renderer');
    return 1;
  }

  await mkdir(options.workspaceDir, { recursive: true });
  const session = await createSession({ workspaceDir: options.workspaceDir, actor: currentActor(), appVersion: appVersion(), program: 'the web shell' });

  if (options.openPath) {
    const opened = await session.dispatch('catalog.open', { path: options.openPath });
    if (!opened.ok) {
      console.error(`transmittal: could not open ${options.openPath}: ${opened.error.message}`);
      await session.close();
      return 1;
    }
  }

  const shell = await startWebShell({ session, port: options.port, rendererDir, log: (message) => console.error(message) });
  console.log(`Transmittal is running. Open this address in your browser: ${shell.url}`);
  console.log(`Catalogs are kept in ${options.workspaceDir}`);
  console.log('Press Ctrl+C to stop (your catalog is saved first).');

  let stopping = false;
  // A second Ctrl+C after a failed save within this window stops anyway, dropping the changes that could not be saved.
  let discardUntil = 0;
  const stop = async () => {
    if (stopping) {
      console.log('Still saving your catalog, one moment…');
      return;
    }
    stopping = true;
    const discard = Date.now() < discardUntil;
    console.log(discard ? '\nStopping without saving, as asked…' : '\nSaving your catalog…');
    try {
      await session.close({ discard });
    } catch (error) {
      // Never drop changes silently: keep serving, so the user can free space or use Save as in the browser.
      stopping = false;
      discardUntil = Date.now() + 10_000;
      console.error(`transmittal: ${error instanceof Error ? error.message : String(error)}`);
      console.error('Transmittal is still running, with your changes. Fix the problem and press Ctrl+C again, or save them under a new name in the browser. To stop and lose them, press Ctrl+C again within 10 seconds.');
      return;
    }
    await shell.close();
    console.log(discard ? 'Transmittal has stopped; the unsaved changes were dropped.' : 'Saved. Transmittal has stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`transmittal: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
