// A real session on a temporary workspace, with a helper that unwraps responses the way the UI does.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod, ApiResult } from '../../../shared/api/contract';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { createSession, type Session } from '../../../electron/session/session';
import type { FileSystem } from '../../../electron/storage/regular-file';

export interface TestSession {
  session: Session;
  dir: string;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  fail<M extends ApiMethod>(method: M, input: unknown): Promise<AppErrorShape>;
  dispose(): Promise<void>;
}

export async function testSession(
  options: { autosaveDelayMs?: number; sampleBoxes?: number; fileSystem?: FileSystem; dir?: string; program?: string } = {},
): Promise<TestSession> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'transmittal-session-')));
  const session = await createSession({
    fileSystem: options.fileSystem,
    program: options.program,
    workspaceDir: dir,
    actor: 'tester',
    appVersion: '0.0.0-test',
    autosaveDelayMs: options.autosaveDelayMs ?? 60_000,
    sampleBoxes: options.sampleBoxes,
  });
  return {
    session,
    dir,
    async call(method, input) {
      const response = await session.dispatch(method, input);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.code}: ${response.error.message}`);
      return response.value as never;
    },
    async fail(method, input) {
      const response = await session.dispatch(method, input);
      if (response.ok) throw new Error(`${method} was expected to fail but answered ${JSON.stringify(response.value)}`);
      return response.error;
    },
    async dispose() {
      // A test that made saving fail leaves unsaved changes: drop them rather than fail the clean-up.
      await session.close().catch(() => session.close({ discard: true }));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const department = { name: 'Public Works', fiscalYearStartMonth: 7 };

/** Waits for a background job to end, yielding to the event loop between looks (the job's work needs it). */
export async function waitForJob(t: TestSession, jobId: string): Promise<import('../../../shared/api/contract').JobStatus> {
  for (;;) {
    const job = await t.call('jobs.get', { id: jobId });
    if (job.state !== 'running') return job;
    await new Promise((wait) => setTimeout(wait, 10));
  }
}

/** A file handed to the session the way the browser hands one: uploaded, then named by its handle. */
export async function uploaded(t: TestSession, fileName: string, content: Uint8Array | string): Promise<{ upload: string }> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const receipt = await t.session.files.receive([bytes], fileName);
  return { upload: receipt.upload };
}
