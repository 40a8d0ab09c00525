// A catalog on disk: the one place that writes it. Saves are atomic and serialized, refuse to overwrite a file
// another window or program changed, and keep rolling backups next to the catalog.
import { constants } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { Database } from './database';
import {
  compareWithDisk,
  fingerprintOf,
  hasErrorCode,
  readFileWithStats,
  removeStaleTempFiles,
  TargetExistsError,
  writeFileAtomic,
  type FileFingerprint,
  describeFileError,
} from './file-system';

export { describeFileError };
import { corruptCatalogError, isCorruptDatabaseError, migrate } from './migrate';
import { listBackups, takeBackup, type BackupSettings } from './catalog-backups';
import { CatalogLock } from './catalog-lock';
import { kindOf, nodeFileSystem, type FileSystem } from './regular-file';
import { CATALOG_EXTENSION } from '../../shared/domain/words';

export { CATALOG_EXTENSION };

export interface CatalogFileOptions {
  clock?: () => Date;
  /** Rolling backups kept in "<name> backups/"; 0 turns backups off. */
  keepBackups?: number;
  /** A save only takes a new backup when the newest one is older than this. */
  backupIntervalMs?: number;
  /** Open to look only: no lock is taken, nothing can change, nothing is saved. */
  readOnly?: boolean;
  /** Which program holds the lock, as other programs will name it ("the web shell"). */
  program?: string;
  /** Take the one-writer lock (on by default; tests of two writers without it turn it off). */
  lock?: boolean;
  /** The file system to use: node's own, or a fake that fails on purpose. */
  fs?: FileSystem;
}

export interface SaveResult {
  savedAt: string;
  bytes: number;
  /** The backup this save made of the previous file, if it made one. */
  backupPath?: string;
  /** Backups are best-effort: why this one failed, for the UI to show; the save itself succeeded. */
  backupError?: string;
}

const DEFAULT_KEEP_BACKUPS = 10;
const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000;
// A killed save leaves its temp file behind; one this old cannot belong to a save still running (used when the
// catalog is opened without its lock; with the lock, no other program can be saving it, so all are removed).
const STALE_TEMP_AGE_MS = 60 * 1000;

function fileError(error: unknown, path: string, action: string): AppError {
  if (error instanceof AppError) return error;
  if (hasErrorCode(error, 'ENOENT')) return new AppError('file-not-found', `There is no catalog at "${path}".`, { file: path });
  const code = (error as NodeJS.ErrnoException).code;
  return new AppError('internal', `Could not ${action} "${path}": ${describeFileError(error)}.`, { file: path, ...(code ? { cause: code } : {}) });
}

/** Why a catalog can only be looked at, or null when it can be changed. */
async function readOnlyReason(fs: FileSystem, target: string, mode: number): Promise<string | null> {
  // Checked by the bits as well as access(): an administrator's access() says yes to a file marked read-only.
  if ((mode & 0o222) === 0) return 'the file is marked read-only';
  try {
    await fs.access(target, constants.W_OK);
  } catch {
    return 'you do not have permission to change the file';
  }
  try {
    await fs.access(dirname(target), constants.W_OK);
  } catch {
    return 'you do not have permission to change its folder';
  }
  return null;
}

interface Loaded {
  db: Database;
  fingerprint: FileFingerprint;
  migratedFrom: number | null;
  mode: number;
}

async function damagedError(path: string, reason: string): Promise<AppError> {
  const error = corruptCatalogError(path, reason);
  const newest = (await listBackups(path).catch(() => [])).at(-1);
  if (!newest) return error;
  return new AppError(
    'catalog-corrupt',
    `${error.message.replace(/ If it is a catalog.*$/, '')} Its newest backup is from ${newest.takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
      'open a copy of it to carry on; the damaged file is left as it is.',
    { file: path, backupPath: newest.path, backupTakenAt: newest.takenAt.toISOString() },
  );
}

async function loadCatalog(path: string, fs: FileSystem): Promise<Loaded> {
  let loaded;
  try {
    loaded = await readFileWithStats(path, fs);
  } catch (error) {
    if (hasErrorCode(error, 'EISDIR')) throw corruptCatalogError(path, 'it is a folder');
    if (hasErrorCode(error, 'ENOTREG')) throw corruptCatalogError(path, `it is ${(error as { kind?: string }).kind ?? 'not an ordinary file'}`);
    throw fileError(error, path, 'read the catalog');
  }
  const { bytes, stats } = loaded;
  // A catalog always holds its schema; an empty file is a truncated copy, not a new catalog to initialise.
  if (bytes.length === 0) throw await damagedError(path, 'the file is empty');
  const db = await Database.fromBytes(bytes);
  try {
    const before = db.userVersion;
    migrate(db, path);
    return { db, fingerprint: fingerprintOf(bytes, stats), migratedFrom: db.userVersion !== before ? before : null, mode: stats.mode };
  } catch (error) {
    db.close();
    if (error instanceof AppError && error.code === 'catalog-corrupt') throw await damagedError(path, error.message.replace(/^.*?: (.*?)\. If it is a catalog.*$/s, '$1'));
    if (error instanceof AppError) throw error;
    // Any other failure reading a file that passed the header check means its pages are damaged.
    throw await damagedError(path, isCorruptDatabaseError(error) ? 'its contents are damaged' : `it could not be read (${describeFileError(error)})`);
  }
}

/** Where the bytes of `path` really live: a symlinked catalog is saved through to its target. */
async function resolveTarget(fs: FileSystem, path: string): Promise<string> {
  try {
    const stats = await fs.lstat(path);
    if (!stats.isSymbolicLink()) return path;
    return await fs.realpath(path);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return path;
    throw fileError(error, path, 'open');
  }
}

export class CatalogFile {
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  // Bytes whose write may have reached the disk even though the save reported an error (e.g. after the rename):
  // finding them there later is not somebody else's change.
  private unconfirmedWrite: string | null = null;

  private constructor(
    private currentPath: string,
    /** Where the bytes live: the target of a symlinked catalog, else the path itself. */
    private targetPath: string,
    private database: Database,
    private fingerprint: FileFingerprint | null,
    /** Schema version of the file on disk when it still predates this app's: it gets its own backup. */
    private migratedFrom: number | null,
    private readonly settings: BackupSettings,
    private readonly fs: FileSystem,
    private lock: CatalogLock | null,
    /** Why this catalog can only be looked at; null when it can be changed and saved. */
    readonly readOnlyReason: string | null,
  ) {}

  /** The live database. reload() replaces it, so read this property each time rather than keeping it. */
  get db(): Database {
    this.assertOpen();
    return this.database;
  }

  get path(): string {
    return this.currentPath;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** A stale lock this catalog's opening replaced: the program that held it stopped without closing it. */
  get replacedLock() {
    return this.lock?.replaced ?? null;
  }

  /** A new catalog file; `initialize` fills the first version written, so no half-made catalog is ever on disk. */
  static async create(path: string, options: CatalogFileOptions = {}, initialize?: (db: Database) => void): Promise<CatalogFile> {
    const fs = options.fs ?? nodeFileSystem;
    const lock = options.lock === false ? null : await takeLock(path, options, fs);
    const db = await Database.fromBytes();
    try {
      migrate(db, path);
      initialize?.(db);
    } catch (error) {
      db.close();
      await lock?.release();
      throw error;
    }
    const catalog = new CatalogFile(path, path, db, null, null, settingsFrom(options), fs, lock, null);
    try {
      await catalog.serialized(() => catalog.writeTo(path, false));
    } catch (error) {
      await catalog.close();
      throw error;
    }
    return catalog;
  }

  static async open(path: string, options: CatalogFileOptions = {}): Promise<CatalogFile> {
    const fs = options.fs ?? nodeFileSystem;
    const target = await resolveTarget(fs, path);
    await refuseNonRegular(fs, path, target);
    let lock: CatalogLock | null = null;
    let lockReason: string | null = null;
    if (!options.readOnly && options.lock !== false) {
      try {
        lock = await takeLock(target, options, fs);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'catalog-read-only')) throw error;
        lockReason = `its folder cannot be changed: ${String(error.details?.reason ?? 'permission denied')}`;
      }
    }
    try {
      const { db, fingerprint, migratedFrom, mode } = await loadCatalog(target, fs);
      const reason = options.readOnly ? 'it was opened read-only' : (lockReason ?? (await readOnlyReason(fs, target, mode)));
      if (reason !== null) {
        // query_only makes SQLite itself refuse every change, whichever code path tries one.
        db.exec('PRAGMA query_only = ON');
        await lock?.release();
      }
      const catalog = new CatalogFile(path, target, db, fingerprint, migratedFrom, settingsFrom(options), fs, reason === null ? lock : null, reason);
      // Holding the lock, no other program can be saving this catalog: every temp file beside it is a crash's leftover.
      if (catalog.lock) await removeStaleTempFiles(dirname(target), `${basename(target)}.`, 0, Date.now(), fs);
      else await removeStaleTempFiles(dirname(target), `${basename(target)}.`, STALE_TEMP_AGE_MS, Date.now(), fs);
      return catalog;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /** Writes the catalog over its file, unless another program changed the file since we read or wrote it. */
  save(): Promise<SaveResult> {
    return this.serialized(async () => {
      this.assertWritable();
      const path = this.targetPath;
      const bytes = this.db.export();
      await this.assertStillOurs();
      const disk = await this.diskState();
      const backup = disk === 'missing' ? {} : await takeBackup(path, this.settings, this.migratedFrom);
      await this.writeTo(path, true, bytes);
      this.migratedFrom = null;
      return { savedAt: this.settings.clock().toISOString(), bytes: bytes.length, ...backup };
    });
  }

  /** Saves to a new file, which becomes this catalog's file. Never overwrites an existing file. */
  saveAs(newPath: string): Promise<SaveResult> {
    return this.serialized(async () => {
      this.assertOpen();
      const lock = this.lock || this.readOnly ? await takeLock(newPath, {}, this.fs) : null;
      const bytes = this.db.export();
      try {
        if (this.readOnly) this.database.exec('PRAGMA query_only = OFF');
        await this.writeTo(newPath, false, bytes);
      } catch (error) {
        if (this.readOnly) this.database.exec('PRAGMA query_only = ON');
        await lock?.release();
        throw error;
      }
      await this.lock?.release();
      this.lock = lock;
      this.currentPath = newPath;
      this.targetPath = newPath;
      (this as { readOnlyReason: string | null }).readOnlyReason = null;
      // The old file keeps its old schema untouched, so it needs no backup.
      this.migratedFrom = null;
      return { savedAt: this.settings.clock().toISOString(), bytes: bytes.length };
    });
  }

  /** Throws away what is in memory and reads the file again (after a conflict, or to see another window's work). */
  reload(): Promise<void> {
    return this.serialized(async () => {
      this.assertOpen();
      const { db, fingerprint, migratedFrom } = await loadCatalog(this.targetPath, this.fs);
      if (this.closed) {
        db.close();
        this.assertOpen();
      }
      if (this.readOnly) db.exec('PRAGMA query_only = ON');
      this.database.close();
      this.database = db;
      this.fingerprint = fingerprint;
      this.migratedFrom = migratedFrom;
      this.unconfirmedWrite = null;
    });
  }

  /** True when the file on disk is no longer what we last read or wrote. A deleted file is not a change: save recreates it. */
  hasExternalChange(): Promise<boolean> {
    return this.serialized(async () => (await this.diskState()) === 'changed');
  }

  /** Frees the database and gives up the lock. Await any save first: a save still queued when the catalog closes fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.database.close();
    await this.lock?.release();
  }

  /** Whether the file still holds what we last read or wrote. A deleted file is not a conflict: save recreates it. */
  private async diskState(): Promise<'same' | 'missing' | 'changed'> {
    if (!this.fingerprint) return 'missing';
    let disk;
    try {
      disk = await compareWithDisk(this.targetPath, this.fingerprint, this.fs);
    } catch (error) {
      throw fileError(error, this.targetPath, 'check the catalog file');
    }
    if (disk.kind !== 'changed') return disk.kind;
    return disk.sha256 !== null && disk.sha256 === this.unconfirmedWrite ? 'same' : 'changed';
  }

  /** The lock is still ours and the file is still the one we last read or wrote. */
  private async assertStillOurs(): Promise<void> {
    try {
      await this.lock?.verify();
    } catch (error) {
      throw fileError(error, this.targetPath, 'check the lock of');
    }
    if ((await this.diskState()) === 'changed') {
      throw new AppError(
        'catalog-conflict',
        'The catalog file was changed by another program or another Transmittal window since you opened it. ' +
          'Your changes are still here: reload the file (losing them) or save them under a new name.',
        { file: this.currentPath },
      );
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('no-catalog-open', `The catalog "${this.currentPath}" has been closed.`);
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnlyReason !== null) {
      throw new AppError('catalog-read-only', `“${basename(this.currentPath)}” is open read-only (${this.readOnlyReason}): nothing can be saved to it. Save a copy under a new name to work on it.`, {
        file: this.currentPath,
      });
    }
  }

  // One operation at a time, in call order: a save never interleaves with another save, a save as, or a reload.
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeTo(path: string, overwrite: boolean, bytes: Uint8Array = this.db.export()): Promise<void> {
    try {
      this.fingerprint = await writeFileAtomic(path, bytes, {
        overwrite,
        fs: this.fs,
        // Known before the rename: if the save then fails, a file holding exactly these bytes is still ours.
        beforeCommit: (hash) => {
          this.unconfirmedWrite = hash;
        },
        // Checked again with the new file ready, just before it replaces the old one, to keep the window in which
        // another program could slip in as short as a rename.
        checkBeforeCommit: overwrite ? () => this.assertStillOurs() : undefined,
      });
      this.unconfirmedWrite = null;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof TargetExistsError) {
        throw new AppError('file-exists', `"${path}" already exists. Choose another name; Transmittal never overwrites a file it did not open.`, { file: path });
      }
      if (hasErrorCode(error, 'ENOENT')) {
        throw new AppError('file-not-found', `The folder for "${path}" does not exist.`, { file: path });
      }
      const code = (error as NodeJS.ErrnoException).code;
      const reason = describeFileError(error);
      // The reason travels on its own too, so the CLI and the close refusal can say it in their own sentence.
      throw new AppError('save-failed', `Could not save "${this.currentPath}": ${reason}. Nothing was changed on disk; your changes are still open here.`, {
        file: path,
        reason,
        ...(code ? { cause: code } : {}),
      });
    }
  }
}

async function takeLock(path: string, options: CatalogFileOptions, fs: FileSystem): Promise<CatalogLock> {
  try {
    return await CatalogLock.acquire(path, { program: options.program, fs, clock: options.clock });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (hasErrorCode(error, 'ENOENT')) throw new AppError('file-not-found', `The folder for "${path}" does not exist.`, { file: path });
    // A folder where no lock can be made (read-only, full) still lets the catalog be read.
    throw new AppError('catalog-read-only', `Could not open “${basename(path)}” for changes: ${describeFileError(error)}. Open it read-only to look at it.`, {
      file: path,
      reason: describeFileError(error),
      cause: (error as NodeJS.ErrnoException).code,
    });
  }
}

/** A FIFO, device or folder at the catalog's path is refused before anything else touches it. */
async function refuseNonRegular(fs: FileSystem, path: string, target: string): Promise<void> {
  let stats;
  try {
    stats = await fs.stat(target);
  } catch (error) {
    throw fileError(error, path, 'open');
  }
  if (!stats.isFile()) throw corruptCatalogError(path, `it is ${kindOf(stats)}`);
}

function settingsFrom(options: CatalogFileOptions): BackupSettings {
  return {
    clock: options.clock ?? (() => new Date()),
    keepBackups: Math.max(0, Math.floor(options.keepBackups ?? DEFAULT_KEEP_BACKUPS)),
    intervalMs: Math.max(0, options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS),
  };
}
