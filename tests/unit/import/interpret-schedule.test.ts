// Retention schedules read into schedule items: rules read from the schedule's words (the words always kept), what
// could not be read marked for a person, dispositions read safely.
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { suggestMapping } from '../../../shared/import/detect-columns';
import { interpretSchedule } from '../../../shared/import/interpret-schedule';
import type { CellValue, ColumnMapping, ScheduleField, SheetTable } from '../../../shared/import/types';
import { scheduleItemInputSchema } from '../../../shared/domain/types';
import { scheduleSheet } from './fixtures/box-lists';
import { workbook, type BookType } from './fixtures/workbooks';

const table = (rows: CellValue[][]): SheetTable => ({ name: 'Schedule', hidden: false, rows, rowNumbers: rows.map((_, index) => index + 1), hiddenColumns: [] });

function mapped(headings: string[], fields: (ScheduleField | null)[], rows: CellValue[][]) {
  const mapping: ColumnMapping<ScheduleField> = { sheet: 'Schedule', headerRow: 0, columns: headings.map((heading, index) => ({ index, heading, field: fields[index] })) };
  return interpretSchedule(table([headings, ...rows]), mapping);
}

describe.each<BookType>(['xlsx', 'xls', 'ods'])('a %s retention schedule', (bookType) => {
  const [sheet] = readSpreadsheet(workbook([scheduleSheet()], bookType), `schedule.${bookType}`);
  const { items, report } = interpretSchedule(sheet, suggestMapping(sheet, 'schedule'));

  it('reads every item, each one the catalog accepts', () => {
    expect(report).toEqual({ rowsRead: 5, rowsImported: 5, rowsSkippedBlank: 0, rowsSkippedTotal: 0, problems: [] });
    for (const { sourceRow: _row, ruleParsed: _parsed, ...item } of items) expect(scheduleItemInputSchema.safeParse(item).success).toBe(true);
  });

  it('reads the rules it can, keeps every retention text as written, and marks the rest to set by hand', () => {
    expect(items.map((item) => [item.sourceRow, item.itemNumber, item.retentionText, item.ruleParsed, item.rule.kind, item.disposition])).toEqual([
      [3, 'GS 1010', 'CY+3', true, 'period', 'destroy'],
      [4, 'GS 2020', '6 years after employee separated', true, 'period', 'destroy'],
      [5, 'GS 3030', 'Permanent', true, 'permanent', 'archives'],
      [6, 'GS 4040', 'AV', true, 'period', 'destroy'],
      [7, 'GS 5050', 'ask Bob', false, 'permanent', 'review'],
    ]);
    expect(items[0]).toMatchObject({ title: 'Building permits', description: 'Permits and plans', citation: 'RCW 40.14' });
    expect(items[3].rule).toEqual({ kind: 'period', years: 0, months: 0, trigger: 'event', eventName: 'no longer of administrative value' });
  });
});

describe('reading schedule rows', () => {
  const HEADINGS = ['Item', 'Title', 'Retention', 'Disposition'];
  const FIELDS: ScheduleField[] = ['itemNumber', 'seriesTitle', 'retention', 'disposition'];

  it('keeps the retention text exactly, line breaks and all', () => {
    const { items } = mapped(HEADINGS, FIELDS, [['GS 1', 'Minutes', 'CY+3,\r\nthen destroy', '']]);
    expect(items[0]).toMatchObject({ retentionText: 'CY+3,\nthen destroy', ruleParsed: true, rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  });

  it('reads a blank disposition as destroy, or archives for a permanent item, and an unclear one as review', () => {
    const { items } = mapped(HEADINGS, FIELDS, [
      ['GS 1', 'A', 'CY+3', ''],
      ['GS 2', 'B', 'Permanent', ''],
      ['GS 3', 'C', 'CY+3', 'Keep somewhere'],
      ['GS 4', 'D', 'CY+3', 'Transfer to State Archives'],
    ]);
    expect(items.map((item) => item.disposition)).toEqual(['destroy', 'archives', 'review', 'archives']);
  });

  it('lists rows without an item number or title, and skips blank and total rows', () => {
    const { items, report } = mapped(HEADINGS, FIELDS, [['', 'Orphan', 'CY+3', ''], ['GS 2', '', 'CY+3', ''], [], ['Total', '', '', ''], ['GS 3', 'Fine', '', '']]);
    expect(report).toEqual({
      rowsRead: 5,
      rowsImported: 1,
      rowsSkippedBlank: 1,
      rowsSkippedTotal: 1,
      problems: [
        { sheet: 'Schedule', row: 2, column: 'Item', reason: 'No item number: every schedule item needs its number (e.g. GS 1010)' },
        { sheet: 'Schedule', row: 3, column: 'Title', reason: 'No series title: say what records the item covers' },
      ],
    });
    expect(items[0]).toMatchObject({ itemNumber: 'GS 3', retentionText: '', ruleParsed: false, rule: { kind: 'permanent' } });
  });

  it('takes the title from the description’s first line when the schedule has no title column', () => {
    const { items } = mapped(['No.', 'Description', 'Retention'], ['itemNumber', 'description', 'retention'], [['7.1', 'Payroll registers\nSummaries of pay', '3 years']]);
    expect(items[0]).toMatchObject({ title: 'Payroll registers', description: 'Summaries of pay', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  });

  it('refuses a mapping without an item number or a title, naming what to choose', () => {
    expect(() => mapped(HEADINGS, [null, 'seriesTitle', 'retention', null], [])).toThrow(/holds the item number/);
    expect(() => mapped(HEADINGS, ['itemNumber', null, 'retention', null], [])).toThrow(/holds the series title/);
  });
});
