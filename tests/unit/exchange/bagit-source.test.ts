// Payload files streamed from disk into a bag: the copy is checked against the size and checksum recorded when the
// file was added, and a file changed, removed or swapped for a FIFO since then is refused, leaving no bag behind.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBag } from '../../../electron/exchange/bagit/verify-bag';
import { bagFileSize, writeBag, type BagSource } from '../../../electron/exchange/bagit/write-bag';
import { COPY_CHUNK_BYTES } from '../../../electron/exchange/bagit/copy-file';
import { hex, tempFolder } from './fixtures/bag-fixtures';

const NOW = new Date(2026, 2, 15, 10, 30);
const manifestJson = { path: 'manifest.json', bytes: new TextEncoder().encode('{"boxes":[]}\n') };

/** A file on disk as the catalog records it when it is added: its path, size and SHA-256. */
async function recordedFile(path: string, bytes: Uint8Array): Promise<BagSource> {
  const source = join(await tempFolder('transmittal-source-'), path.split('/').at(-1)!);
  await writeFile(source, bytes);
  return { path, source, size: bytes.length, sha256: hex('sha256', bytes) };
}

describe('writeBag with files from disk', () => {
  it('streams a file larger than one chunk into the bag, with the checksum computed while copying', async () => {
    const bytes = randomBytes(3 * COPY_CHUNK_BYTES + 123);
    const scan = await recordedFile('records/scan.pdf', bytes);
    const dir = join(await tempFolder(), 'PW-2026-003');
    const result = await writeBag(dir, { payload: [manifestJson, scan], bagInfo: [], now: NOW });

    expect(bagFileSize(scan)).toBe(bytes.length);
    expect(result.payloadOxum).toBe(`${bytes.length + manifestJson.bytes.length}.2`);
    expect(Buffer.compare(await readFile(join(dir, 'data/records/scan.pdf')), bytes)).toBe(0);
    expect(await readFile(join(dir, 'manifest-sha256.txt'), 'utf8')).toContain(`${hex('sha256', bytes)}  data/records/scan.pdf\n`);
    const report = await verifyBag(dir);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('refuses a file whose bytes changed after it was recorded (same size), and leaves no bag or temp folder', async () => {
    const scan = await recordedFile('records/x.pdf', randomBytes(2 * COPY_CHUNK_BYTES));
    const changed = Buffer.from(await readFile(scan.source));
    changed[COPY_CHUNK_BYTES + 7] ^= 0x01;
    await writeFile(scan.source, changed);
    const parent = await tempFolder();
    const attempt = writeBag(join(parent, 'bag'), { payload: [manifestJson, scan], bagInfo: [] });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input', details: { file: 'records/x.pdf' } });
    await expect(attempt).rejects.toThrow(
      'records/x.pdf changed after it was added to the transfer (its checksum is no longer the one recorded): add it again.',
    );
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a file whose size changed, naming both sizes', async () => {
    const scan = await recordedFile('records/x.pdf', randomBytes(1000));
    await writeFile(scan.source, randomBytes(1001));
    const parent = await tempFolder();
    await expect(writeBag(join(parent, 'bag'), { payload: [scan], bagInfo: [] })).rejects.toThrow(/records\/x.pdf changed .*now 1001 bytes, not the 1000 recorded/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a file that is no longer there', async () => {
    const scan = await recordedFile('records/gone.pdf', randomBytes(10));
    await rm(scan.source);
    const parent = await tempFolder();
    const attempt = writeBag(join(parent, 'bag'), { payload: [manifestJson, scan], bagInfo: [] });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input', details: { file: 'records/gone.pdf' } });
    await expect(attempt).rejects.toThrow(/records\/gone.pdf cannot be read from .*it is no longer there/);
    expect(await readdir(parent)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe (FIFO) without waiting for a writer', async () => {
    const fifo = join(await tempFolder('transmittal-source-'), 'pipe.pdf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const parent = await tempFolder();
    const attempt = writeBag(join(parent, 'bag'), { payload: [{ path: 'records/pipe.pdf', source: fifo, size: 0, sha256: hex('sha256', '') }], bagInfo: [] });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input', details: { file: 'records/pipe.pdf' } });
    await expect(attempt).rejects.toThrow(/named pipe/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a source without a full path or a recorded checksum before writing anything', async () => {
    const parent = await tempFolder();
    const base = { path: 'records/a.pdf', size: 1, sha256: '0'.repeat(64) };
    await expect(writeBag(join(parent, 'bag'), { payload: [{ ...base, source: 'relative/a.pdf' }], bagInfo: [] })).rejects.toThrow(/not a full path/);
    await expect(writeBag(join(parent, 'bag'), { payload: [{ ...base, source: resolve('a.pdf'), sha256: '' }], bagInfo: [] })).rejects.toThrow(/no recorded size and SHA-256/);
    await expect(writeBag(join(parent, 'bag'), { payload: [{ ...base, source: resolve('a.pdf'), size: -1 }], bagInfo: [] })).rejects.toThrow(/no recorded size/);
    expect(await readdir(parent)).toEqual([]);
  });
});

// bagit-python (the Library of Congress's implementation, kept in ../shared/peers) must agree the bag is valid.
const PEERS = resolve(__dirname, '../../../../shared/peers/bagit-python');
const pythonEnv = { ...process.env, PYTHONPATH: PEERS };
const bagitPython = spawnSync('/usr/bin/python3', ['-c', 'import bagit'], { encoding: 'utf8', env: pythonEnv });
const bagitPythonMissing =
  process.env.CI !== 'true' && (bagitPython.error || bagitPython.status !== 0) ? `bagit-python is not at ${PEERS}, or /usr/bin/python3 is missing` : '';

describe('a bag with files from disk, checked by bagit-python', () => {
  it.skipIf(bagitPythonMissing !== '')(`validates with "bagit-cli --validate"${bagitPythonMissing ? ` (skipped: ${bagitPythonMissing})` : ''}`, async () => {
    const scan = await recordedFile('records/scan.pdf', randomBytes(COPY_CHUNK_BYTES + 5));
    const dir = join(await tempFolder(), 'PW-2026-003');
    await writeBag(dir, { payload: [manifestJson, scan], bagInfo: [['Source-Organization', 'Public Works']], now: NOW });
    const run = spawnSync('/bin/sh', [join(PEERS, 'bagit-cli'), '--validate', dir], { encoding: 'utf8', env: pythonEnv });
    expect(run.stderr).toMatch(/is valid/);
    expect(run.status).toBe(0);
  });
});
