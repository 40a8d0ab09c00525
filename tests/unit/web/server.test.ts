// The web shell's guards, attacked directly over HTTP with a fake dispatch: who may call, what may be read.
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/bridge';
import type { ApiResponse } from '../../../shared/api/errors';
import { MAX_BODY_BYTES } from '../../../electron/web/api-route';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { FileExchange } from '../../../electron/runtime/file-exchange';
import { UPLOAD_NAME_HEADER } from '../../../shared/api/file-ref';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let base: string;
let rendererDir: string;
let shell: WebShell;
const calls: { method: string; input: unknown }[] = [];
let files: FileExchange;

async function fakeDispatch(method: string, input: unknown): Promise<ApiResponse<unknown>> {
  calls.push({ method, input });
  if (method === 'boom') throw new Error('handler exploded');
  return { ok: true, value: { echoed: method, input } };
}

/** Raw HTTP so paths such as /../../etc/passwd reach the server exactly as written (fetch would normalize them). */
function send(options: { method?: string; path: string; headers?: OutgoingHttpHeaders; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: shell.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${shell.port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const api = (method: string, body: string, headers: OutgoingHttpHeaders = {}) =>
  send({ method: 'POST', path: `/api/${method}`, body, headers: { [TOKEN_HEADER]: shell.token, 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'transmittal-web-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Transmittal test page</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET outside the root');
  await symlink(join(base, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
  files = new FileExchange({ parentDir: base });
  shell = await startWebShell({ session: { dispatch: fakeDispatch, files }, rendererDir, log: () => {} });
});

afterAll(async () => {
  await shell?.close();
  await rm(base, { recursive: true, force: true });
});

describe('where the web shell listens', () => {
  it('binds to 127.0.0.1 only and prints an address carrying the token', async () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`);
    expect(shell.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startWebShell({ session: { dispatch: fakeDispatch, files }, rendererDir });
    try {
      expect(other.token).not.toBe(shell.token);
      expect(other.port).not.toBe(shell.port);
    } finally {
      await other.close();
    }
  });

  it('listens on the loopback interface only', async () => {
    expect(shell.address).toEqual({ address: '127.0.0.1', family: 'IPv4', port: shell.port });
    // Where this machine has another interface, the port must be closed there.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((each) => each && each.family === 'IPv4' && !each.internal);
    if (!external) return;
    const outcome = await new Promise<string>((resolve) => {
      const socket = createConnection({ host: external.address, port: shell.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });
});

describe('API guards', () => {
  it('runs a call with the right token and answers dispatch’s JSON', async () => {
    calls.length = 0;
    const reply = await api('catalog.open', JSON.stringify({ path: '/tmp/x.transmittal' }));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: 'catalog.open', input: { path: '/tmp/x.transmittal' } } });
    expect(calls).toEqual([{ method: 'catalog.open', input: { path: '/tmp/x.transmittal' } }]);
  });

  it('passes an empty body as an empty object', async () => {
    calls.length = 0;
    const reply = await api('app.status', '');
    expect(reply.status).toBe(200);
    expect(calls).toEqual([{ method: 'app.status', input: {} }]);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { [TOKEN_HEADER]: 'not-the-token' }],
    ['an empty token', { [TOKEN_HEADER]: '' }],
  ])('refuses %s with 401 and never reaches dispatch', async (_name, headers) => {
    calls.length = 0;
    const reply = await send({ method: 'POST', path: '/api/app.status', body: '{}', headers });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses the token with one character changed', async () => {
    const last = shell.token.at(-1) === 'A' ? 'B' : 'A';
    const reply = await api('app.status', '{}', { [TOKEN_HEADER]: shell.token.slice(0, -1) + last });
    expect(reply.status).toBe(401);
  });

  it.each(['evil.example', `evil.example:${0}`, '127.0.0.1', '127.0.0.1:1', 'localhost', '0.0.0.0:PORT', '[::1]:PORT', '127.0.0.1:PORT.evil.example'])(
    'refuses Host %s with 403 even with the token',
    async (host) => {
      calls.length = 0;
      const reply = await api('app.status', '{}', { host: host.replace('PORT', String(shell.port)) });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error.code).toBe('forbidden');
      expect(calls).toEqual([]);
    },
  );

  it('accepts localhost:PORT as Host', async () => {
    const reply = await api('app.status', '{}', { host: `localhost:${shell.port}` });
    expect(reply.status).toBe(200);
  });

  it.each(['https://evil.example', 'http://127.0.0.1:PORT.evil.example', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT', 'null', 'garbage'])(
    'refuses Origin %s with 403 even with the token',
    async (origin) => {
      calls.length = 0;
      const reply = await api('app.status', '{}', { origin: origin.replace('PORT', String(shell.port)) });
      expect(reply.status).toBe(403);
      expect(calls).toEqual([]);
    },
  );

  it('accepts its own origin', async () => {
    expect((await api('app.status', '{}', { origin: `http://127.0.0.1:${shell.port}` })).status).toBe(200);
    expect((await api('app.status', '{}', { origin: `http://localhost:${shell.port}` })).status).toBe(200);
  });

  it.each(['GET', 'PUT', 'DELETE', 'OPTIONS'])('answers %s /api/x with 405', async (method) => {
    const reply = await send({ method, path: '/api/app.status', headers: { [TOKEN_HEADER]: shell.token } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('answers invalid JSON with 400 and a clear message', async () => {
    calls.length = 0;
    const reply = await api('app.status', '{"path": ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
    expect(calls).toEqual([]);
  });

  it('answers a body over the limit (42 MB) with 413 and a clear message', async () => {
    calls.length = 0;
    const reply = await api('folders.paste', 'x'.repeat(MAX_BODY_BYTES + 1));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toContain('16 MB');
    expect(calls).toEqual([]);
  });

  it('stops a chunked body that passes the limit without a Content-Length', async () => {
    const small = await startWebShell({ session: { dispatch: fakeDispatch, files }, rendererDir, maxBodyBytes: 1024 });
    try {
      const reply = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port: small.port,
            method: 'POST',
            path: '/api/app.status',
            headers: { host: `127.0.0.1:${small.port}`, [TOKEN_HEADER]: small.token, 'transfer-encoding': 'chunked' },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        for (let index = 0; index < 8; index += 1) request.write('y'.repeat(512));
        request.end();
      });
      expect(reply).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('answers 500 without leaking the error when dispatch throws', async () => {
    const reply = await api('boom', '{}');
    expect(reply.status).toBe(500);
    expect(reply.body).not.toContain('exploded');
    expect(JSON.parse(reply.body).error.code).toBe('internal');
  });
});

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Transmittal test page');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the page with its token query string', async () => {
    const reply = await send({ path: `/?token=${shell.token}` });
    expect(reply.body).toContain('Transmittal test page');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const reply = await send({ path });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
  });

  it('lists no directory', async () => {
    for (const path of ['/assets', '/assets/']) {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('app.js');
    }
  });

  it.each([
    '/../../etc/passwd',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/assets/leak.txt',
    '/%00index.html',
    '/index.html%00.js',
    '/%E0%A4%A',
    `//${'a'.repeat(10)}/../../secret.txt`,
  ])('never serves anything outside the renderer folder for %s', async (path) => {
    const reply = await send({ path });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('TOP SECRET');
    expect(reply.body).not.toContain('root:');
  });

  it('refuses a foreign Host for pages too', async () => {
    const reply = await send({ path: '/', headers: { host: 'evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('Transmittal test page');
  });

  it('answers POST to a page with 405', async () => {
    expect((await send({ method: 'POST', path: '/index.html' })).status).toBe(405);
  });
});

describe('files by reference', () => {
  const upload = (body: Buffer | string, headers: OutgoingHttpHeaders) =>
    send({ method: 'POST', path: '/api/upload', body, headers: { [TOKEN_HEADER]: shell.token, 'content-type': 'application/octet-stream', ...headers } });

  it('streams an upload to disk and answers its handle, which names the same bytes; no token, no upload', async () => {
    const bytes = Buffer.from('Box,Folder title\nB-1,Permits — 2019\n', 'utf8');
    const reply = await upload(bytes, { [UPLOAD_NAME_HEADER]: encodeURIComponent('Liste des boîtes.csv') });
    expect(reply.status).toBe(200);
    const receipt = JSON.parse(reply.body).value as { upload: string; fileName: string; size: number };
    expect(receipt).toMatchObject({ fileName: 'Liste des boîtes.csv', size: bytes.length });
    const resolved = files.resolve({ upload: receipt.upload });
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(resolved.path.startsWith(base)).toBe(true);

    const noToken = await send({ method: 'POST', path: '/api/upload', body: bytes, headers: { [UPLOAD_NAME_HEADER]: 'x.csv' } });
    expect(noToken.status).toBe(401);
    expect((await upload(bytes, {})).status).toBe(400);
  });

  it('keeps only a plain name from a hostile one', async () => {
    const reply = await upload('a', { [UPLOAD_NAME_HEADER]: encodeURIComponent('../../etc/passwd') });
    const receipt = JSON.parse(reply.body).value as { upload: string; fileName: string };
    expect(receipt.fileName).toBe('passwd');
    expect(files.resolve({ upload: receipt.upload }).path.startsWith(base)).toBe(true);
  });

  it('refuses an upload past the limit and keeps nothing of it', async () => {
    const small = new FileExchange({ parentDir: base });
    await expect(small.receive([Buffer.alloc(600), Buffer.alloc(600)], 'big.zip', 1000)).rejects.toThrow(/larger than/);
    const folders = (await readdir(base)).filter((name) => name.startsWith('transmittal-uploads-'));
    for (const folder of folders) {
      const left = await readdir(join(base, folder));
      expect(left.every((name) => files.resolve({ upload: name }))).toBe(true);
    }
    await small.dispose();
  });

  it('serves an offered download by its address only, with its name, and nothing at a guessed address', async () => {
    const path = join(base, 'PW-2026-001.zip');
    await writeFile(path, Buffer.from('PK\u0003\u0004 zip bytes'));
    const offer = await files.offer(path);
    const reply = await send({ path: offer.url });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('PK\u0003\u0004 zip bytes');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="PW-2026-001.zip"; filename*=UTF-8''PW-2026-001.zip`);
    expect(reply.headers['content-length']).toBe(String(offer.size));
    expect((await send({ path: `/download/${'a'.repeat(32)}/PW-2026-001.zip` })).status).toBe(404);
    expect((await send({ path: '/download/../secret.txt' })).body).not.toContain('TOP SECRET');
  });
});
