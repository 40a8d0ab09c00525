// A catalog on disk: the one place that writes it. Saves are atomic and serialized, refuse to overwrite a file
// another window or program changed, and keep rolling backups next to the catalog.
import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/api/errors';
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
} from './file-system';
import { corruptCatalogError, isCorruptDatabaseError, migrate } from './migrate';
import { takeBackup, type BackupSettings } from './catalog-backups';

export const CATALOG_EXTENSION = '.transmittal';

export interface CatalogFileOptions {
  clock?: () => Date;
  /** Rolling backups kept in "<name> backups/"; 0 turns backups off. */
  keepBackups?: number;
  /** A save only takes a new backup when the newest one is older than this. */
  backupIntervalMs?: number;
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
// A killed save leaves its temp file behind; one this old cannot belong to a save still running.
const STALE_TEMP_AGE_MS = 60 * 1000;

function fileError(error: unknown, path: string, action: string): AppError {
  if (error instanceof AppError) return error;
  if (hasErrorCode(error, 'ENOENT')) return new AppError('file-not-found', `There is no catalog at "${path}".`, { file: path });
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
  return new AppError('internal', `Could not ${action} "${path}": ${reason}.`, { file: path, ...(code ? { cause: code } : {}) });
}

async function loadCatalog(path: string): Promise<{ db: Database; fingerprint: FileFingerprint; migratedFrom: number | null }> {
  let loaded;
  try {
    loaded = await readFileWithStats(path);
  } catch (error) {
    if (hasErrorCode(error, 'EISDIR')) throw corruptCatalogError(path, 'it is a folder');
    throw fileError(error, path, 'read the catalog');
  }
  const { bytes, stats } = loaded;
  // A catalog always holds its schema; an empty file is a truncated copy, not a new catalog to initialise.
  if (bytes.length === 0) throw corruptCatalogError(path, 'the file is empty');
  const db = await Database.fromBytes(bytes);
  try {
    const before = db.userVersion;
    migrate(db, path);
    return { db, fingerprint: fingerprintOf(bytes, stats), migratedFrom: db.userVersion !== before ? before : null };
  } catch (error) {
    db.close();
    if (isCorruptDatabaseError(error)) throw corruptCatalogError(path, 'it is not an SQLite database');
    throw error;
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
    private database: Database,
    private fingerprint: FileFingerprint | null,
    /** Schema version of the file on disk when it still predates this app's: it gets its own backup. */
    private migratedFrom: number | null,
    private readonly settings: BackupSettings,
  ) {}

  /** The live database. reload() replaces it, so read this property each time rather than keeping it. */
  get db(): Database {
    this.assertOpen();
    return this.database;
  }

  get path(): string {
    return this.currentPath;
  }

  static async create(path: string, options: CatalogFileOptions = {}): Promise<CatalogFile> {
    const db = await Database.fromBytes();
    migrate(db, path);
    const catalog = new CatalogFile(path, db, null, null, settingsFrom(options));
    try {
      await catalog.serialized(() => catalog.writeTo(path, false));
    } catch (error) {
      db.close();
      throw error;
    }
    return catalog;
  }

  static async open(path: string, options: CatalogFileOptions = {}): Promise<CatalogFile> {
    const { db, fingerprint, migratedFrom } = await loadCatalog(path);
    await removeStaleTempFiles(dirname(path), `${basename(path)}.`, STALE_TEMP_AGE_MS);
    return new CatalogFile(path, db, fingerprint, migratedFrom, settingsFrom(options));
  }

  /** Writes the catalog over its file, unless another program changed the file since we read or wrote it. */
  save(): Promise<SaveResult> {
    return this.serialized(async () => {
      const path = this.currentPath;
      const bytes = this.db.export();
      const disk = await this.diskState();
      if (disk === 'changed') {
        throw new AppError(
          'catalog-conflict',
          'The catalog file was changed by another program or another Transmittal window since you opened it. ' +
            'Your changes are still here: reload the file (losing them) or save them under a new name.',
          { file: path },
        );
      }
      const backup = disk === 'missing' ? {} : await takeBackup(path, this.settings, this.migratedFrom);
      await this.writeTo(path, true, bytes);
      this.migratedFrom = null;
      return { savedAt: this.settings.clock().toISOString(), bytes: bytes.length, ...backup };
    });
  }

  /** Saves to a new file, which becomes this catalog's file. Never overwrites an existing file. */
  saveAs(newPath: string): Promise<SaveResult> {
    return this.serialized(async () => {
      const bytes = this.db.export();
      await this.writeTo(newPath, false, bytes);
      this.currentPath = newPath;
      // The old file keeps its old schema untouched, so it needs no backup.
      this.migratedFrom = null;
      return { savedAt: this.settings.clock().toISOString(), bytes: bytes.length };
    });
  }

  /** Throws away what is in memory and reads the file again (after a conflict, or to see another window's work). */
  reload(): Promise<void> {
    return this.serialized(async () => {
      this.assertOpen();
      const { db, fingerprint, migratedFrom } = await loadCatalog(this.currentPath);
      if (this.closed) {
        db.close();
        this.assertOpen();
      }
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

  /** Frees the database. Await any save first: a save still queued when the catalog closes fails. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.database.close();
  }

  /** Whether the file still holds what we last read or wrote. A deleted file is not a conflict: save recreates it. */
  private async diskState(): Promise<'same' | 'missing' | 'changed'> {
    if (!this.fingerprint) return 'missing';
    let disk;
    try {
      disk = await compareWithDisk(this.currentPath, this.fingerprint);
    } catch (error) {
      throw fileError(error, this.currentPath, 'check the catalog file');
    }
    if (disk.kind !== 'changed') return disk.kind;
    return disk.sha256 !== null && disk.sha256 === this.unconfirmedWrite ? 'same' : 'changed';
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('no-catalog-open', `The catalog "${this.currentPath}" has been closed.`);
  }

  // One operation at a time, in call order: a save never interleaves with another save, a save as, or a reload.
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeTo(path: string, overwrite: boolean, bytes: Uint8Array = this.db.export()): Promise<void> {
    let sha256 = '';
    try {
      const stats = await writeFileAtomic(path, bytes, {
        overwrite,
        // Known before the rename: if the save then fails, a file holding exactly these bytes is still ours.
        beforeCommit: (hash) => {
          sha256 = hash;
          this.unconfirmedWrite = hash;
        },
      });
      this.fingerprint = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, sha256 };
      this.unconfirmedWrite = null;
    } catch (error) {
      if (error instanceof TargetExistsError) {
        throw new AppError('file-exists', `"${path}" already exists. Choose another name; Transmittal never overwrites a file it did not open.`, { file: path });
      }
      if (hasErrorCode(error, 'ENOENT')) {
        throw new AppError('file-not-found', `The folder for "${path}" does not exist.`, { file: path });
      }
      const failure = fileError(error, path, 'save the catalog to');
      throw new AppError(failure.code, `${failure.message} The file on disk is unchanged and your changes are still open.`, failure.details);
    }
  }
}

function settingsFrom(options: CatalogFileOptions): BackupSettings {
  return {
    clock: options.clock ?? (() => new Date()),
    keepBackups: Math.max(0, Math.floor(options.keepBackups ?? DEFAULT_KEEP_BACKUPS)),
    intervalMs: Math.max(0, options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS),
  };
}
