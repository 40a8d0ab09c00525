// The sheet the app's wizard and the CLI start from when nobody names one.
import { describe, expect, it } from 'vitest';
import type { ImportedFile, ImportSheet } from '../../../shared/api/contract-import';
import { likelySheet } from '../../../shared/import/likely-sheet';

function sheet(name: string, hidden: boolean, recognisedInventory: number, recognisedSchedule = 0): ImportSheet {
  const columns = (count: number, field: string) =>
    Array.from({ length: 6 }, (_, index) => ({ index, heading: `H${index}`, field: index < count ? field : null }));
  return {
    name, hidden, rowCount: 10, columnCount: 6, hiddenColumns: [], previewRows: [], previewRowNumbers: [],
    suggested: {
      inventory: { sheet: name, headerRow: 1, columns: columns(recognisedInventory, 'title') },
      schedule: { sheet: name, headerRow: 1, columns: columns(recognisedSchedule, 'itemNumber') },
    },
  } as unknown as ImportSheet;
}
const file = (...sheets: ImportSheet[]): ImportedFile => ({ importId: 'x', fileName: 'list.xlsx', sheets }) as ImportedFile;

describe('likelySheet', () => {
  it('prefers a visible sheet to a hidden one that has more recognised columns', () => {
    expect(likelySheet(file(sheet('Hidden', true, 6), sheet('2019', false, 2)), 'inventory').name).toBe('2019');
  });
  it('takes the visible sheet with the most recognised columns, the first on a tie', () => {
    expect(likelySheet(file(sheet('Notes', false, 1), sheet('Boxes', false, 4), sheet('Copy', false, 4)), 'inventory').name).toBe('Boxes');
    expect(likelySheet(file(sheet('Notes', false, 1, 5), sheet('Boxes', false, 4, 0)), 'schedule').name).toBe('Notes');
  });
  it('falls back to the hidden sheets when every sheet is hidden', () => {
    expect(likelySheet(file(sheet('A', true, 1), sheet('B', true, 3)), 'inventory').name).toBe('B');
  });
});
