// Shelf positions imported from a spreadsheet through a real session: a real .xlsx (written with SheetJS) and a CSV,
// the same file again, a bad row and a position listed twice (each refusing the whole file), and a department's
// catalog, which has no shelves.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locationsFromSheets } from '../../../electron/center/location-import';
import type { SheetTable } from '../../../shared/import/types';
import { department, testSession, uploaded, type TestSession } from '../catalog/session-helpers';
import { openCenterCatalog } from './center-fixtures';

let t: TestSession;

beforeEach(async () => {
  t = await testSession();
});

afterEach(async () => {
  await t.dispose();
});

/** A real .xlsx on disk, its first sheet holding `rows`. */
async function workbook(fileName: string, rows: unknown[][]): Promise<string> {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Shelves');
  const path = join(t.dir, fileName);
  await writeFile(path, new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return path;
}

const positions = async () => (await t.call('center.locations', { limit: 1000 })).rows;

describe('center.importLocations', () => {
  it('adds the positions an .xlsx lists under other words for the headings, then finds them all there the second time', async () => {
    await openCenterCatalog(t);
    const path = await workbook('floor.xlsx', [
      ['Shelf plan, main building'],
      [],
      ['Bldg', 'Room', 'Aisle', 'Section', 'Level', 'Slot', 'Capacity (cubic feet)', 'Notes'],
      ['A', 'Basement', 1, 1, 1, 1, 1.2, 'by the door'],
      ['A', 'Basement', 1, 1, 1, 2, 1.2, null],
      ['A', '', 10, 2, 3, 'L', 2.5, null],
    ]);
    expect(await t.call('center.importLocations', { file: { path } })).toEqual({ added: 3, alreadyThere: 0 });
    const rows = await positions();
    expect(rows.map((row) => [row.words, row.capacityCubicFeet])).toEqual([
      ['Building A / Room Basement / Row 1 / Bay 1 / Shelf 1 / Position 1', 1.2],
      ['Building A / Room Basement / Row 1 / Bay 1 / Shelf 1 / Position 2', 1.2],
      ['Building A / Row 10 / Bay 2 / Shelf 3 / Position L', 2.5],
    ]);

    expect(await t.call('center.importLocations', { file: { path } })).toEqual({ added: 0, alreadyThere: 3 });
    expect(await positions()).toHaveLength(3);
  });

  it('reads a CSV, keeping a position the bulk set-up made as it was', async () => {
    await openCenterCatalog(t);
    await t.call('center.addLocations', { building: 'B', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 1, capacityCubicFeet: 1.5 });
    const csv = 'building,row,bay,shelf,pos,cu ft\nB,1,1,1,1,3\nB,1,1,1,2,1.2\n\nB,1,1,2,1,.8\n';
    expect(await t.call('center.importLocations', { file: await uploaded(t, 'shelves.csv', csv) })).toEqual({ added: 2, alreadyThere: 1 });
    const rows = await positions();
    expect(rows.map((row) => row.capacityCubicFeet)).toEqual([1.5, 1.2, 0.8]);
  });

  it('refuses the whole file for one bad row, naming its row and column', async () => {
    await openCenterCatalog(t);
    const csv = ['Building,Row,Bay,Shelf,Position,Capacity', 'A,1,1,1,1,1.2', 'A,1,1,1,2,1.2', 'A,1,1,1,3,1.2', 'A,1,1,1,4,1.2', 'A,1,1,1,5,1.2', 'A,1,1,1,6,lots', 'A,1,1,1,7,1.2'].join('\n');
    const refused = await t.fail('center.importLocations', { file: await uploaded(t, 'shelves.csv', csv) });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toContain('Row 7, Capacity: not a number ("lots")');
    expect(refused.message).toContain('no position was added');
    expect(refused.details).toMatchObject({ row: 7, field: 'Capacity', file: 'shelves.csv' });
    expect(await positions()).toEqual([]);
  });

  it('names every missing part and a capacity that is not positive', async () => {
    await openCenterCatalog(t);
    const path = await workbook('gaps.xlsx', [
      ['Building', 'Row', 'Bay', 'Shelf', 'Position', 'Capacity'],
      ['A', 1, null, 1, 1, 1.2],
      ['A', 1, 1, 1, 2, 0],
      ['A', 1, 1, 1, 3, -1],
    ]);
    const refused = await t.fail('center.importLocations', { file: { path } });
    expect(refused.message).toContain('Row 2, Bay: empty');
    expect(refused.message).toContain('Row 3, Capacity: must be more than 0');
    expect(refused.message).toContain('Row 4, Capacity: must be more than 0');
    expect(await positions()).toEqual([]);
  });

  it('refuses a position listed twice in the file, naming both rows', async () => {
    await openCenterCatalog(t);
    const csv = 'Building,Row,Bay,Shelf,Position,Capacity\nA,1,1,1,1,1.2\nA,1,1,1,2,1.2\nA,1,1,1,1,2\n';
    const refused = await t.fail('center.importLocations', { file: await uploaded(t, 'twice.csv', csv) });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toContain('Row 4, Position: Building A / Row 1 / Bay 1 / Shelf 1 / Position 1 is listed on row 2 too');
    expect(await positions()).toEqual([]);
  });

  it('refuses a file without the headings, saying which it needs', async () => {
    await openCenterCatalog(t);
    const refused = await t.fail('center.importLocations', { file: await uploaded(t, 'boxes.csv', 'Box,Title\n1,Permits\n') });
    expect(refused.message).toContain('Building, Row, Bay, Shelf, Position, Capacity');
  });

  it('is a records center’s call: a department catalog is refused', async () => {
    await t.call('catalog.create', { fileName: 'Public Works', department });
    const refused = await t.fail('center.importLocations', { file: await uploaded(t, 'shelves.csv', 'Building,Row,Bay,Shelf,Position,Capacity\nA,1,1,1,1,1.2\n') });
    expect(refused.code).toBe('forbidden');
  });
});

describe('locationsFromSheets', () => {
  const sheet = (rows: SheetTable['rows'], extra: Partial<SheetTable> = {}): SheetTable => ({
    name: 'Sheet1', hidden: false, rows, rowNumbers: rows.map((_, index) => index + 1), hiddenColumns: [], ...extra,
  });

  it.each([
    ['Building', 'Row', 'Bay', 'Shelf', 'Position', 'Capacity'],
    ['BLDG.', 'Aisle No.', 'Section', 'Level', 'Pos', 'Cu. ft.'],
    ['Building name', 'row #', 'BAY', 'shelf number', 'Slot', 'Cubic feet'],
    ['bldg', 'ROW', 'bay', 'SHELF', 'position', 'Capacity (cu ft)'],
  ])('recognises the headings %s, %s, %s, %s, %s, %s', (...headings) => {
    expect(locationsFromSheets([sheet([headings, ['A', 1, 2, 3, 4, 1.2]])], 'f.csv')).toEqual([
      { row: 2, address: { building: 'A', room: '', row: '1', bay: '2', shelf: '3', position: '4' }, capacityCubicFeet: 1.2 },
    ]);
  });

  it('skips a hidden sheet and reads the next', () => {
    const headings = ['Building', 'Row', 'Bay', 'Shelf', 'Position', 'Capacity'];
    const read = locationsFromSheets([sheet([headings, ['X', 1, 1, 1, 1, 1]], { hidden: true }), sheet([headings, ['A', 1, 1, 1, 1, 1]])], 'f.xlsx');
    expect(read.map((each) => each.address.building)).toEqual(['A']);
  });

  it('refuses a file with headings and no positions', () => {
    expect(() => locationsFromSheets([sheet([['Building', 'Row', 'Bay', 'Shelf', 'Position', 'Capacity']])], 'f.csv')).toThrow(/lists no shelf positions/);
  });
});
