// A workbook as SheetJS parsed it → the plain tables an import works on: each cell a string, number, boolean, Date or
// null; a merged cell's value in every cell it covers; hidden sheets and columns reported; the file's row numbers;
// formulas the file saved no value for (written by a program that does not calculate) marked, not read as empty.
import type * as XLSX from 'xlsx';
import { AppError } from '../../shared/domain/errors';
import type { CellValue, SheetTable } from '../../shared/import/types';
import { formatCount, type ImportLimits } from './limits';
import type { OdsVisibility } from './ods-visibility';

// The texts Excel shows for its error codes (SheetJS gives the code as a number).
const ERROR_TEXTS: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/**
 * How precisely a date number format shows its date: 'month' for "mmm-yy" or "mmmm yyyy", 'year' for "yyyy", else
 * 'day' (any day or time part, or a format not understood). Quoted text, [colours/locales] and \escapes are skipped.
 */
export function shownPrecision(format: string): 'day' | 'month' | 'year' {
  const section = format.split(';')[0];
  const codes = section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '').toLowerCase();
  if (/[dhs]|am\/pm|a\/p/.test(codes) || !codes.includes('y')) return 'day';
  return codes.includes('m') ? 'month' : 'year';
}

/**
 * A formula whose file holds no saved result: Excel always saves one, but files written by other programs (scripts,
 * exports, some web apps) may leave it for the spreadsheet program to calculate on opening. Its value is unknown here,
 * which is not the same as empty. A formula that calculated to "" has a saved value (the empty text) and is not one.
 */
export function isFormulaWithoutValue(cell: XLSX.CellObject | undefined | null): boolean {
  if (!cell || typeof cell.f !== 'string' || cell.f === '') return false;
  // SheetJS keeps a formula with no <v> as a stub ('z'), with a made-up value of 0.
  return cell.v === undefined || cell.t === 'z';
}

export function cellValue(cell: XLSX.CellObject | undefined | null): CellValue {
  if (!cell || isFormulaWithoutValue(cell)) return null;
  const { v } = cell;
  switch (cell.t) {
    case 's':
      return v === undefined || v === null || v === '' ? null : String(v);
    case 'n': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      // "003" typed into a cell formatted 000 is stored as 3: the department reads, and writes on the box, 003.
      if (typeof cell.z === 'string' && /^0+$/.test(cell.z) && Number.isInteger(v) && v >= 0) return String(v).padStart(cell.z.length, '0');
      return v;
    }
    case 'b':
      return Boolean(v);
    case 'd': {
      const date = v instanceof Date ? v : new Date(String(v));
      if (Number.isNaN(date.getTime())) return null;
      // A date the sheet shows as "Mar-19" or "2019" means the month or the year, not its first day.
      const shown = typeof cell.z === 'string' ? shownPrecision(cell.z) : 'day';
      const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
      const year = String(rounded.getUTCFullYear()).padStart(4, '0');
      if (shown === 'year') return year;
      if (shown === 'month') return `${year}-${String(rounded.getUTCMonth() + 1).padStart(2, '0')}`;
      return date;
    }
    case 'e':
      return typeof v === 'number' ? (ERROR_TEXTS[v] ?? '#ERROR') : String(cell.w ?? '#ERROR');
    default:
      return null;
  }
}

const tooMany = (fileName: string, what: string, limit: number) =>
  new AppError('invalid-input', `${fileName} holds more than ${formatCount(limit)} ${what}, the most one import reads. Split it into smaller files and import them one by one.`, {
    file: fileName,
  });

const isEmptyRow = (row: CellValue[] | undefined) => !row || row.every((cell) => cell === null);

export function workbookTables(book: XLSX.WorkBook, fileName: string, limits: ImportLimits, ods?: OdsVisibility): SheetTable[] {
  if (book.SheetNames.length > limits.maxSheets) throw tooMany(fileName, 'sheets', limits.maxSheets);
  const budget = { rows: limits.maxRows, cells: limits.maxCells };
  return book.SheetNames.map((name, index) => {
    const sheet = book.Sheets[name];
    if (!sheet) {
      throw new AppError('invalid-input', `${fileName} is truncated or damaged (its sheet "${name}" cannot be read). Open it in your spreadsheet program, save a fresh copy, and try again.`, {
        file: fileName,
      });
    }
    const hidden = (Number(book.Workbook?.Sheets?.[index]?.Hidden) || 0) > 0 || Boolean(ods?.hiddenSheets.has(name));
    const hiddenColumns = new Set(ods?.hiddenColumns.get(name) ?? []);
    (sheet['!cols'] ?? []).forEach((column, columnIndex) => {
      if (column?.hidden) hiddenColumns.add(columnIndex);
    });
    return { name, hidden, ...sheetRows(sheet, fileName, limits, budget), hiddenColumns: [...hiddenColumns].sort((a, b) => a - b) };
  });
}

/** Row index → the columns of that row holding a formula with no saved value. */
type Unvalued = Map<number, Set<number>>;

function sheetRows(sheet: XLSX.WorkSheet, fileName: string, limits: ImportLimits, budget: { rows: number; cells: number }) {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: CellValue[][] = [];
  const unvalued: Unvalued = new Map();
  let widest = 0;
  for (let r = 0; r < data.length; r += 1) {
    const source = data[r];
    const row: CellValue[] = [];
    if (source) {
      for (let c = 0; c < source.length; c += 1) {
        const value = cellValue(source[c]);
        if (value === null) {
          if (isFormulaWithoutValue(source[c])) markUnvalued(unvalued, r, c);
          continue;
        }
        row[c] = value;
        budget.cells -= 1;
      }
    }
    for (let c = 0; c < row.length; c += 1) if (row[c] === undefined) row[c] = null;
    widest = Math.max(widest, row.length);
    rows.push(row);
  }
  if (budget.cells < 0) throw tooMany(fileName, 'filled cells', limits.maxCells);
  for (const columns of unvalued.values()) for (const c of columns) widest = Math.max(widest, c + 1);
  spreadMerges(sheet, rows, widest, fileName, limits, budget, unvalued);

  // A row whose only content is a formula with no value is not empty: it is kept, so its row can be reported.
  const isEmpty = (r: number) => isEmptyRow(rows[r]) && !unvalued.has(r);
  let first = 0;
  while (first < rows.length && isEmpty(first)) first += 1;
  let last = rows.length - 1;
  while (last >= first && isEmpty(last)) last -= 1;
  const kept = rows.slice(first, last + 1);
  budget.rows -= kept.length;
  if (budget.rows < 0) throw tooMany(fileName, 'rows', limits.maxRows);
  const formulasWithoutValue = [...unvalued]
    .filter(([r]) => r >= first && r <= last)
    .flatMap(([r, columns]) => [...columns].sort((a, b) => a - b).map((column) => ({ row: r - first, column })));
  return {
    rows: kept,
    rowNumbers: kept.map((_, offset) => first + offset + 1),
    ...(formulasWithoutValue.length > 0 ? { formulasWithoutValue } : {}),
  };
}

function markUnvalued(unvalued: Unvalued, r: number, c: number): void {
  const columns = unvalued.get(r) ?? new Set<number>();
  columns.add(c);
  unvalued.set(r, columns);
}

/**
 * A merge's value is copied into every cell it covers, within the area that holds data (a merge of a whole sheet is
 * clipped); a merged formula with no value leaves every cell it covers without one.
 */
function spreadMerges(
  sheet: XLSX.WorkSheet,
  rows: CellValue[][],
  widest: number,
  fileName: string,
  limits: ImportLimits,
  budget: { cells: number },
  unvalued: Unvalued,
) {
  for (const merge of sheet['!merges'] ?? []) {
    const value = rows[merge.s.r]?.[merge.s.c] ?? null;
    if (value === null) {
      if (!unvalued.get(merge.s.r)?.has(merge.s.c)) continue;
      const lastRow = Math.min(merge.e.r, rows.length - 1);
      const lastColumn = Math.min(merge.e.c, widest - 1);
      for (let r = merge.s.r; r <= lastRow; r += 1) {
        for (let c = merge.s.c; c <= lastColumn; c += 1) if ((rows[r][c] ?? null) === null) markUnvalued(unvalued, r, c);
      }
      continue;
    }
    const lastRow = Math.min(merge.e.r, rows.length - 1);
    const lastColumn = Math.min(merge.e.c, widest - 1);
    for (let r = merge.s.r; r <= lastRow; r += 1) {
      const row = rows[r];
      for (let c = merge.s.c; c <= lastColumn; c += 1) {
        if (r === merge.s.r && c === merge.s.c) continue;
        while (row.length < c) row.push(null);
        if (row[c] === null || row[c] === undefined) budget.cells -= 1;
        row[c] = value;
      }
    }
    if (budget.cells < 0) throw tooMany(fileName, 'filled cells', limits.maxCells);
  }
}
