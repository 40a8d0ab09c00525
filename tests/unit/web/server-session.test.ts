// The web shell in front of a real session: a browser's calls create and change a catalog on disk.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/bridge';
import type { ApiResponse } from '../../../shared/api/errors';
import { createSession, type Session } from '../../../electron/session/session';
import { startWebShell, type WebShell } from '../../../electron/web/server';

let base: string;
let session: Session;
let shell: WebShell;

async function call(method: string, input: unknown): Promise<{ status: number; answer: ApiResponse<any> }> {
  const response = await fetch(`http://127.0.0.1:${shell.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token },
    body: JSON.stringify(input),
  });
  return { status: response.status, answer: (await response.json()) as ApiResponse<any> };
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'transmittal-web-session-'));
  await mkdir(join(base, 'renderer'));
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html>');
  session = await createSession({ workspaceDir: join(base, 'workspace'), actor: 'web test', appVersion: '9.9.9' });
  shell = await startWebShell({ session, rendererDir: join(base, 'renderer') });
});

afterAll(async () => {
  await shell?.close();
  await session?.close();
  await rm(base, { recursive: true, force: true });
});

it('creates a catalog and a box through HTTP, and saves them on close', async () => {
  const status = await call('app.status', {});
  expect(status.answer).toMatchObject({ ok: true, value: { version: '9.9.9', catalog: null } });

  const created = await call('catalog.create', { fileName: 'Web catalog', department: { name: 'Records Office' } });
  expect(created.answer).toMatchObject({ ok: true, value: { fileName: 'Web catalog', departmentName: 'Records Office' } });
  const box = await call('boxes.create', { label: 'W-1' });
  expect(box.answer).toMatchObject({ ok: true, value: { label: 'W-1' } });

  await session.flush();
  expect(existsSync(join(base, 'workspace', 'Web catalog.transmittal'))).toBe(true);
});

it('answers a domain error as a value naming the field, not as an HTTP failure', async () => {
  const bad = await call('boxes.create', { label: 'W-2', cubicFeet: -1 });
  expect(bad.status).toBe(200);
  expect(bad.answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'cubicFeet' } } });
  expect(bad.answer.ok === false && bad.answer.error.message).toMatch(/^Cubic feet: /);
});

it('refuses an unknown method by name', async () => {
  const unknown = await call('catalog.format', {});
  expect(unknown.answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
});
