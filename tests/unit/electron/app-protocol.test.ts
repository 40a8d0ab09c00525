// The app: scheme serves the renderer folder and nothing else: a table of hostile URLs next to the code they attack.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentTypeOf, resolveAppFile, serveAppFiles } from '../../../electron/main/app-protocol';
import { FileExchange } from '../../../electron/runtime/file-exchange';

const root = resolve('/opt/Transmittal/out/renderer');

describe('resolveAppFile', () => {
  it.each([
    ['the index page', 'app://transmittal/index.html', join(root, 'index.html')],
    ['the root, as the index page', 'app://transmittal/', join(root, 'index.html')],
    ['a hashed asset', 'app://transmittal/assets/index-abc.js', join(root, 'assets/index-abc.js')],
    ['a route and query are not part of the file', 'app://transmittal/index.html?x=1#/boxes', join(root, 'index.html')],
    ['a percent-encoded letter', 'app://transmittal/%69ndex.html', join(root, 'index.html')],
    ['dot segments that stay inside', 'app://transmittal/assets/../index.html', join(root, 'index.html')],
  ])('serves %s', (_name, url, file) => {
    expect(resolveAppFile(url, root)).toBe(file);
  });

  it.each([
    ['a climb out with encoded slashes', 'app://transmittal/..%2F..%2Fmain%2Findex.js'],
    ['an encoded backslash', 'app://transmittal/..%5C..%5Cmain%5Cindex.js'],
    ['a NUL byte', 'app://transmittal/index.html%00.png'],
    ['a malformed escape', 'app://transmittal/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['credentials', 'app://user:pw@transmittal/index.html'],
    ['a port', 'app://transmittal:99/index.html'],
    ['another scheme', 'file:///opt/Transmittal/out/renderer/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('keeps a climb past the root at the root, as URLs do', () => {
    expect(resolveAppFile('app://transmittal/../../main/index.js', root)).toBe(join(root, 'main/index.js'));
  });

  it('names content types so the page runs its scripts and no file is sniffed', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('serveAppFiles', () => {
  it('answers files from the folder and 404 for anything else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'app-protocol-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>ok</title>');
    await writeFile(join(dir, 'secret.txt'), 'not for the page');
    const handle = vi.fn();
    serveAppFiles({ handle } as never, join(dir, 'renderer'));
    const [[scheme, handler]] = handle.mock.calls as [[string, (request: { url: string }) => Promise<Response>]];
    expect(scheme).toBe('app');
    const page = await handler({ url: 'app://transmittal/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>ok</title>');
    expect((await handler({ url: 'app://transmittal/../secret.txt' })).status).toBe(404);
    expect((await handler({ url: 'app://transmittal/missing.js' })).status).toBe(404);
  });

  it('streams a download the session offered, with its name, and 404 for an unknown or spent address', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'app-protocol-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'PW-2026-001.zip'), 'zip bytes');
    const files = new FileExchange({ parentDir: dir });
    const handle = vi.fn();
    let session: FileExchange | null = null;
    serveAppFiles({ handle } as never, join(dir, 'renderer'), undefined, () => session);
    const [[, handler]] = handle.mock.calls as [[string, (request: { url: string }) => Promise<Response>]];
    const offer = await files.offer(join(dir, 'PW-2026-001.zip'), 'Permits — 2019.zip');
    // Before the session exists nothing is served.
    expect((await handler({ url: `app://transmittal${offer.url}` })).status).toBe(404);
    session = files;
    const reply = await handler({ url: `app://transmittal${offer.url}` });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toBe('zip bytes');
    expect(reply.headers.get('content-disposition')).toContain("filename*=UTF-8''Permits%20%E2%80%94%202019.zip");
    expect((await handler({ url: `app://transmittal/download/${'0'.repeat(32)}/x.zip` })).status).toBe(404);
    await rm(dir, { recursive: true, force: true });
  });
});
