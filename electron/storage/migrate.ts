// Brings a catalog's schema up to this version of Transmittal, all in one transaction, and refuses files it must
// not touch: catalogs from a newer version, and files that are not Transmittal catalogs at all.
import { AppError } from '../../shared/domain/errors';
import type { Database } from './database';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

// SQLite's own wording when the bytes are not a database or its pages are damaged.
const CORRUPT_MESSAGES = ['file is not a database', 'database disk image is malformed'];

export function isCorruptDatabaseError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return CORRUPT_MESSAGES.some((text) => message.includes(text));
}

function describe(file: string | undefined): string {
  return file ? `"${file}"` : 'This file';
}

export function corruptCatalogError(file: string | undefined, reason: string): AppError {
  return new AppError(
    'catalog-corrupt',
    `${describe(file)} cannot be opened as a Transmittal catalog: ${reason}. If it is a catalog, restore it from the ` +
      'backups folder next to it.',
    file ? { file } : undefined,
  );
}

function tableExists(db: Database, name: string): boolean {
  return db.get("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) !== undefined;
}

function schemaObjectCount(db: Database): number {
  return db.column<number>('SELECT count(*) FROM sqlite_master')[0] ?? 0;
}

/** Applies `list` (versions 1, 2, 3… in order) to the database. Exposed so tests can inject a failing migration. */
export function migrateWith(db: Database, list: readonly Migration[], file?: string): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error('Migrations must be numbered 1, 2, 3… with no gaps');
  });
  const latest = list.length === 0 ? 0 : list[list.length - 1].version;

  let current: number;
  let isEmpty: boolean;
  try {
    current = db.userVersion;
    isEmpty = schemaObjectCount(db) === 0;
  } catch (error) {
    if (isCorruptDatabaseError(error)) throw corruptCatalogError(file, 'it is not an SQLite database');
    throw error;
  }
  // Every catalog version has a meta table; another program's SQLite file does not, whatever its user_version says.
  if (!isEmpty && !tableExists(db, 'meta')) {
    throw corruptCatalogError(file, 'it is an SQLite database made by another program');
  }
  if (current > latest) {
    throw new AppError(
      'catalog-too-new',
      `This catalog was saved by a newer version of Transmittal (schema ${current}; this version reads up to ` +
        `${latest}). Update Transmittal to open it.`,
      { ...(file ? { file } : {}), schemaVersion: current, supportedVersion: latest },
    );
  }
  if (current === latest) return;

  try {
    db.transaction(() => {
      for (const migration of list) {
        if (migration.version <= current) continue;
        migration.up(db);
        db.userVersion = migration.version;
      }
    });
  } catch (error) {
    if (isCorruptDatabaseError(error)) throw corruptCatalogError(file, 'its contents are damaged');
    throw error;
  }
  if (!tableExists(db, 'meta')) throw corruptCatalogError(file, 'its tables are missing');
}

/** Brings `db` to LATEST_SCHEMA_VERSION. `file` only names the file in error messages. */
export function migrate(db: Database, file?: string): void {
  migrateWith(db, migrations, file);
}

export { LATEST_SCHEMA_VERSION };
