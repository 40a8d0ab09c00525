// Version 8: boxes list as people count ("2" before "10"), for boxes made before it and after, and after a relabel.
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';
import { department, testSession, type TestSession } from '../catalog/session-helpers';

let t: TestSession | undefined;
afterEach(async () => t?.dispose());

describe('box label order', () => {
  it('gives the boxes of an older catalog their sort keys', async () => {
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, 7));
    for (const label of ['10', 'Box 2', '2', 'B-12', 'B-2']) db.run("INSERT INTO box (label, created_at, updated_at) VALUES (?, 'x', 'x')", [label]);
    migrateWith(db, migrations.slice(0, 8));
    expect(db.column<string>('SELECT label FROM box ORDER BY label_key, id')).toEqual(['2', '10', 'B-2', 'B-12', 'Box 2']);
  });

  it('lists boxes 1, 2, 10 (not 1, 10, 2), keeps the order after a relabel and its undo', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Order', department });
    for (const label of ['Box 10', 'Box 1', 'Box 2', '003']) await t.call('boxes.create', { label });
    const labels = async () => (await t!.call('boxes.list', { offset: 0, limit: 10 })).rows.map((box) => box.label);
    expect(await labels()).toEqual(['003', 'Box 1', 'Box 2', 'Box 10']);
    const ten = (await t.call('boxes.list', { offset: 0, limit: 10 })).rows[3];
    await t.call('boxes.update', { id: ten.id, changes: { label: 'Box 0' } });
    expect(await labels()).toEqual(['003', 'Box 0', 'Box 1', 'Box 2']);
    await t.call('history.undo', {});
    expect(await labels()).toEqual(['003', 'Box 1', 'Box 2', 'Box 10']);
  });
});
