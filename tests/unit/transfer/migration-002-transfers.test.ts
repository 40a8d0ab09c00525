// Version 2 from version 1: a catalog with boxes gains transfers, keeps its rows, and refuses to rewrite what was sent.
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrations } from '../../../electron/storage/migrations';
import { migrateWith } from '../../../electron/storage/migrate';

const NOW = '2026-03-01T10:00:00.000Z';
const FINGERPRINT = 'a'.repeat(64);

async function versionOneWithBoxes(): Promise<Database> {
  const db = await Database.fromBytes();
  migrateWith(db, migrations.slice(0, 1));
  db.run("INSERT INTO department (id, name, code) VALUES (1, 'Public Works', 'PW')");
  db.run("INSERT INTO records_center (name, address) VALUES ('State Records Center', '1 Archive Way')");
  for (const label of ['PW-001', 'PW-002']) db.run('INSERT INTO box (label, created_at, updated_at) VALUES (?, ?, ?)', [label, NOW, NOW]);
  migrateWith(db, migrations.slice(0, 2));
  expect(db.userVersion).toBe(2);
  return db;
}

function insertTransfer(db: Database, number: string): number {
  return db.run("INSERT INTO transfer (number, records_center_id, created_at) VALUES (?, 1, ?)", [number, NOW]).lastInsertRowid;
}

describe('migration 2 (transfers)', () => {
  it('keeps the rows of version 1 and starts transfers as drafts', async () => {
    const db = await versionOneWithBoxes();
    expect(db.column<string>('SELECT label FROM box ORDER BY id')).toEqual(['PW-001', 'PW-002']);
    expect(db.column<string>("SELECT status FROM box")).toEqual(['in-office', 'in-office']);
    const id = insertTransfer(db, 'PW-2026-001');
    expect(db.get('SELECT status, sent_at, manifest_json, fingerprint FROM transfer WHERE id = ?', [id])).toEqual({
      status: 'draft', sent_at: null, manifest_json: null, fingerprint: null,
    });
    const indexes = db.column<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('transfer', 'transfer_box')");
    expect(indexes).toEqual(expect.arrayContaining(['transfer_status', 'transfer_box_order', 'transfer_box_box']));
  });

  it('gives each number once, whatever its case, and knows only the five statuses', async () => {
    const db = await versionOneWithBoxes();
    insertTransfer(db, 'PW-2026-001');
    expect(() => insertTransfer(db, 'pw-2026-001')).toThrow(/UNIQUE/);
    expect(() => db.run("INSERT INTO transfer (number, records_center_id, status, created_at) VALUES ('X', 1, 'lost', ?)", [NOW])).toThrow(/CHECK/);
  });

  it('holds a box once per transfer, in sequence, and lets it go with the box', async () => {
    const db = await versionOneWithBoxes();
    const id = insertTransfer(db, 'PW-2026-001');
    db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, 1, 1)', [id]);
    expect(() => db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, 1, 2)', [id])).toThrow(/UNIQUE/);
    expect(() => db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, 99, 2)', [id])).toThrow(/FOREIGN KEY/);
    expect(() => db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, 2, 0)', [id])).toThrow(/CHECK/);
    db.run('DELETE FROM box WHERE id = 1');
    expect(db.column<number>('SELECT count(*) FROM transfer_box')).toEqual([0]);
  });

  it('will not call a transfer sent without its manifest and fingerprint', async () => {
    const db = await versionOneWithBoxes();
    const id = insertTransfer(db, 'PW-2026-001');
    expect(() => db.run("UPDATE transfer SET status = 'sent' WHERE id = ?", [id])).toThrow(/CHECK/);
    expect(() => db.run("UPDATE transfer SET manifest_json = 'not json' WHERE id = ?", [id])).toThrow(/CHECK/);
    expect(() => db.run("UPDATE transfer SET fingerprint = 'ABC' WHERE id = ?", [id])).toThrow(/CHECK/);
  });

  it('freezes a sent transfer: its manifest, fingerprint and number never change and it is never deleted', async () => {
    const db = await versionOneWithBoxes();
    const id = insertTransfer(db, 'PW-2026-001');
    db.run("UPDATE transfer SET status = 'sent', sent_at = ?, manifest_json = '{\"boxes\":[]}', fingerprint = ? WHERE id = ?", [NOW, FINGERPRINT, id]);
    expect(() => db.run("UPDATE transfer SET manifest_json = '{}' WHERE id = ?", [id])).toThrow(/frozen/);
    expect(() => db.run('UPDATE transfer SET fingerprint = ? WHERE id = ?', ['b'.repeat(64), id])).toThrow(/frozen/);
    expect(() => db.run("UPDATE transfer SET number = 'PW-2026-009' WHERE id = ?", [id])).toThrow(/frozen/);
    expect(() => db.run('DELETE FROM transfer WHERE id = ?', [id])).toThrow(/kept/);
    // Its status still moves on (received, accessioned), and rewriting the same values is not a change.
    db.run("UPDATE transfer SET status = 'received', manifest_json = manifest_json WHERE id = ?", [id]);
    expect(db.get('SELECT status, fingerprint FROM transfer WHERE id = ?', [id])).toEqual({ status: 'received', fingerprint: FINGERPRINT });
  });
});
