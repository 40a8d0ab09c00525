// Version 11 from version 10: a catalog gains the center's holdings tables, keeps its rows and its role, and the
// constraints hold the center's promises (one box a position, one accession a fingerprint).
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrations } from '../../../electron/storage/migrations';
import { migrateWith } from '../../../electron/storage/migrate';

const NOW = '2026-03-01T10:00:00.000Z';

async function versionElevenFromTen(): Promise<Database> {
  const db = await Database.fromBytes();
  migrateWith(db, migrations.slice(0, 10));
  db.run("INSERT INTO department (id, name, code) VALUES (1, 'City Records Center', '')");
  db.run("INSERT INTO meta (key, value) VALUES ('role', 'records-center') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  migrateWith(db, migrations.slice(0, 11));
  expect(db.userVersion).toBe(11);
  return db;
}

function seed(db: Database): { accessionId: number; locationId: number } {
  const departmentId = db.run("INSERT INTO center_department (match_key, name, code, created_at, updated_at) VALUES ('code:pw', 'Public Works', 'PW', ?, ?)", [NOW, NOW]).lastInsertRowid;
  const accessionId = db.run(
    `INSERT INTO accession (department_id, transfer_number, accession_number, manifest_format, manifest_json, manifest_fingerprint, source, source_name, received_at, received_by)
     VALUES (?, 'PW-2026-001', 'PW-2026-0001', 'transmittal-manifest/2', '{}', ?, 'package', 'PW-2026-001.zip', ?, 'lee')`,
    [departmentId, 'a'.repeat(64), NOW],
  ).lastInsertRowid;
  const locationId = db.run(
    "INSERT INTO location (building, room, row_label, bay, shelf, position, sort_key, capacity_cubic_feet, created_at) VALUES ('A', '', '1', '1', '1', '1', 'a', 1.2, ?)",
    [NOW],
  ).lastInsertRowid;
  return { accessionId, locationId };
}

describe('migration 11 (records center holdings)', () => {
  it('keeps the catalog, adds the tables and the default accession number pattern', async () => {
    const db = await versionElevenFromTen();
    expect(db.get('SELECT name FROM department WHERE id = 1')).toEqual({ name: 'City Records Center' });
    expect(db.get("SELECT value FROM meta WHERE key = 'role'")).toEqual({ value: 'records-center' });
    expect(db.get("SELECT value FROM meta WHERE key = 'accession_number_pattern'")).toEqual({ value: '{DEPT}-{YYYY}-{NNNN}' });
    const tables = db.column<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
    expect(tables).toEqual(expect.arrayContaining(['center_department', 'accession', 'holding_box', 'holding_folder', 'holding_search', 'location', 'discrepancy']));
  });

  it('refuses two boxes in one position, a fingerprint taken in twice, and an unknown status or discrepancy kind', async () => {
    const db = await versionElevenFromTen();
    const { accessionId, locationId } = seed(db);
    db.run("INSERT INTO holding_box (accession_id, sequence, box_code, location_id) VALUES (?, 1, 'B1', ?)", [accessionId, locationId]);
    expect(() => db.run("INSERT INTO holding_box (accession_id, sequence, box_code, location_id) VALUES (?, 2, 'B2', ?)", [accessionId, locationId])).toThrow(/UNIQUE/);
    expect(() => db.run("INSERT INTO holding_box (accession_id, sequence, box_code, status) VALUES (?, 3, 'B3', 'lost')", [accessionId])).toThrow(/CHECK/);
    expect(() =>
      db.run("INSERT INTO discrepancy (accession_id, kind, description, recorded_at, recorded_by) VALUES (?, 'oops', 'x', ?, 'lee')", [accessionId, NOW]),
    ).toThrow(/CHECK/);
    expect(() =>
      db.run(
        `INSERT INTO accession (department_id, transfer_number, accession_number, manifest_format, manifest_json, manifest_fingerprint, source, source_name, received_at, received_by)
         VALUES (1, 'PW-2026-002', 'PW-2026-0002', 'transmittal-manifest/2', '{}', ?, 'package', 'x', ?, 'lee')`,
        ['a'.repeat(64), NOW],
      ),
    ).toThrow(/UNIQUE/);
    // Extra boxes have no sequence or barcode: any number of them.
    db.run('INSERT INTO holding_box (accession_id, label, status) VALUES (?, ?, ?)', [accessionId, 'Extra 1', 'extra']);
    db.run('INSERT INTO holding_box (accession_id, label, status) VALUES (?, ?, ?)', [accessionId, 'Extra 2', 'extra']);
    expect(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM holding_box')!.n).toBe(3);
  });
});
