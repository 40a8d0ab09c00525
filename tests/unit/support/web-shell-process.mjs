// A web shell in a process of its own, for tests where two real processes share one catalog. Prints its port and
// token as one JSON line; stops (saving, or saying why it cannot) on SIGTERM.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url)) });
const { createSession } = await import('../../../electron/session/session.ts');
const { startWebShell } = await import('../../../electron/web/server.ts');

const [workspaceDir] = process.argv.slice(2);
const rendererDir = await mkdtemp(join(tmpdir(), 'transmittal-renderer-'));
await mkdir(rendererDir, { recursive: true });
await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
const session = await createSession({ workspaceDir, actor: 'web shell', appVersion: '0.0.0-test', program: 'the web shell', autosaveDelayMs: 60_000 });
const shell = await startWebShell({ session, rendererDir });
process.stdout.write(`${JSON.stringify({ port: shell.port, token: shell.token })}\n`);
process.on('SIGTERM', async () => {
  try {
    await session.close();
    await shell.close();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
});
