import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { Database } from '../../../electron/storage/database';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../../electron/storage/migrations';
import { migrate, migrateWith } from '../../../electron/storage/migrate';

function tableNames(db: Database): string[] {
  return db.column<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
}

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('migrate', () => {
  it('brings an empty version-0 database to the latest schema', async () => {
    const db = await Database.fromBytes();
    expect(db.userVersion).toBe(0);
    migrate(db);
    expect(db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['meta', 'department', 'records_center', 'schedule_item', 'box', 'folder', 'folder_search', 'change', 'history']),
    );
  });

  it('does nothing to a catalog already at the latest version', async () => {
    const db = await Database.fromBytes();
    migrate(db);
    db.run("INSERT INTO meta (key, value) VALUES ('marker', 'kept')");
    migrate(db);
    expect(db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'marker'")?.value).toBe('kept');
  });

  it('refuses a catalog from a newer version and leaves it untouched', async () => {
    const db = await Database.fromBytes();
    migrate(db);
    db.userVersion = LATEST_SCHEMA_VERSION + 1;
    const error = caught(() => migrate(db, '/somewhere/newer.transmittal'));
    expect(error.code).toBe('catalog-too-new');
    expect(error.message).toBe(
      `This catalog was saved by a newer version of Transmittal (schema ${LATEST_SCHEMA_VERSION + 1}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Transmittal to open it.`,
    );
    expect(error.details?.file).toBe('/somewhere/newer.transmittal');
    expect(db.userVersion).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('rolls back every step when a later migration fails', async () => {
    const failing: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const db = await Database.fromBytes();
    expect(() => migrateWith(db, [...migrations, failing])).toThrow(/no_such_table/);
    expect(db.userVersion).toBe(0);
    expect(tableNames(db)).toEqual([]);

    // From the latest version, the failure keeps that version exactly as it was.
    migrate(db);
    expect(() => migrateWith(db, [...migrations, failing])).toThrow(/no_such_table/);
    expect(db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).not.toContain('half_done');
  });

  it('refuses a migration list with gaps', async () => {
    const db = await Database.fromBytes();
    const gapped: Migration[] = [{ ...migrations[0], version: 2 }];
    expect(() => migrateWith(db, gapped)).toThrow(/numbered/);
  });

  const notCatalogs: Array<[string, () => Promise<Database>]> = [
    ['random bytes', () => Database.fromBytes(new Uint8Array(randomBytes(8192)))],
    ['a text file', () => Database.fromBytes(new TextEncoder().encode('Box 1, Building permits 1998\n'.repeat(200)))],
    ['an SQLite header with garbage after it', () => Database.fromBytes(new TextEncoder().encode(`SQLite format 3\0${'x'.repeat(5000)}`))],
    [
      'another program’s SQLite database',
      async () => {
        const db = await Database.fromBytes();
        db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
        db.userVersion = 3;
        return Database.fromBytes(db.export());
      },
    ],
  ];
  it.each(notCatalogs)('refuses %s as catalog-corrupt, naming the file', async (_label, build) => {
    const db = await build();
    const error = caught(() => migrate(db, '/data/records.transmittal'));
    expect(error.code).toBe('catalog-corrupt');
    expect(error.message).toContain('"/data/records.transmittal"');
    expect(error.details?.file).toBe('/data/records.transmittal');
  });
});
