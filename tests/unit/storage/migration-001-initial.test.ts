// Version 1 from version 0 (an empty database): the tables, the folder full-text index, the append-only history.
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrations } from '../../../electron/storage/migrations';
import { migrateWith } from '../../../electron/storage/migrate';

async function versionOne(): Promise<Database> {
  const db = await Database.fromBytes();
  expect(db.userVersion).toBe(0);
  migrateWith(db, migrations.slice(0, 1));
  expect(db.userVersion).toBe(1);
  return db;
}

function seedFolder(db: Database, title: string): number {
  const now = '2024-05-01T12:00:00.000Z';
  db.run("INSERT INTO department (id, name, code) VALUES (1, 'Planning', 'PLN')");
  const box = db.run('INSERT INTO box (label, created_at, updated_at) VALUES (?, ?, ?)', ['PLN-001', now, now]);
  const folder = db.run('INSERT INTO folder (box_id, position, title, file_code, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?)', [
    box.lastInsertRowid,
    title,
    'BP-12',
    now,
    now,
  ]);
  // New rows are indexed by the inserting code (no insert trigger: see the migration); do what it does.
  db.run('INSERT INTO folder_search (docid, title, file_code, notes) SELECT id, title, file_code, notes FROM folder WHERE id = ?', [
    folder.lastInsertRowid,
  ]);
  return folder.lastInsertRowid;
}

const search = (db: Database, query: string) => db.column<number>('SELECT docid FROM folder_search WHERE folder_search MATCH ?', [query]);

describe('migration 1 (initial)', () => {
  it('indexes folder titles for prefix search and follows updates and deletes', async () => {
    const db = await versionOne();
    const id = seedFolder(db, 'Building permits 1998 Main Street');
    expect(db.column<number>("SELECT docid FROM folder_search WHERE folder_search MATCH 'permit*'")).toEqual([id]);
    expect(search(db, 'bu*')).toEqual([id]);
    expect(search(db, 'BP*')).toEqual([id]);

    db.run('UPDATE folder SET title = ? WHERE id = ?', ['Zoning variances 2001', id]);
    expect(search(db, 'permit*')).toEqual([]);
    expect(search(db, 'zoning')).toEqual([id]);

    db.run('DELETE FROM folder WHERE id = ?', [id]);
    expect(search(db, 'zoning')).toEqual([]);
    expect(search(db, 'BP*')).toEqual([]);
  });

  it('folds accents so "resume" finds "Résumé"', async () => {
    const db = await versionOne();
    const id = seedFolder(db, 'Résumés of applicants');
    expect(search(db, 'resume*')).toEqual([id]);
  });

  it('keeps history append-only', async () => {
    const db = await versionOne();
    const change = db.run("INSERT INTO change (at, actor, label) VALUES ('2024-05-01T12:00:00Z', 'clerk', 'Add box')");
    db.run("INSERT INTO history (change_id, entity, entity_id, action, after) VALUES (?, 'box', 1, 'create', '{}')", [change.lastInsertRowid]);
    expect(() => db.run("UPDATE history SET action = 'delete'")).toThrow(/append-only/);
    expect(() => db.run('DELETE FROM history')).toThrow(/append-only/);
    expect(db.column<string>('SELECT action FROM history')).toEqual(['create']);
  });

  it('only allows one department row and valid dispositions', async () => {
    const db = await versionOne();
    db.run("INSERT INTO department (id, name) VALUES (1, 'Planning')");
    expect(() => db.run("INSERT INTO department (id, name) VALUES (2, 'Other')")).toThrow(/CHECK/);
    expect(() =>
      db.run("INSERT INTO schedule_item (item_number, title, rule, disposition) VALUES ('GS 1', 'x', '{}', 'shred')"),
    ).toThrow(/CHECK/);
  });
});
