// One writer per catalog: a lock file beside the catalog, created with O_EXCL (atomic on local disks and on SMB/NFS
// shares), naming who holds it. The holder touches it every HEARTBEAT_MS; a lock whose process is gone (same
// machine) or whose heartbeat stopped (any machine) is stale, explained, and taken over. A crash never leaves a
// catalog stuck, and a takeover that raced another is caught because every save re-reads the lock first.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { hasErrorCode } from './file-system';
import { currentActor } from '../runtime/actor';
import { nodeFileSystem, readRegularFile, type FileSystem } from './regular-file';

/** Who holds a catalog: written into the lock file as JSON. */
export interface LockHolder {
  app: 'Transmittal';
  id: string;
  pid: number;
  host: string;
  user: string;
  /** "the desktop app", "the web shell", "the command line". */
  program: string;
  since: string;
}

export interface LockOptions {
  program?: string;
  fs?: FileSystem;
  clock?: () => Date;
  /** For tests: whether a process id is alive on this machine. */
  isAlive?: (pid: number) => boolean;
  heartbeatMs?: number;
  staleAfterMs?: number;
}

export const HEARTBEAT_MS = 20_000;
/** Several missed heartbeats: the holder's machine is off, asleep, or disconnected from the share. */
export const STALE_AFTER_MS = 120_000;
// A lock file this young with unreadable content is another program writing it right now.
const BEING_WRITTEN_MS = 10_000;

export function lockPathFor(catalogPath: string): string {
  return join(dirname(catalogPath), `.${basename(catalogPath)}.lock`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return hasErrorCode(error, 'EPERM');
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (value?.app !== 'Transmittal' || typeof value.id !== 'string' || typeof value.pid !== 'number') return null;
    return {
      app: 'Transmittal',
      id: value.id,
      pid: value.pid,
      host: String(value.host ?? ''),
      user: String(value.user ?? ''),
      program: String(value.program ?? 'Transmittal'),
      since: String(value.since ?? ''),
    };
  } catch {
    return null;
  }
}

/** "the web shell of maria on records-pc (since 2026-12-07 09:12 UTC)" */
export function describeHolder(holder: LockHolder): string {
  const since = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(holder.since) ? ` since ${holder.since.slice(0, 10)} ${holder.since.slice(11, 16)} UTC` : '';
  return `${holder.program} of ${holder.user || 'someone'} on ${holder.host || 'another computer'}${since}`;
}

type Reading = { kind: 'none' } | { kind: 'held'; holder: LockHolder; ageMs: number } | { kind: 'unreadable'; ageMs: number };

export class CatalogLock {
  private heartbeat: NodeJS.Timeout | null = null;
  private released = false;

  private constructor(
    readonly path: string,
    readonly holder: LockHolder,
    private readonly fs: FileSystem,
    /** The stale lock this one replaced, so the user can be told why the catalog was not closed properly. */
    readonly replaced: LockHolder | null,
  ) {}

  /** Takes the lock of `catalogPath`, or throws `catalog-locked` naming who has the catalog open. */
  static async acquire(catalogPath: string, options: LockOptions = {}): Promise<CatalogLock> {
    const fs = options.fs ?? nodeFileSystem;
    const clock = options.clock ?? (() => new Date());
    const isAlive = options.isAlive ?? processIsAlive;
    const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
    const path = lockPathFor(catalogPath);
    const holder: LockHolder = {
      app: 'Transmittal',
      id: randomBytes(12).toString('hex'),
      pid: process.pid,
      host: hostname(),
      user: currentActor(),
      program: options.program ?? 'Transmittal',
      since: clock().toISOString(),
    };
    let replaced: LockHolder | null = null;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (await createLockFile(fs, path, holder)) {
        const lock = new CatalogLock(path, holder, fs, replaced);
        lock.startHeartbeat(options.heartbeatMs ?? HEARTBEAT_MS);
        return lock;
      }
      const reading = await readLock(fs, path, clock);
      if (reading.kind === 'none') continue;
      if (reading.kind === 'unreadable') {
        if (reading.ageMs < BEING_WRITTEN_MS) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
      } else {
        const { holder: other, ageMs } = reading;
        const deadHere = other.host === holder.host && other.pid !== process.pid && !isAlive(other.pid);
        if (!deadHere && ageMs < staleAfterMs) {
          throw new AppError(
            'catalog-locked',
            `“${basename(catalogPath)}” is open in ${describeHolder(other)}. Only one program can change a catalog at a ` +
              'time: close it there first, or open it read-only to look without changing it.',
            { file: catalogPath, holder: other, lockFile: path },
          );
        }
        replaced = other;
      }
      await removeIfUnchanged(fs, path, reading);
    }
    throw new AppError('catalog-locked', `Could not take the lock on “${basename(catalogPath)}”: other programs keep taking it. Try again.`, {
      file: catalogPath,
      lockFile: path,
    });
  }

  /** Still ours? Throws `catalog-conflict` when another program took the catalog over (after judging us gone). */
  async verify(): Promise<void> {
    if (this.released) throw new AppError('catalog-conflict', 'This catalog was closed: its changes can no longer be saved.');
    let text: string;
    try {
      text = (await readRegularFile(this.path, { fs: this.fs, maxBytes: 64 * 1024 })).toString('utf8');
    } catch (error) {
      if (!hasErrorCode(error, 'ENOENT')) throw error;
      // Someone deleted the lock file: take it again, unless another program got there first.
      if (await createLockFile(this.fs, this.path, this.holder)) return;
      text = (await readRegularFile(this.path, { fs: this.fs, maxBytes: 64 * 1024 })).toString('utf8');
    }
    const current = parseHolder(text);
    if (current?.id === this.holder.id) return;
    throw new AppError(
      'catalog-conflict',
      `Another program took this catalog over while it was open here${current ? ` (${describeHolder(current)})` : ''}. ` +
        'Nothing was written. Your changes are still here: save them under a new name, or reload the file (losing them).',
      current ? { holder: current } : undefined,
    );
  }

  /** Removes the lock file if it is still ours. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    try {
      const current = parseHolder((await readRegularFile(this.path, { fs: this.fs, maxBytes: 64 * 1024 })).toString('utf8'));
      if (current?.id === this.holder.id) await this.fs.unlink(this.path);
    } catch {
      // Already gone, or unreadable: it is not ours to remove then.
    }
  }

  private startHeartbeat(intervalMs: number): void {
    this.heartbeat = setInterval(() => {
      const now = new Date();
      void this.fs.utimes(this.path, now, now).catch(() => undefined);
    }, intervalMs);
    // The heartbeat never keeps a finished CLI command alive.
    this.heartbeat.unref();
  }
}

async function createLockFile(fs: FileSystem, path: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(path, 'wx', 0o644);
  } catch (error) {
    if (hasErrorCode(error, 'EEXIST')) return false;
    throw error;
  }
  let written = false;
  try {
    await handle.writeFile(`${JSON.stringify(holder, null, 2)}\n`, 'utf8');
    await handle.sync();
    written = true;
  } finally {
    await handle.close();
    if (!written) await fs.unlink(path).catch(() => undefined);
  }
  return true;
}

async function readLock(fs: FileSystem, path: string, clock: () => Date): Promise<Reading> {
  try {
    const stats = await fs.stat(path);
    const ageMs = Math.max(0, clock().getTime() - stats.mtimeMs);
    const text = (await readRegularFile(path, { fs, maxBytes: 64 * 1024 })).toString('utf8');
    const holder = parseHolder(text);
    return holder ? { kind: 'held', holder, ageMs } : { kind: 'unreadable', ageMs };
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return { kind: 'none' };
    if (hasErrorCode(error, 'ENOTREG', 'EFBIG')) return { kind: 'unreadable', ageMs: Number.POSITIVE_INFINITY };
    throw error;
  }
}

/** Removes a stale lock only if it still is the one judged stale (another program may have replaced it since). */
async function removeIfUnchanged(fs: FileSystem, path: string, judged: Reading): Promise<void> {
  const now = await readLock(fs, path, () => new Date());
  if (now.kind === 'none') return;
  const same = judged.kind === 'held' ? now.kind === 'held' && now.holder.id === judged.holder.id : now.kind === 'unreadable';
  if (!same) return;
  try {
    const stats = await fs.lstat(path);
    // A FIFO or folder squatting on the lock's name is not ours to delete: refuse instead.
    if (!stats.isFile()) throw new AppError('catalog-locked', `${path} is not a lock file Transmittal wrote; remove it by hand.`, { lockFile: path });
    await fs.unlink(path);
  } catch (error) {
    if (!hasErrorCode(error, 'ENOENT')) throw error;
  }
}
