// Properties over random input: CSV written by RFC 4180's rules reads back cell for cell; the readers never throw,
// whatever a cell holds; and an interpreted box list accounts for every row exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../electron/import/decode-text';
import { interpretInventory } from '../../../shared/import/interpret-inventory';
import { interpretSchedule } from '../../../shared/import/interpret-schedule';
import { readBoolean, readBoxNumber, readDate, readDateRange, readText } from '../../../shared/import/read-cells';
import type { CellValue, InventoryField, ScheduleField, SheetTable } from '../../../shared/import/types';

const anyText = fc.string({ unit: 'grapheme', maxLength: 30 });
const cellText = fc.oneof(anyText, fc.constantFrom('"', '""', ',', ';', '\t', '\r\n', '\n', '\r', ' , ', 'a"b', '=1+1', '-', '__proto__'));
const quote = (cell: string) => (/[",;\t\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  anyText,
  fc.constantFrom('', 'Total', '2019', '1998-ongoing', 'Box 2', '003', 'FY19', 'n.d.', 'Yes', '__proto__', 'constructor'),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date('0100-01-01'), max: new Date('9999-12-31'), noInvalidDate: false }),
);

describe('CSV', () => {
  it('reads back what RFC 4180 writes, with any line ending', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, cellText, cellText), { minLength: 1, maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r'), (rows, end) => {
        const table = [['a', 'b', 'c'], ...rows];
        const text = table.map((row) => row.map(quote).join(',')).join(end) + end;
        const parsed = parseDelimited(text);
        expect(parsed.delimiter).toBe(',');
        expect(parsed.rows).toEqual(table);
        expect(parsed.unclosedQuoteRow).toBeUndefined();
      }),
    );
  });
});

describe('the cell readers', () => {
  it('never throw, and answer either a value or a reason', () => {
    fc.assert(
      fc.property(cell, (value) => {
        for (const reading of [readDate(value), readDateRange(value), readBoxNumber(value), readBoolean(value)]) {
          expect(reading.ok ? 'value' in reading : typeof reading.reason === 'string' && reading.reason.length > 0).toBe(true);
        }
        expect(typeof readText(value)).toBe('string');
      }),
    );
  });
});

const tableOf = (rows: CellValue[][]): SheetTable => ({ name: 'S', hidden: false, rows, rowNumbers: rows.map((_, index) => index + 1), hiddenColumns: [] });

describe('every row accounted for', () => {
  const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 });

  it('in a box list: imported, blank, total, or with problems — each row once', () => {
    const fields: InventoryField[] = ['boxNumber', 'title', 'beginDate', 'endDate', 'confidential', 'dateRange'];
    fc.assert(
      fc.property(rows, (data) => {
        const mapping = { sheet: 'S', headerRow: 0, columns: fields.map((field, index) => ({ index, heading: field, field })) };
        const { boxes, report } = interpretInventory(tableOf([fields, ...data]), mapping);
        const problemRows = new Set(report.problems.map((problem) => problem.row)).size;
        expect(report.rowsRead).toBe(data.length);
        expect(report.rowsImported + report.rowsSkippedBlank + report.rowsSkippedTotal + problemRows).toBe(data.length);
        const imported = boxes.flatMap((box) => box.sourceRows);
        expect(imported).toHaveLength(report.rowsImported);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });

  it('in a retention schedule: the same', () => {
    const fields: ScheduleField[] = ['itemNumber', 'seriesTitle', 'retention', 'disposition'];
    fc.assert(
      fc.property(rows, (data) => {
        const mapping = { sheet: 'S', headerRow: 0, columns: fields.map((field, index) => ({ index, heading: field, field })) };
        const { items, report } = interpretSchedule(tableOf([fields, ...data]), mapping);
        const problemRows = new Set(report.problems.map((problem) => problem.row)).size;
        expect(report.rowsImported + report.rowsSkippedBlank + report.rowsSkippedTotal + problemRows).toBe(data.length);
        expect(items).toHaveLength(report.rowsImported);
      }),
    );
  });
});
