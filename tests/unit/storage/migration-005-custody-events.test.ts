// Version 5 from version 4: the stored box status becomes custody events, the chain they start verifies, and every
// status reads the same as before.
import { describe, expect, it } from 'vitest';
import { catalogContext } from '../../../electron/catalog/open-catalog';
import { BOX_STATUS_SQL } from '../../../electron/custody/box-status';
import { verifyCustodyChain } from '../../../electron/custody/custody-events';
import { Database } from '../../../electron/storage/database';
import { migrate, migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';

const NOW = '2026-03-01T10:00:00.000Z';

async function versionFour(): Promise<Database> {
  const db = await Database.fromBytes();
  migrateWith(db, migrations.slice(0, 4));
  db.run("INSERT INTO department (id, name, code) VALUES (1, 'Public Works', 'PW')");
  db.run("INSERT INTO records_center (name, address) VALUES ('State Records Center', '1 Archive Way')");
  const box = (label: string, status: string) =>
    db.run('INSERT INTO box (label, status, created_at, updated_at) VALUES (?, ?, ?, ?)', [label, status, NOW, NOW]).lastInsertRowid;
  const office = box('PW-001', 'in-office');
  const drafted = box('PW-002', 'in-transfer');
  const sent = box('PW-003', 'in-transit');
  const paper = box('PW-004', 'at-records-center');
  const draft = db.run("INSERT INTO transfer (number, records_center_id, created_at) VALUES ('PW-2026-002', 1, ?)", [NOW]).lastInsertRowid;
  db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, ?, 1)', [draft, drafted]);
  const shipped = db.run(
    "INSERT INTO transfer (number, records_center_id, status, sent_at, manifest_json, fingerprint, created_at) VALUES ('PW-2026-001', 1, 'sent', ?, '{}', ?, ?)",
    ['2026-02-01T09:00:00.000Z', 'f'.repeat(64), NOW],
  ).lastInsertRowid;
  db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, ?, 1)', [shipped, sent]);
  expect([office, paper].length).toBe(2);
  return db;
}

describe('migration 5 (custody events)', () => {
  it('keeps every box where it was, now read from events and transfers, and drops the typed column', async () => {
    const db = await versionFour();
    migrateWith(db, migrations.slice(0, 5));
    expect(db.userVersion).toBe(5);
    const statuses = db.all<{ label: string; status: string }>(`SELECT b.label, ${BOX_STATUS_SQL} AS status FROM box b ORDER BY b.label`);
    expect(statuses).toEqual([
      { label: 'PW-001', status: 'in-office' },
      { label: 'PW-002', status: 'in-transfer' },
      { label: 'PW-003', status: 'in-transit' },
      { label: 'PW-004', status: 'at-records-center' },
    ]);
    expect(db.all('SELECT kind, at FROM custody_event ORDER BY id')).toEqual([
      { kind: 'sent', at: '2026-02-01T09:00:00.000Z' },
      { kind: 'recorded-at-center', at: NOW },
    ]);
    expect(db.column<string>("SELECT name FROM pragma_table_info('box')")).not.toContain('status');
    const context = catalogContext(db, 'tester', () => new Date(NOW));
    expect(verifyCustodyChain(context)).toEqual({ events: 2, broken: null });
  });

  it('detects an event changed or removed afterwards', async () => {
    const db = await versionFour();
    migrate(db);
    const context = catalogContext(db, 'tester', () => new Date(NOW));
    db.run("UPDATE custody_event SET at = '2020-01-01T00:00:00.000Z' WHERE id = 1");
    expect(verifyCustodyChain(context).broken).toEqual({ eventId: 1, reason: 'its content was changed after it was recorded' });
    db.run('DELETE FROM custody_event WHERE id = 1');
    expect(verifyCustodyChain(context).broken?.eventId).toBe(2);
  });
});
