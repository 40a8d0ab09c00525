// One run of the real app for a test: a session on a fresh temporary workspace behind the real web shell, serving
// the built renderer. Nothing is faked; the catalog a test makes is a real file the test can read back.
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiInput, ApiMethod, ApiResult, JobStatus } from '../../../shared/api/contract';
import { createSession, SAMPLE_CATALOG_NAME, type Session } from '../../../electron/session/session';
import { catalogPathFor } from '../../../electron/session/workspace';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import type { FileSystem } from '../../../electron/storage/regular-file';

export const RENDERER_DIR = resolve('out/renderer');
export const APP_VERSION = '0.0.0-e2e';

export interface WebAppOptions {
  /** Boxes in the sample catalog the app builds (the app's default is 40). */
  sampleBoxes?: number;
  /** A sample catalog file to copy into the workspace, so opening the sample reuses it instead of building it. */
  sampleFile?: string;
  /** Short, so "Saved" shows soon after an edit. */
  autosaveDelayMs?: number;
  /** A file system that fails on purpose (a full disk), for the tests of failed saves. */
  fileSystem?: FileSystem;
}

export interface WebApp {
  /** The address to open, with this run's token. */
  url: string;
  /** The same address without the token. */
  origin: string;
  workspaceDir: string;
  session: Session;
  shell: WebShell;
  /** Calls the API in-process, throwing the app's own message when it refuses. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  /** Opens the sample catalog in the session (as the welcome screen's button does) and waits for it. */
  openSample(): Promise<void>;
  close(): Promise<void>;
}

export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run "npm run build:renderer" before the end-to-end tests.`);
  }
}

export function samplePathIn(workspaceDir: string): string {
  return catalogPathFor(workspaceDir, SAMPLE_CATALOG_NAME);
}

export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  assertRendererBuilt();
  const base = await mkdtemp(join(tmpdir(), 'transmittal-e2e-'));
  const workspaceDir = join(base, 'workspace');
  const serverErrors: unknown[] = [];
  const session = await createSession({
    workspaceDir,
    actor: 'e2e tester',
    appVersion: APP_VERSION,
    autosaveDelayMs: options.autosaveDelayMs ?? 200,
    sampleBoxes: options.sampleBoxes,
    rememberRecent: true,
    fileSystem: options.fileSystem,
    retrySaveAfterMs: 500,
    onError: (error) => serverErrors.push(error),
  });
  if (options.sampleFile) await copyFile(options.sampleFile, samplePathIn(workspaceDir));
  const shell = await startWebShell({ session, rendererDir: RENDERER_DIR, log: (message) => serverErrors.push(message) });

  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> => {
    const answer = await session.dispatch(method, input);
    if (!answer.ok) throw new Error(`${method} refused: ${answer.error.message}`);
    return answer.value as ApiResult<M>;
  };

  return {
    url: shell.url,
    origin: `http://127.0.0.1:${shell.port}`,
    workspaceDir,
    session,
    shell,
    call,
    async openSample() {
      const { jobId } = await call('catalog.openSample', {});
      let job: JobStatus = await call('jobs.get', { id: jobId });
      while (job.state === 'running') {
        await new Promise((settle) => setTimeout(settle, 50));
        job = await call('jobs.get', { id: jobId });
      }
      if (job.state !== 'done') throw new Error(`The sample catalog did not open: ${job.message}`);
    },
    async close() {
      try {
        await shell.close();
        // A test that left changes it could not save (on purpose) drops them here.
        await session.close().catch(() => session.close({ discard: true }));
      } finally {
        await rm(base, { recursive: true, force: true });
      }
      // Failures inside handlers are answered as "internal" to the page; the test must hear about them too.
      if (serverErrors.length > 0) {
        throw new Error(`The app logged errors on the Node side:\n${serverErrors.map((error) => (error instanceof Error ? (error.stack ?? error.message) : String(error))).join('\n')}`);
      }
    },
  };
}

/** Builds the sample catalog once (a template the tests of one file copy), returning its file and a clean-up. */
export async function buildSampleTemplate(sampleBoxes?: number): Promise<{ file: string; remove(): Promise<void> }> {
  const app = await startWebApp({ sampleBoxes });
  await app.openSample();
  await app.session.flush();
  const keepDir = await mkdtemp(join(tmpdir(), 'transmittal-e2e-sample-'));
  const file = join(keepDir, `${SAMPLE_CATALOG_NAME}.transmittal`);
  await copyFile(samplePathIn(app.workspaceDir), file);
  await app.close();
  return { file, remove: () => rm(keepDir, { recursive: true, force: true }) };
}
