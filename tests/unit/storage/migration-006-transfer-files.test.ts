// Version 6 from version 5: transfers gain electronic records, kept by reference, and the rows already there stay.
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';

describe('migration 6 (electronic records on transfers)', () => {
  it('adds transfer_file, one name per transfer, and keeps the transfers', async () => {
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, 5));
    db.run("INSERT INTO records_center (name, address) VALUES ('City Records Center', '1 Archive Way')");
    const transfer = db.run("INSERT INTO transfer (number, records_center_id, created_at) VALUES ('PW-2026-001', 1, 'x')").lastInsertRowid;
    migrateWith(db, migrations.slice(0, 6));
    expect(db.userVersion).toBe(6);
    expect(db.column<string>('SELECT number FROM transfer')).toEqual(['PW-2026-001']);
    const add = (path: string) =>
      db.run("INSERT INTO transfer_file (transfer_id, source_path, relative_path, size, sha256, media_type, added_at) VALUES (?, '/x', ?, 1, 'a', 'text/plain', 'x')", [transfer, path]);
    add('records/a.txt');
    expect(() => add('records/a.txt')).toThrow(/UNIQUE/);
    expect(() => db.run("INSERT INTO transfer_file (transfer_id, source_path, relative_path, size, sha256, media_type, added_at) VALUES (?, '/x', 'records/b.txt', -1, 'a', 'text/plain', 'x')", [transfer])).toThrow(/CHECK/);
  });
});
