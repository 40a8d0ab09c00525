// A retention schedule from a spreadsheet: rules read from the schedule's own words (the words kept), what could
// not be read listed for a person, items already there skipped or updated, and box lists linking to the items.
import { afterEach, describe, expect, it } from 'vitest';
import type { TestSession } from '../catalog/session-helpers';
import { applyImport, boxList, catalogSession, counts, openFile, planOf, SAMPLE_ROWS, xlsxBytes, type Row } from './pipeline-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const SCHEDULE: Row[] = [
  ['City of Example — General Records Schedule'],
  ['Item Number', 'Series Title', 'Description', 'Retention', 'Disposition', 'Citation'],
  ['GS 1010', 'Building permits', 'Permits and plans', 'CY+3', 'Destroy', 'RCW 40.14'],
  ['GS 2020', 'Personnel files', '', '6 years after employee separated', 'Destroy', ''],
  ['GS 3030', 'Council minutes', '', 'Permanent', 'Archives', ''],
  ['GS 4040', 'Miscellaneous', '', 'ask Bob', 'Review', ''],
];
const scheduleFile = (rows = SCHEDULE) => xlsxBytes([{ name: 'Schedule', rows }]);

describe('importing a retention schedule', () => {
  it('reads the rules, keeps the retention as written, and lists what a person must set by hand', async () => {
    t = await catalogSession();
    const file = await openFile(t, 'schedule.xlsx', scheduleFile());
    const preview = await t.call('import.preview', planOf(file, 'schedule'));
    expect(preview.report.problems).toEqual([]);
    expect(preview.counts.scheduleItems).toBe(4);
    expect(preview.unparsedRules).toEqual([{ row: 6, itemNumber: 'GS 4040', retentionText: 'ask Bob' }]);

    const result = await applyImport(t, planOf(file, 'schedule'));
    expect(result).toMatchObject({ label: 'Import 4 schedule items from schedule.xlsx', scheduleItemsCreated: 4 });
    const items = await t.call('schedule.list', {});
    const byNumber = Object.fromEntries(items.map((item) => [item.itemNumber, item]));
    expect(byNumber['GS 1010']).toMatchObject({ title: 'Building permits', retentionText: 'CY+3', citation: 'RCW 40.14', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
    expect(byNumber['GS 2020'].rule).toMatchObject({ kind: 'period', years: 6, trigger: 'event' });
    expect(byNumber['GS 3030']).toMatchObject({ disposition: 'archives', rule: { kind: 'permanent' } });
    expect(byNumber['GS 4040'].retentionText).toBe('ask Bob');
    expect((await t.call('app.status', {})).undoLabel).toBe('Import 4 schedule items from schedule.xlsx');
  });

  it('then links the folders of a box list to the imported items', async () => {
    t = await catalogSession();
    await applyImport(t, planOf(await openFile(t, 'schedule.xlsx', scheduleFile()), 'schedule'));
    const boxes = await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList(SAMPLE_ROWS) }]));
    const preview = await t.call('import.preview', planOf(boxes, 'inventory'));
    expect(preview.unlinked).toEqual([]);
    const result = await applyImport(t, planOf(boxes, 'inventory'));
    expect(result.foldersUnlinked).toBe(0);
    const folders = (await t.call('folders.list', { filter: { query: '' } })).rows;
    expect(folders.map((folder) => [folder.title, folder.itemNumber, folder.seriesTitle])).toEqual([
      ['Oak Street permits', 'GS 1010', 'Building permits'],
      ['Elm Avenue permits', 'GS 1010', 'Building permits'],
      ['Personnel files A–L', 'GS 2020', 'Personnel files'],
      ['Personnel files M–Z', 'GS 2020', 'Personnel files'],
      ['=SUM(A1) is not a formula', null, null],
    ]);
    expect(folders[0].dispositionDate).toBe('2023-01-01');
  });

  it('skips or updates items already in the schedule, and an updated rule moves the folders’ disposition dates', async () => {
    t = await catalogSession();
    await applyImport(t, planOf(await openFile(t, 'schedule.xlsx', scheduleFile()), 'schedule'));
    await applyImport(t, planOf(await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList(SAMPLE_ROWS) }])), 'inventory'));

    const revised = SCHEDULE.map((row) => (row[0] === 'GS 1010' ? ['GS 1010', 'Building permits', 'Permits and plans', 'CY+5', 'Destroy', 'RCW 40.14'] : row));
    const file = await openFile(t, 'schedule-2024.xlsx', scheduleFile([...revised, ['GS 5050', 'Contracts', '', 'FY+6', 'Destroy', '']]));
    const preview = await t.call('import.preview', planOf(file, 'schedule'));
    expect(preview.duplicateCounts.scheduleItems).toBe(4);
    expect(preview.duplicates[0]).toEqual({ entity: 'schedule-item', row: 3, description: 'GS 1010 Building permits' });

    expect(await applyImport(t, planOf(file, 'schedule'))).toMatchObject({ scheduleItemsCreated: 1, scheduleItemsSkipped: 4 });
    const updated = await applyImport(t, planOf(file, 'schedule'), { onDuplicate: 'update' });
    expect(updated).toMatchObject({ scheduleItemsCreated: 0, scheduleItemsUpdated: 5 });
    const oak = (await t.call('folders.list', { filter: { query: 'Oak' } })).rows[0];
    expect(oak.dispositionDate).toBe('2025-01-01');
    await t.call('history.undo', {});
    expect((await t.call('folders.list', { filter: { query: 'Oak' } })).rows[0].dispositionDate).toBe('2023-01-01');
    expect(await counts(t)).toMatchObject({ scheduleItems: 5 });
  });

  it('refuses a file that repeats an item number, naming both rows', async () => {
    t = await catalogSession();
    const file = await openFile(t, 'schedule.xlsx', scheduleFile([...SCHEDULE, ['gs 1010', 'Permits again', '', 'CY+3', 'Destroy', '']]));
    const preview = await t.call('import.preview', planOf(file, 'schedule'));
    expect(preview.report.problems).toEqual([expect.objectContaining({ row: 7, column: 'Item number', reason: expect.stringMatching(/also on row 3/) })]);
    const result = await applyImport(t, planOf(file, 'schedule'), { importGoodRowsOnly: true });
    expect(result.scheduleItemsCreated).toBe(4);
  });
});
