// Column mappings saved in the catalog (migration 3) and reused on the next file laid out the same way, even when
// its columns moved or extra rows sit above the headings.
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';
import type { TestSession } from '../catalog/session-helpers';
import { applyImport, catalogSession, explicitMapping, openFile, xlsxBytes } from './pipeline-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

// Headings no detection would guess: only a saved mapping knows what they mean.
const ODD_HEADINGS = ['Crate', 'Tab text', 'Ref', 'Kept from', 'Kept until'];
const ODD_FIELDS = ['boxNumber', 'title', 'fileCode', 'beginDate', 'endDate'];

describe('saved column mappings', () => {
  it('saves a mapping by name and fits it to a later file by heading', async () => {
    t = await catalogSession();
    const first = await openFile(t, 'boxes-2023.xlsx', xlsxBytes([{ name: 'Sheet1', rows: [ODD_HEADINGS, ['A-1', 'Minutes', 'ADM-1', '2023', '2023']] }]));
    const mapping = explicitMapping('Sheet1', 0, ODD_HEADINGS, ODD_FIELDS);
    const saved = await t.call('import.saveMapping', { name: 'Records room list', kind: 'inventory', mapping } as never);
    expect(saved).toMatchObject({ name: 'Records room list', kind: 'inventory', headings: ODD_HEADINGS });
    expect((await t.call('import.listMappings', { kind: 'schedule' })).map((each) => each.name)).toEqual([]);
    await applyImport(t, { importId: first.importId, kind: 'inventory', mapping } as never);

    // Next year's list: a title row, the columns in another order, one more column nobody mapped.
    const headings = ['Kept until', 'Crate', 'Shelf', 'Tab text', 'Ref', 'Kept from'];
    const next = await openFile(t, 'boxes-2024.xlsx', xlsxBytes([{ name: '2024', rows: [['Records room, 2024'], headings, ['2024', 'A-2', 'S1', 'Budget', 'FIN-2', '2024-01']] }]));
    const [fitted] = await t.call('import.listMappings', { kind: 'inventory', importId: next.importId, sheet: '2024' });
    expect(fitted.matchedColumns).toBe(5);
    expect(fitted.fitted).toEqual({
      sheet: '2024',
      headerRow: 1,
      columns: [
        { index: 0, heading: 'Kept until', field: 'endDate' },
        { index: 1, heading: 'Crate', field: 'boxNumber' },
        { index: 2, heading: 'Shelf', field: null },
        { index: 3, heading: 'Tab text', field: 'title' },
        { index: 4, heading: 'Ref', field: 'fileCode' },
        { index: 5, heading: 'Kept from', field: 'beginDate' },
      ],
    });
    const result = await applyImport(t, { importId: next.importId, kind: 'inventory', mapping: fitted.fitted } as never);
    expect(result).toMatchObject({ boxesCreated: 1, foldersCreated: 1 });
    const [budget] = (await t.call('folders.list', { filter: { query: 'Budget' } })).rows;
    expect([budget.boxLabel, budget.fileCode, budget.beginDate, budget.endDate]).toEqual(['A-2', 'FIN-2', '2024-01', '2024']);

    // Saving under the same name (in any case) replaces it.
    await t.call('import.saveMapping', { name: 'records ROOM list', kind: 'inventory', mapping: fitted.fitted } as never);
    const all = await t.call('import.listMappings', {});
    expect(all).toHaveLength(1);
    expect(all[0].headings).toEqual(headings);
  });

  it('keeps saved mappings in the catalog file', async () => {
    t = await catalogSession();
    await t.call('import.saveMapping', { name: 'Schedule layout', kind: 'schedule', mapping: explicitMapping('S', 0, ['No.', 'Series'], ['itemNumber', 'seriesTitle']) } as never);
    const { catalog } = await t.call('app.status', {});
    await t.call('catalog.close', {});
    await t.call('catalog.open', { path: catalog!.path });
    expect((await t.call('import.listMappings', {})).map((each) => [each.name, each.kind])).toEqual([['Schedule layout', 'schedule']]);
  });

  it('refuses a field that does not belong to the kind, naming it', async () => {
    t = await catalogSession();
    const error = await t.fail('import.saveMapping', { name: 'Bad', kind: 'schedule', mapping: explicitMapping('S', 0, ['Box'], ['boxNumber']) });
    expect(error.code).toBe('invalid-input');
  });
});

describe('migration 3 (import mappings)', () => {
  it('adds the mapping table to a version 2 catalog and keeps its rows', async () => {
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, 2));
    expect(db.userVersion).toBe(2);
    const now = '2024-05-01T12:00:00.000Z';
    db.run('INSERT INTO box (label, created_at, updated_at) VALUES (?, ?, ?)', ['PLN-001', now, now]);
    migrateWith(db, migrations.slice(0, 3));
    expect(db.userVersion).toBe(3);
    expect(db.column<string>('SELECT label FROM box')).toEqual(['PLN-001']);
    db.run("INSERT INTO import_mapping (name, kind, headings_json, mapping_json, created_at) VALUES ('A', 'inventory', '[]', '{}', ?)", [now]);
    expect(() => db.run("INSERT INTO import_mapping (name, kind, headings_json, mapping_json, created_at) VALUES ('a', 'schedule', '[]', '{}', ?)", [now])).toThrow(/UNIQUE/);
    expect(() => db.run("INSERT INTO import_mapping (name, kind, headings_json, mapping_json, created_at) VALUES ('B', 'transfer', '[]', '{}', ?)", [now])).toThrow(/CHECK/);
    db.close();
  });
});
