import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { department, testSession, type TestSession } from './session-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const cy3 = { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' } as const;

async function catalogWithBox() {
  t = await testSession();
  await t.call('catalog.create', { fileName: 'Public Works', department });
  const item = await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Correspondence', rule: cy3, retentionText: 'CY+3' });
  const box = await t.call('boxes.create', { label: 'PW-2019-01' });
  return { item, box };
}

describe('a session over a real catalog file', () => {
  it('creates a catalog file in the workspace and reports it open', async () => {
    t = await testSession();
    const info = await t.call('catalog.create', { fileName: 'Public Works', department });
    expect(info.fileName).toBe('Public Works');
    expect(existsSync(join(t.dir, 'Public Works.transmittal'))).toBe(true);
    const status = await t.call('app.status', {});
    expect(status.catalog?.departmentName).toBe('Public Works');
    expect(status.recentCatalogs[0].path).toBe(info.path);
  });

  it('refuses a catalog name that is a path', async () => {
    t = await testSession();
    const error = await t.fail('catalog.create', { fileName: '../evil', department });
    expect(error.code).toBe('invalid-input');
    expect(existsSync(join(t.dir, '..', 'evil.transmittal'))).toBe(false);
  });

  it('computes disposition dates from the schedule and recomputes them when the rule changes', async () => {
    const { item, box } = await catalogWithBox();
    const folder = await t.call('folders.create', { boxId: box.id, folder: { title: 'Letters 2019', endDate: '2019', scheduleItemId: item.id } });
    expect(folder.dispositionDate).toBe('2023-01-01');
    expect(folder.dispositionStatus).toBe('scheduled');
    await t.call('schedule.update', { id: item.id, item: { itemNumber: 'GS 1010', title: 'Correspondence', rule: { ...cy3, years: 5 } } });
    const [again] = (await t.call('folders.list', { filter: { boxId: box.id } })).rows;
    expect(again.dispositionDate).toBe('2025-01-01');
  });

  it('rejects a bad edit with a message naming the field and changes nothing', async () => {
    const { box } = await catalogWithBox();
    const folder = await t.call('folders.create', { boxId: box.id, folder: { title: 'Permits', beginDate: '2019-03', endDate: '2019-06' } });
    const backwards = await t.fail('folders.update', { id: folder.id, changes: { endDate: '2018' } });
    expect(backwards.message).toMatch(/End date/);
    const badDate = await t.fail('folders.update', { id: folder.id, changes: { beginDate: '2019-13-45' } });
    expect(badDate.code).toBe('invalid-input');
    expect(badDate.message).toMatch(/Begin date/);
    const [unchanged] = (await t.call('folders.list', { filter: { boxId: box.id } })).rows;
    expect(unchanged.beginDate).toBe('2019-03');
    expect(unchanged.endDate).toBe('2019-06');
  });

  it('finds folders by word prefixes of title, file code and notes, and by series', async () => {
    const { item, box } = await catalogWithBox();
    await t.call('folders.create', { boxId: box.id, folder: { title: 'Permit 118 Oak St.', fileCode: 'BP-2019-0412' } });
    await t.call('folders.create', { boxId: box.id, folder: { title: 'Budget worksheets', notes: 'Café receipts' } });
    await t.call('folders.create', { boxId: box.id, folder: { title: 'Unrelated', scheduleItemId: item.id } });
    const search = async (query: string) => (await t.call('folders.list', { filter: { query } })).rows.map((row) => row.title);
    expect(await search('oak per')).toEqual(['Permit 118 Oak St.']);
    expect(await search('0412')).toEqual(['Permit 118 Oak St.']);
    expect(await search('cafe')).toEqual(['Budget worksheets']);
    expect(await search('Correspond')).toEqual(['Unrelated']);
    expect(await search('GS 1010')).toEqual(['Unrelated']);
    expect(await search('" OR 1=1 --')).toEqual([]);
  });

  it('undoes and redoes a deleted box with its folders', async () => {
    const { box } = await catalogWithBox();
    await t.call('folders.create', { boxId: box.id, folder: { title: 'One' } });
    await t.call('folders.create', { boxId: box.id, folder: { title: 'Two' } });
    await t.call('boxes.delete', { ids: [box.id] });
    expect((await t.call('folders.list', { filter: { query: 'one' } })).total).toBe(0);
    const status = await t.call('app.status', {});
    expect(status.undoLabel).toBe('Delete box PW-2019-01');
    await t.call('history.undo', {});
    const restored = await t.call('folders.list', { filter: { boxId: box.id } });
    expect(restored.rows.map((row) => row.title)).toEqual(['One', 'Two']);
    expect((await t.call('folders.list', { filter: { query: 'two' } })).total).toBe(1);
    await t.call('history.redo', {});
    expect((await t.call('boxes.list', {})).total).toBe(0);
    const history = await t.call('history.list', { entity: 'box', entityId: box.id });
    expect(history.map((entry) => entry.action)).toEqual(['delete', 'create', 'delete', 'create']);
  });

  it('pastes rows from a spreadsheet all or nothing', async () => {
    const { box } = await catalogWithBox();
    const columns = ['title', 'fileCode', 'itemNumber', 'beginDate', 'endDate'] as const;
    const bad = await t.fail('folders.paste', {
      boxId: box.id, startRow: 0, columns: [...columns],
      rows: [['Minutes', 'ADM-1', 'GS 1010', '2019', '2019'], ['Reports', 'ADM-2', 'GS 9999', '2019', '2020']],
    });
    expect(bad.message).toBe('Pasted row 2, Schedule item: "GS 9999" is not in your retention schedule.');
    expect((await t.call('folders.list', { filter: { boxId: box.id } })).total).toBe(0);
    const done = await t.call('folders.paste', {
      boxId: box.id, startRow: 0, columns: [...columns],
      rows: [['Minutes', 'ADM-1', 'gs 1010', '3/15/2019', '2019-12'], ['Reports', 'ADM-2', '', 'FY2019', '']],
    });
    expect(done).toEqual({ created: 2, updated: 0 });
    const rows = (await t.call('folders.list', { filter: { boxId: box.id } })).rows;
    expect(rows.map((row) => [row.position, row.title, row.itemNumber, row.beginDate, row.endDate])).toEqual([
      [1, 'Minutes', 'GS 1010', '2019-03-15', '2019-12'],
      [2, 'Reports', null, 'FY2019', ''],
    ]);
    await t.call('history.undo', {});
    expect((await t.call('folders.list', { filter: { boxId: box.id } })).total).toBe(0);
  });

  it('filters folders by series, years, box status and disposition year', async () => {
    const { item, box } = await catalogWithBox();
    await t.call('folders.create', { boxId: box.id, folder: { title: 'A', beginDate: '2015', endDate: '2016', scheduleItemId: item.id } });
    await t.call('folders.create', { boxId: box.id, folder: { title: 'B', beginDate: 'FY2019', scheduleItemId: item.id } });
    await t.call('folders.create', { boxId: box.id, folder: { title: 'C', endDate: '2021-05' } });
    const titles = async (filter: object) => (await t.call('folders.list', { filter })).rows.map((row) => row.title);
    expect(await titles({ scheduleItemId: item.id })).toEqual(['A', 'B']);
    expect(await titles({ yearFrom: 2018, yearTo: 2019 })).toEqual(['B']);
    expect(await titles({ yearFrom: 2016, yearTo: 2016 })).toEqual(['A']);
    expect(await titles({ dispositionYear: 2020 })).toEqual(['A']);
    expect(await titles({ boxStatus: 'in-office' })).toEqual(['A', 'B', 'C']);
    expect(await titles({ boxStatus: 'at-records-center' })).toEqual([]);
    expect(await titles({ dispositionStatus: 'no-schedule' })).toEqual(['C']);
  });

  it('saves changes to disk and they survive reopening', async () => {
    const { box } = await catalogWithBox();
    await t.call('folders.create', { boxId: box.id, folder: { title: 'Kept' } });
    expect((await t.call('app.status', {})).save.dirty).toBe(true);
    await t.call('catalog.save', {});
    expect((await t.call('app.status', {})).save.dirty).toBe(false);
    // The session holds the catalog's lock: another opener may only look.
    const reopened = await CatalogFile.open(join(t.dir, 'Public Works.transmittal'), { readOnly: true });
    expect(reopened.db.get<{ title: string }>('SELECT title FROM folder')?.title).toBe('Kept');
    await reopened.close();
  });

  it('refuses to overwrite a file another program changed, then offers reload and save-as', async () => {
    const { box } = await catalogWithBox();
    await t.call('catalog.save', {});
    // A program that ignores the lock (an older Transmittal, a sync tool restoring a copy).
    const other = await CatalogFile.open(join(t.dir, 'Public Works.transmittal'), { lock: false });
    other.db.run("UPDATE box SET label = 'changed elsewhere'");
    await other.save();
    await other.close();
    await t.call('folders.create', { boxId: box.id, folder: { title: 'Mine' } });
    const error = await t.fail('catalog.save', {});
    expect(error.code).toBe('catalog-conflict');
    expect((await t.call('app.status', {})).save.conflict).toBe(true);
    const copy = await t.call('catalog.saveAs', { fileName: 'My copy' });
    expect(copy.fileName).toBe('My copy');
    expect((await t.call('folders.list', { filter: { query: 'mine' } })).total).toBe(1);
    await t.call('catalog.open', { path: join(t.dir, 'Public Works.transmittal') });
    expect((await t.call('boxes.list', {})).rows[0].label).toBe('changed elsewhere');
  });

  it('builds the sample catalog as a cancellable job with progress', async () => {
    t = await testSession({ sampleBoxes: 12 });
    const { jobId } = await t.call('catalog.openSample', {});
    const first = await t.call('jobs.get', { id: jobId });
    expect(first.state).toBe('running');
    let done = first;
    for (let i = 0; i < 1000 && done.state === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      done = await t.call('jobs.get', { id: jobId });
    }
    expect(done.state).toBe('done');
    const status = await t.call('app.status', {});
    expect(status.catalog?.isSample).toBe(true);
    const summary = await t.call('catalog.summary', {});
    expect(summary.boxes).toBe(12);
    expect(summary.folders).toBeGreaterThan(100);
    expect(summary.scheduleItems).toBeGreaterThan(5);
  });

  it('cancelling the sample leaves no catalog behind', async () => {
    t = await testSession({ sampleBoxes: 200 });
    const { jobId } = await t.call('catalog.openSample', {});
    await t.call('jobs.cancel', { id: jobId });
    for (let i = 0; i < 500 && (await t.call('jobs.get', { id: jobId })).state === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await t.call('jobs.get', { id: jobId })).state).toBe('cancelled');
    expect(existsSync(join(t.dir, 'Sample catalog.transmittal'))).toBe(false);
    expect((await t.call('app.status', {})).catalog).toBeNull();
  });

  it('answers calls with no catalog open, unknown methods and bad input with clear errors', async () => {
    t = await testSession();
    expect((await t.fail('boxes.list', {})).code).toBe('no-catalog-open');
    expect((await t.fail('no.such' as never, {})).code).toBe('not-found');
    const bad = await t.fail('boxes.create', { label: '', cubicFeet: -1 });
    expect(bad.code).toBe('invalid-input');
  });
});

describe('partial edits', () => {
  it('change only the fields they name', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Edits', department });
    const box = await t.call('boxes.create', { label: 'B-1', cubicFeet: 1.0, notes: 'shelf 2' });
    const edited = await t.call('boxes.update', { id: box.id, changes: { label: 'B-2' } });
    expect([edited.label, edited.cubicFeet, edited.notes]).toEqual(['B-2', 1.0, 'shelf 2']);
    const folder = await t.call('folders.create', { boxId: box.id, folder: { title: 'T', fileCode: 'C-1', beginDate: '2019', medium: 'electronic' } });
    const renamed = await t.call('folders.update', { id: folder.id, changes: { title: 'T2' } });
    expect([renamed.title, renamed.fileCode, renamed.beginDate, renamed.medium]).toEqual(['T2', 'C-1', '2019', 'electronic']);
  });
});

describe('a box date span', () => {
  it('reads as briefly as it is exact', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Spans', department });
    const box = await t.call('boxes.create', { label: 'S-1' });
    await t.call('folders.create', { boxId: box.id, folder: { title: 'A', beginDate: '2015', endDate: '2016' } });
    expect((await t.call('boxes.get', { id: box.id })).dateFrom).toBe('2015');
    await t.call('folders.create', { boxId: box.id, folder: { title: 'B', beginDate: '2014-03', endDate: '2017-11-15' } });
    const span = await t.call('boxes.get', { id: box.id });
    expect([span.dateFrom, span.dateTo]).toEqual(['2014-03', '2017-11-15']);
  });
});
