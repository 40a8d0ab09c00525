// A box list from a spreadsheet into the catalog through the API: preview, one undoable change, every row
// accounted for, all-or-nothing, and no silent duplicates when the same file comes twice.
import { execFileSync } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/api/contract-import';
import type { ColumnMapping, InventoryField } from '../../../shared/import/types';
import { applyInventory } from '../../../electron/import/apply-inventory';
import { planInventory, UNLINKED_NOTE } from '../../../electron/import/inventory-plan';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { uploaded, type TestSession } from '../catalog/session-helpers';
import { applyImport, boxList, catalogSession, counts, cy3, openFile, planOf, SAMPLE_ROWS, xlsxBytes } from './pipeline-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const sampleFile = () => xlsxBytes([{ name: 'Boxes', rows: boxList(SAMPLE_ROWS) }]);

describe('importing a box list', () => {
  it('finds the header row under the title rows, previews every row, and imports them as one undoable change', async () => {
    t = await catalogSession();
    const file = await openFile(t, 'boxlist.xlsx', sampleFile());
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['Boxes']);
    const mapping = file.sheets[0].suggested.inventory;
    expect(mapping.headerRow).toBe(2);
    expect(mapping.columns.map((column) => column.field)).toEqual(['boxNumber', 'folderNumber', 'title', 'fileCode', 'seriesNumber', 'seriesTitle', 'beginDate', 'endDate', 'confidential', 'notes']);
    expect(file.sheets[0].previewRows[0][0]).toBe('Public Works — box list');

    const preview = await t.call('import.preview', planOf(file, 'inventory'));
    expect(preview.report.problems).toEqual([]);
    expect(preview.report.rowsImported).toBe(5);
    expect(preview.counts).toMatchObject({ boxes: 3, folders: 5 });
    expect(preview.duplicateCounts).toEqual({ boxes: 0, folders: 0, scheduleItems: 0 });
    // Nothing in the schedule yet: both series are reported as left unlinked, with how many folders each.
    expect(preview.unlinked.map((each) => [each.value, each.folders])).toEqual([['GS 1010', 2], ['GS 2020', 2]]);
    expect(await counts(t)).toMatchObject({ boxes: 0, folders: 0 });

    const result = await applyImport(t, planOf(file, 'inventory'));
    expect(result).toMatchObject({ label: 'Import 5 folders from boxlist.xlsx', boxesCreated: 3, foldersCreated: 5, foldersSkipped: 0, foldersUnlinked: 4 });
    expect(await counts(t)).toMatchObject({ boxes: 3, folders: 5 });
    const folders = (await t.call('folders.list', { filter: { query: '' } })).rows;
    expect(folders.map((folder) => [folder.boxLabel, folder.position, folder.title, folder.fileCode, folder.beginDate, folder.endDate, folder.confidential])).toEqual([
      ['1', 1, 'Oak Street permits', 'BP-12', '2019-01', '2019-12', false],
      ['1', 2, 'Elm Avenue permits', 'BP-13', '2019', '2020', false],
      ['2', 1, 'Personnel files A–L', 'HR-1', 'FY2018', 'FY2019', true],
      ['2', 2, 'Personnel files M–Z', 'HR-2', '2018-07-01', '2019-06-30', true],
      ['3', 1, '=SUM(A1) is not a formula', '-007', '1998', '2001', false],
    ]);
    expect(folders[4].notes).toBe('Line one\nline two');

    const status = await t.call('app.status', {});
    expect(status.undoLabel).toBe('Import 5 folders from boxlist.xlsx');
    expect(await t.call('history.undo', {})).toEqual({ undone: 'Import 5 folders from boxlist.xlsx' });
    expect(await counts(t)).toMatchObject({ boxes: 0, folders: 0 });
  });

  it('records every new box and folder in the history exactly as stored, so undo and redo restore them whole', async () => {
    t = await catalogSession();
    const file = await openFile(t, 'boxlist.xlsx', sampleFile());
    await applyImport(t, planOf(file, 'inventory'));
    const context = t.session.current()!;
    const entries = await t.call('history.list', { limit: 1000 });
    const created = entries.filter((entry) => entry.changeLabel === 'Import 5 folders from boxlist.xlsx');
    expect(created.map((entry) => [entry.entity, entry.action])).toEqual([
      ...Array(5).fill(['folder', 'create']),
      ...Array(3).fill(['box', 'create']),
    ]);
    for (const entry of created) expect(entry.after).toEqual(context.history.snapshot(entry.entity, entry.entityId));
    const before = (await t.call('folders.list', { filter: { query: '' } })).rows;
    // Imported folders are indexed in one statement after they are written: search finds them at once.
    expect((await t.call('folders.list', { filter: { query: 'Oak' } })).total).toBe(1);
    await t.call('history.undo', {});
    expect(await counts(t)).toMatchObject({ boxes: 0, folders: 0 });
    expect((await t.call('folders.list', { filter: { query: 'Oak' } })).total).toBe(0);
    await t.call('history.redo', {});
    expect((await t.call('folders.list', { filter: { query: '' } })).rows).toEqual(before);
    expect((await t.call('folders.list', { filter: { query: 'Oak' } })).total).toBe(1);
  });

  it('links folders to the retention schedule by item number, else by series title', async () => {
    t = await catalogSession();
    await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', rule: cy3 });
    await t.call('schedule.create', { itemNumber: 'PER-9', title: 'Personnel Files', rule: cy3 });
    const rows = SAMPLE_ROWS.map((row) => (row[4] === 'GS 2020' ? [...row.slice(0, 4), 'GS 2020', 'personnel files', ...row.slice(6)] : row));
    const file = await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList(rows) }]));
    const result = await applyImport(t, planOf(file, 'inventory'));
    expect(result.foldersUnlinked).toBe(0);
    const folders = (await t.call('folders.list', { filter: { query: '' } })).rows;
    expect(folders.map((folder) => folder.itemNumber)).toEqual(['GS 1010', 'GS 1010', 'PER-9', 'PER-9', null]);
    expect(folders[0].dispositionDate).toBe('2023-01-01');
  });

  it('matches item numbers however their parts are separated, and keeps a series the schedule lacks in the notes', async () => {
    t = await catalogSession();
    await t.call('schedule.create', { itemNumber: 'GS-1010', title: 'Building permits', rule: cy3 });
    const rows = SAMPLE_ROWS.map((row, index) => (row[4] === 'GS 1010' ? [...row.slice(0, 4), index % 2 ? 'gs1010' : 'GS 1010', ...row.slice(5)] : row));
    const file = await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList(rows) }]));
    const result = await applyImport(t, planOf(file, 'inventory'));
    const folders = (await t.call('folders.list', { filter: { query: '' } })).rows;
    const linked = folders.filter((folder) => folder.itemNumber === 'GS-1010');
    expect(linked.length).toBe(rows.filter((row) => /^gs ?1010$/i.test(String(row[4]))).length);
    expect(linked.every((folder) => !folder.notes.includes(UNLINKED_NOTE))).toBe(true);
    // GS 2020 is not in the schedule: those folders are unlinked, counted, and still say which series they belong to.
    const unlinked = folders.filter((folder) => folder.itemNumber === null && folder.notes.includes(`${UNLINKED_NOTE}GS 2020`));
    expect(unlinked.length).toBe(result.foldersUnlinked);
    expect(result.foldersUnlinked).toBeGreaterThan(0);
  });

  it('reports each unreadable row with sheet, row and column, and imports only the good rows when asked', async () => {
    t = await catalogSession();
    const rows = [...SAMPLE_ROWS.slice(0, 2), ['2', 1, 'Budget', 'FIN-1', '', '', '2019', 'someday', 'No', ''], ['', '', '', '', '', '', '', '', '', ''], ['TOTAL', '', '', '', '', '', '', '', '', '']];
    const file = await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList(rows) }]));
    const plan = planOf(file, 'inventory');
    const preview = await t.call('import.preview', plan);
    expect(preview.rowsWithProblems).toBe(1);
    expect(preview.report.problems).toEqual([expect.objectContaining({ sheet: 'Boxes', row: 6, column: expect.stringMatching(/end date/i) })]);
    expect(preview.report.rowsImported).toBe(2);
    expect(preview.report.rowsSkippedTotal).toBe(1);

    const refused = await t.fail('import.apply', plan);
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/^1 row of boxlist\.xlsx has problems \(the first: Boxes row 6, End date/i);
    expect(await counts(t)).toMatchObject({ boxes: 0, folders: 0 });

    const result = await applyImport(t, plan, { importGoodRowsOnly: true });
    expect(result).toMatchObject({ boxesCreated: 1, foldersCreated: 2 });
    expect(result.report.problems).toHaveLength(1);
  });

  it('says which boxes and folders are already there when the same file comes twice, and skips or updates them', async () => {
    t = await catalogSession();
    const first = await openFile(t, 'boxlist.xlsx', sampleFile());
    await applyImport(t, planOf(first, 'inventory'));

    const again = await openFile(t, 'boxlist.xlsx', sampleFile());
    const preview = await t.call('import.preview', planOf(again, 'inventory'));
    expect(preview.duplicateCounts).toEqual({ boxes: 3, folders: 5, scheduleItems: 0 });
    expect(preview.duplicates[0]).toEqual({ entity: 'box', row: 4, description: 'Box 1' });
    expect(preview.duplicates).toContainEqual({ entity: 'folder', row: 4, description: 'Box 1, folder 1 “Oak Street permits” (BP-12)' });
    const nothing = await t.fail('import.apply', planOf(again, 'inventory'));
    expect(nothing.message).toMatch(/Nothing to import: 5 folders in boxlist\.xlsx are already in the catalog/);

    // A third version of the list: one folder's dates corrected, one folder new.
    const changed = SAMPLE_ROWS.map((row) => (row[2] === 'Oak Street permits' ? [...row.slice(0, 6), '2019-02', '2019-11', 'Yes', 'Checked'] : row));
    const third = await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList([...changed, ['3', 2, 'Budget 2001', 'FIN-1', '', '', '2001', '2001', 'No', '']]) }]));
    const skipped = await applyImport(t, planOf(third, 'inventory'), { onDuplicate: 'skip' });
    expect(skipped).toMatchObject({ boxesCreated: 0, foldersCreated: 1, foldersUpdated: 0, foldersSkipped: 5 });
    let oak = (await t.call('folders.list', { filter: { query: 'Oak' } })).rows[0];
    expect([oak.beginDate, oak.endDate, oak.confidential]).toEqual(['2019-01', '2019-12', false]);

    const updated = await applyImport(t, planOf(third, 'inventory'), { onDuplicate: 'update' });
    expect(updated).toMatchObject({ boxesCreated: 0, foldersCreated: 0, foldersUpdated: 6, foldersSkipped: 0 });
    oak = (await t.call('folders.list', { filter: { query: 'Oak' } })).rows[0];
    // The catalog has no retention schedule: the series the file names stays with the folder, in its notes.
    expect([oak.beginDate, oak.endDate, oak.confidential, oak.notes]).toEqual(['2019-02', '2019-11', true, `Checked\n${UNLINKED_NOTE}GS 1010`]);
    expect(await counts(t)).toMatchObject({ boxes: 3, folders: 6 });
  });

  it('writes all or nothing: a failure part-way through leaves the catalog and its history as they were', async () => {
    t = await catalogSession();
    await t.call('boxes.create', { label: 'Existing' });
    const context = t.session.current()!;
    const historyBefore = (await t.call('history.list', { limit: 1000 })).length;
    const bytes = sampleFile();
    const file = { importId: 'test', fileName: 'boxlist.xlsx', sheets: await readSpreadsheet(bytes, 'boxlist.xlsx') };
    const mapping = (await openFile(t, 'boxlist.xlsx', bytes)).sheets[0].suggested.inventory as ColumnMapping<InventoryField>;
    const plan = planInventory(context, file, mapping);
    expect(() =>
      applyInventory(context, plan, {
        onDuplicate: 'skip',
        afterRecord: (written) => {
          if (written === 3) throw new Error('disk pulled out mid-import');
        },
      }),
    ).toThrow(/disk pulled out/);
    expect(await counts(t)).toMatchObject({ boxes: 1, folders: 0 });
    expect((await t.call('history.list', { limit: 1000 })).length).toBe(historyBefore);
    expect((await t.call('app.status', {})).undoLabel).toBe('Add box Existing');
    // The same plan then goes through whole.
    expect(applyInventory(context, plan, { onDuplicate: 'skip' })).toMatchObject({ boxesCreated: 3, foldersCreated: 5 });
  });

  it('cancelling leaves nothing: neither a read file nor a change', async () => {
    t = await catalogSession();
    const { jobId } = await t.call('import.open', { file: await uploaded(t, 'boxlist.xlsx', sampleFile()) });
    const cancelled = await t.call('jobs.cancel', { id: jobId });
    expect(cancelled.state).toBe('running');
    const error = await t.fail('import.result', { jobId });
    expect(error.code).toBe('cancelled');
    expect((await t.call('jobs.get', { id: jobId })).state).toBe('cancelled');

    const file = await openFile(t, 'boxlist.xlsx', sampleFile());
    const applying = await t.call('import.apply', planOf(file, 'inventory'));
    await t.call('jobs.cancel', { id: applying.jobId });
    expect((await t.fail('import.applied', { jobId: applying.jobId })).code).toBe('cancelled');
    expect(await counts(t)).toMatchObject({ boxes: 0, folders: 0 });
    expect((await t.call('app.status', {})).undoLabel).toBeNull();
  });

  it('reads files by reference and refuses a bad reference by name, before reading a byte', async () => {
    t = await catalogSession();
    const huge = join(t.dir, 'huge.xlsx');
    await truncate(await writeFile(huge, '').then(() => huge), MAX_IMPORT_FILE_BYTES + 1);
    const tooBig = await t.fail('import.open', { file: { path: huge } });
    expect(tooBig.code).toBe('invalid-input');
    expect(tooBig.message).toMatch(/huge\.xlsx” is larger than 30 MB/);

    const fifo = join(t.dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const pipe = await t.fail('import.open', { file: { path: fifo } });
    expect(pipe.message).toMatch(/FIFO|pipe/i);

    expect((await t.fail('import.open', { file: { path: join(t.dir, 'nowhere.xlsx') } })).code).toBe('file-not-found');
    const empty = await t.fail('import.open', { file: await uploaded(t, 'empty.csv', '') });
    expect(empty.message).toMatch(/“empty\.csv” is empty/);
    expect(empty.message).not.toMatch(/upload|bytesBase64|handle/i);

    // An upload is read once and then gone, with its temp copy.
    const ref = await uploaded(t, 'boxes.csv', 'Box,Folder title\nB-1,Permits\n');
    const { jobId } = await t.call('import.open', { file: ref });
    expect((await t.call('import.result', { jobId })).fileName).toBe('boxes.csv');
    expect((await t.fail('import.open', { file: ref })).message).toMatch(/choose the file again/);
    expect((await t.fail('import.open', { file: { upload: 'not-a-handle' } })).message).toMatch(/choose the file again/);

    await writeFile(join(t.dir, 'photo.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const photo = await t.call('import.open', { file: { path: join(t.dir, 'photo.xlsx') } });
    const notSheet = await t.fail('import.result', { jobId: photo.jobId });
    expect(notSheet.code).toBe('invalid-input');
    expect(notSheet.message).toMatch(/photo\.xlsx/);
    expect(await counts(t)).toMatchObject({ boxes: 0, folders: 0 });
  });
});
