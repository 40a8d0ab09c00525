// The web shell as a user runs it (`npm run start:web`), in its own process: Ctrl+C saves before stopping, and when
// the catalog cannot be saved it keeps running and says why instead of dropping the changes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/bridge';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { assertRendererBuilt } from '../support/web-app';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

interface Running {
  output: () => string;
  call: (method: string, input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>;
  exited: Promise<number | null>;
}

async function startShell(workspace: string): Promise<Running> {
  assertRendererBuilt();
  child = spawn(process.execPath, ['--import', 'tsx', resolve('electron/web/start.ts'), '--workspace', workspace, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
  const url = await new Promise<URL>((done, fail) => {
    const timer = setInterval(() => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(text);
      if (match) {
        clearInterval(timer);
        done(new URL(match[1]));
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`the web shell stopped (${code}): ${text}`));
    });
  });
  const token = url.searchParams.get('token') ?? '';
  return {
    output: () => text,
    exited,
    call: async (method, input) =>
      (await (
        await fetch(`${url.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, origin: url.origin },
          body: JSON.stringify(input),
        })
      ).json()) as { ok: boolean; error?: { message: string } },
  };
}

const waitFor = async (check: () => boolean, what: string) => {
  for (let tries = 0; tries < 200; tries += 1) {
    if (check()) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('stopping the web shell', () => {
  it('saves on Ctrl+C and stops', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'transmittal-stop-'));
    const shell = await startShell(workspace);
    expect((await shell.call('catalog.create', { fileName: 'Desk', department: { name: 'Clerk' } })).ok).toBe(true);
    expect((await shell.call('boxes.create', { label: 'Saved on stop' })).ok).toBe(true);
    child!.kill('SIGINT');
    expect(await shell.exited).toBe(0);
    expect(shell.output()).toContain('Saved. Transmittal has stopped.');
    const saved = await CatalogFile.open(join(workspace, 'Desk.transmittal'), { readOnly: true });
    expect(saved.db.column<string>('SELECT label FROM box')).toEqual(['Saved on stop']);
    await saved.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('keeps running when the catalog cannot be saved, and stops without saving only on a second Ctrl+C', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'transmittal-stop-'));
    const shell = await startShell(workspace);
    expect((await shell.call('catalog.create', { fileName: 'Desk', department: { name: 'Clerk' } })).ok).toBe(true);
    // The catalog's folder disappears (a USB stick pulled out, a share gone): nothing can be saved now.
    await rm(workspace, { recursive: true, force: true });
    expect((await shell.call('boxes.create', { label: 'Cannot be saved' })).ok).toBe(true);
    child!.kill('SIGINT');
    await waitFor(() => shell.output().includes('still running'), 'the web shell to say it is still running');
    expect(shell.output()).not.toContain('Saved. Transmittal has stopped.');
    expect(child!.exitCode).toBeNull();
    // The app still answers, with the change still there.
    const status = (await shell.call('app.status', {})) as { ok: boolean; value?: { save: { dirty: boolean } } };
    expect(status.value?.save.dirty).toBe(true);
    child!.kill('SIGINT');
    expect(await shell.exited).toBe(0);
    expect(shell.output()).toContain('the unsaved changes were dropped');
  });
});
