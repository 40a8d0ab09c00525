// Version 4 from version 3: a catalog knows its role, and every catalog made before it was a department's own.
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrate, migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';

const role = (db: Database) => db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'role'")?.value;

describe('migration 4 (catalog role)', () => {
  it('makes a version 3 catalog, with its rows, a department catalog and keeps the rows', async () => {
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, 3));
    expect(db.userVersion).toBe(3);
    db.run("INSERT INTO meta (key, value) VALUES ('created_at', '2025-01-01T00:00:00Z')");
    db.run("INSERT INTO department (id, name) VALUES (1, 'Clerk')");
    db.run("INSERT INTO box (label, created_at, updated_at) VALUES ('B-1', 'x', 'x')");
    expect(role(db)).toBeUndefined();
    migrateWith(db, migrations.slice(0, 4));
    expect(db.userVersion).toBe(4);
    expect(role(db)).toBe('department');
    expect(db.column<string>('SELECT label FROM box')).toEqual(['B-1']);
  });

  it('leaves a role already set alone', async () => {
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, 3));
    db.run("INSERT INTO meta (key, value) VALUES ('role', 'records-center')");
    migrate(db);
    expect(role(db)).toBe('records-center');
  });
});
