// Saving never lies: a change is reported saved only once it is on disk, a failed save reaches whoever asked, and
// closing never drops changes it could not save unless told to. Failures come from a file system that fails on
// purpose (a full disk, a folder that refuses new files, a failed rename) and from real files (read-only, symlinked,
// FIFOs, locked by another program, damaged).
import { execFileSync } from 'node:child_process';
import { chmod, lstat, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { lockPathFor } from '../../../electron/storage/catalog-lock';
import { faultyFileSystem, noFaults } from '../storage/fixtures/faulty-fs';
import { department, testSession, uploaded, type TestSession } from './session-helpers';

const sessions: TestSession[] = [];
afterEach(async () => {
  for (const each of sessions.splice(0).reverse()) await each.dispose();
});

async function open(options: Parameters<typeof testSession>[0] = {}): Promise<TestSession> {
  const t = await testSession(options);
  sessions.push(t);
  return t;
}

async function boxLabelsOnDisk(path: string): Promise<string[]> {
  const catalog = await CatalogFile.open(path, { readOnly: true });
  try {
    return catalog.db.column<string>('SELECT label FROM box ORDER BY id');
  } finally {
    await catalog.close();
  }
}

describe('a save that fails is never reported as saved', () => {
  it.each([
    ['the disk fills up in the middle of the write', { bytesLeft: 5_000 }, /the disk is full/],
    ['the rename over the catalog fails', { renameError: 'EIO' }, /the disk reported an error/],
    ['the folder refuses new files', { createError: 'EACCES' }, /permission denied/],
  ])('%s: save answers an error, close refuses, and nothing reported saved is missing', async (_name, fault, reason) => {
    const faults = noFaults();
    const t = await open({ fileSystem: faultyFileSystem(faults) });
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    await t.call('boxes.create', { label: 'saved box' });
    await t.call('catalog.save', {});
    const before = await readFile(info.path);

    Object.assign(faults, fault);
    await t.call('boxes.create', { label: 'unsaved box' });
    const failed = await t.fail('catalog.save', {});
    expect(failed.code).toBe('save-failed');
    expect(failed.message).toMatch(reason);
    expect(failed.message).toMatch(/Nothing was changed on disk/);
    const status = await t.call('app.status', {});
    expect(status.save.dirty).toBe(true);
    expect(status.save.error?.message).toMatch(reason);

    const refused = await t.fail('catalog.close', {});
    expect(refused.code).toBe('unsaved-changes');
    expect(refused.message).toMatch(/^The latest changes to this catalog could not be saved \((the disk is full|the disk reported an error|permission denied)\)\. They are still open here/);
    expect((await t.call('app.status', {})).catalog?.fileName).toBe('Permits');
    expect(await readFile(info.path)).toEqual(before);
    expect(await boxLabelsOnDisk(info.path)).toEqual(['saved box']);

    // The disk is freed: the same session saves, the failure clears, and everything is on disk.
    Object.assign(faults, noFaults());
    await t.call('catalog.save', {});
    expect((await t.call('app.status', {})).save).toMatchObject({ dirty: false, error: null });
    expect(await boxLabelsOnDisk(info.path)).toEqual(['saved box', 'unsaved box']);
  });

  it('drops unsaved changes only when told to discard them', async () => {
    const faults = noFaults();
    const t = await open({ fileSystem: faultyFileSystem(faults) });
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    faults.bytesLeft = 0;
    await t.call('boxes.create', { label: 'cannot be saved' });
    await expect(t.session.close()).rejects.toMatchObject({ code: 'unsaved-changes' });
    expect((await t.call('app.status', {})).catalog).not.toBeNull();
    expect(await t.call('catalog.close', { discard: true })).toEqual({ closed: true });
    expect(await boxLabelsOnDisk(info.path)).toEqual([]);
  });

  it('autosave keeps the failure on show and tries again until it works', async () => {
    const faults = noFaults();
    const t = await open({ fileSystem: faultyFileSystem(faults), autosaveDelayMs: 5 });
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    faults.bytesLeft = 0;
    await t.call('boxes.create', { label: 'autosaved later' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await t.call('app.status', {})).save.error?.message).toMatch(/the disk is full/);
    Object.assign(faults, noFaults());
    await t.call('catalog.save', {});
    expect((await t.call('app.status', {})).save.error).toBeNull();
    expect(await boxLabelsOnDisk(info.path)).toEqual(['autosaved later']);
  });
});

describe('one writer at a time', () => {
  it('a second program is told who has the catalog open, and may look read-only', async () => {
    const first = await open({ program: 'the web shell' });
    const info = await first.call('catalog.create', { fileName: 'Permits', department });
    await first.call('boxes.create', { label: 'Box 1' });
    await first.call('catalog.save', {});

    const second = await open({ dir: first.dir, program: 'the command line' });
    const locked = await second.fail('catalog.open', { path: info.path });
    expect(locked.code).toBe('catalog-locked');
    expect(locked.message).toContain('the web shell');
    expect(locked.message).toContain(hostname());
    expect(locked.message).toMatch(/open it read-only/);

    const viewing = await second.call('catalog.open', { path: info.path, readOnly: true });
    expect(viewing.readOnly).toBe('it was opened read-only');
    expect((await second.call('boxes.list', {})).rows.map((box) => box.label)).toEqual(['Box 1']);
    const refused = await second.fail('boxes.create', { label: 'Box 2' });
    expect(refused.code).toBe('catalog-read-only');
    expect((await second.fail('catalog.save', {})).code).toBe('catalog-read-only');

    // Once the first closes, the lock is free.
    await first.call('catalog.close', {});
    await second.call('catalog.close', {});
    expect((await second.call('catalog.open', { path: info.path })).readOnly).toBeNull();
  });

  it('takes over a lock left by a process that is gone, and says so', async () => {
    const t = await open();
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    await t.call('catalog.close', {});
    // The lock a killed program leaves behind: its process no longer exists on this machine.
    const deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    const stale = { app: 'Transmittal', id: 'stale', pid: deadPid, host: hostname(), user: 'clerk', program: 'the command line', since: '2026-01-02T03:04:05Z' };
    await writeFile(lockPathFor(info.path), JSON.stringify(stale));
    const reopened = await t.call('catalog.open', { path: info.path });
    expect(reopened.readOnly).toBeNull();
    expect(reopened.notice).toMatch(/the command line of clerk .* stopped without closing this catalog/);
    expect(JSON.parse(await readFile(lockPathFor(info.path), 'utf8')).pid).toBe(process.pid);
    await t.call('catalog.close', {});
    await expect(stat(lockPathFor(info.path))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a lock on another computer whose heartbeat stopped long ago is stale too', async () => {
    const t = await open();
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    await t.call('catalog.close', {});
    const path = lockPathFor(info.path);
    await writeFile(path, JSON.stringify({ app: 'Transmittal', id: 'x', pid: 1, host: 'far-away-pc', user: 'ana', program: 'the desktop app', since: '2026-01-01T00:00:00Z' }));
    const fresh = await open({ dir: t.dir });
    expect((await fresh.fail('catalog.open', { path: info.path })).message).toContain('far-away-pc');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    const { utimes } = await import('node:fs/promises');
    await utimes(path, longAgo, longAgo);
    expect((await fresh.call('catalog.open', { path: info.path })).notice).toContain('far-away-pc');
  });
});

describe('the file is what it says', () => {
  it('opens a file marked read-only as read-only and leaves it byte for byte', async () => {
    const t = await open();
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    await t.call('catalog.close', {});
    await chmod(info.path, 0o444);
    const before = await readFile(info.path);
    const opened = await t.call('catalog.open', { path: info.path });
    expect(opened.readOnly).toBe('the file is marked read-only');
    expect((await t.fail('boxes.create', { label: 'x' })).code).toBe('catalog-read-only');
    await t.call('catalog.close', {});
    expect(await readFile(info.path)).toEqual(before);
    expect((await stat(info.path)).mode & 0o777).toBe(0o444);
  });

  it('saves a symlinked catalog through to its target and keeps the link', async () => {
    const t = await open();
    const info = await t.call('catalog.create', { fileName: 'Real', department });
    await t.call('catalog.close', {});
    const link = join(t.dir, 'Shortcut.transmittal');
    await symlink(info.path, link);
    await t.call('catalog.open', { path: link });
    await t.call('boxes.create', { label: 'through the link' });
    await t.call('catalog.save', {});
    await t.call('catalog.close', {});
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(info.path);
    expect(await boxLabelsOnDisk(info.path)).toEqual(['through the link']);
  });

  it('refuses a FIFO at once instead of waiting on it', async () => {
    const t = await open();
    const fifo = join(t.dir, 'pipe.transmittal');
    execFileSync('mkfifo', [fifo]);
    const error = await t.fail('catalog.open', { path: fifo });
    expect(error.code).toBe('catalog-corrupt');
    expect(error.message).toMatch(/named pipe/);
  });

  it('calls a damaged catalog damaged and opens a copy of its newest backup', async () => {
    const t = await open();
    const info = await t.call('catalog.create', { fileName: 'Permits', department });
    await t.call('boxes.create', { label: 'only on the damaged file' });
    // The newest backup was taken when the new catalog was first saved (a save backs up the file it replaces).
    await t.call('catalog.save', {});
    await t.call('catalog.close', {});
    const bytes = await readFile(info.path);
    // Random bytes over the schema page, after the header.
    for (let at = 100; at < 4096; at += 1) bytes[at] = (at * 7919) & 0xff;
    await writeFile(info.path, bytes);

    const damaged = await t.fail('catalog.open', { path: info.path });
    expect(damaged.code).toBe('catalog-corrupt');
    expect(damaged.message).toMatch(/damaged/);
    expect(damaged.message).not.toMatch(/Something went wrong/);
    expect(damaged.details?.backupPath).toEqual(expect.stringContaining('Permits.transmittal backups'));

    const restored = await t.call('catalog.openBackup', { path: info.path });
    expect(restored.fileName).toMatch(/^Permits \(backup of /);
    expect(restored.readOnly).toBeNull();
    expect((await t.call('boxes.list', {})).rows).toEqual([]);
    await t.call('boxes.create', { label: 'carried on in the copy' });
    await t.call('catalog.save', {});
    // The damaged file is left as it was, for whoever wants to look at it.
    expect(await readFile(info.path)).toEqual(bytes);
  });

  it('an empty spreadsheet is named in words, never by the reference that carries it', async () => {
    const t = await open();
    await t.call('catalog.create', { fileName: 'Permits', department });
    const error = await t.fail('import.open', { file: await uploaded(t, 'boxes.xlsx', '') });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^“boxes\.xlsx” is empty \(0 bytes\)/);
    expect(error.message).not.toMatch(/bytesBase64|base64|upload/i);
  });
});
