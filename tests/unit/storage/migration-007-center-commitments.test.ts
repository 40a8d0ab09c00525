// Version 7 from version 6: a center's commitments may be "not stated" (null), its loss policy is added, and the
// values a catalog already held are kept as stated.
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';
import { toRecordsCenter, type RecordsCenterRow } from '../../../electron/catalog/rows';

describe('migration 7 (records center commitments)', () => {
  it('keeps the stated turnaround and notice, adds an empty loss policy, and lets a new center leave them unstated', async () => {
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, 6));
    db.run("INSERT INTO records_center (name, address, turnaround_working_days, disposition_notice_days) VALUES ('City Records Center', '1 Archive Way', 1, 60)");
    migrateWith(db, migrations.slice(0, 7));
    expect(db.userVersion).toBe(7);
    const [kept] = db.all<RecordsCenterRow>('SELECT * FROM records_center').map(toRecordsCenter);
    expect(kept).toMatchObject({ name: 'City Records Center', turnaroundWorkingDays: 1, dispositionNoticeDays: 60, lossPolicy: '' });
    db.run("INSERT INTO records_center (name) VALUES ('New Center')");
    const fresh = db.all<RecordsCenterRow>("SELECT * FROM records_center WHERE name = 'New Center'").map(toRecordsCenter)[0];
    expect(fresh).toMatchObject({ turnaroundWorkingDays: null, dispositionNoticeDays: null, deliveryOptions: [], lossPolicy: '' });
    expect(() => db.run("UPDATE records_center SET notice_days = -1 WHERE name = 'New Center'")).toThrow(/CHECK/);
  });
});
