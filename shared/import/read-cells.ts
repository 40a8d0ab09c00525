// The value readers of an import: each takes a cell as read from the file and gives the value the catalog stores, or
// the reason a person can act on ("“maybe” is not a yes or no"). Text is kept as written: a leading = + - @ is
// text, never a formula, and the department's own box labels and codes are never rewritten.
import type { CellReading, CellValue } from './types';
import { pad } from '../domain/words';

export { readDate, readDateText } from './read-dates';
export { readDateRange, type DateRange } from './read-date-range';

const ok = <T>(value: T, note?: string): CellReading<T> => (note ? { ok: true, value, note } : { ok: true, value });
const fail = (reason: string): CellReading<never> => ({ ok: false, reason });

/** A number as a spreadsheet shows it: 15 significant digits, so 1.2000000000000002 reads 1.2. */
export const numberText = (value: number) => (Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15))));

/**
 * Any cell as text for a person: trimmed, line breaks kept (CRLF and CR become LF), control characters other than
 * tab and line break dropped (no one types them; XML cannot even hold them). Dates read as YYYY-MM-DD.
 */
export function readText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  // Tested first: most cells hold neither, and a list of 100,000 rows reads each cell several times.
  if (!NEEDS_CLEANING.test(cell)) return cell.trim();
  return cell.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const MAX_LABEL = 120;

/**
 * A box number → the department's label exactly as written ("Box 1", "002", "B-3", "1 of 12"), with only its
 * spaces tidied; '' when the cell is empty (the row belongs to the box above it).
 */
export function readBoxNumber(cell: CellValue): CellReading<string> {
  if (cell instanceof Date) {
    const shown = `${cell.getUTCMonth() + 1}/${cell.getUTCDate()}`;
    return fail(`Excel turned this box number into a date (${shown}); format the column as Text and type the box number again`);
  }
  if (typeof cell === 'boolean') return fail(`${cell ? 'TRUE' : 'FALSE'} is not a box number`);
  // Kept as the department writes it ("Box 1", "002" and "B-3" all stay as they are): the label is the department's
  // own word, printed on the receipt and the labels, and matched case-insensitively on a later import.
  const label = readText(cell).replace(/\s+/g, ' ').trim();
  if (label.length > MAX_LABEL) return fail(`A box label can be at most ${MAX_LABEL} characters; this one has ${label.length}`);
  return ok(label);
}

/** Sorts labels as people count: "2" before "10", "003" with "3", "B-2" before "B-12"; then as written, to stay stable. */
export function boxSortKey(label: string): string {
  const natural = label
    .toLowerCase()
    .replace(/\d+/g, (digits) => {
      const significant = digits.replace(/^0+(?=\d)/, '');
      return `${String(significant.length).padStart(2, '0')}${significant}`;
    });
  return `${natural}\u0000${label}`;
}

const YES = new Set(['yes', 'y', 'true', 'x', '1', '✓', '✔', '☑', 'c', 'conf', 'confidential', 'r', 'restricted', 'private', 'sensitive', 'secret']);
const NO = new Set(['no', 'n', 'false', '0', '', '-', '–', '—', 'none', 'public', 'open', 'unrestricted', 'n/a', 'na', 'not confidential', 'non-confidential', 'nonconfidential']);
// Restriction codes on transfer forms name why a record is closed: any of these means confidential.
const RESTRICTION = /\b(?:confidential|restricted|privileged|exempt(?:ion)?|pii|phi|hipaa|ferpa|foia|b\s*\(\s*\d\s*\))/i;

/** Confidential / restricted: yes-like and no-like words, restriction codes; blank is no. */
export function readBoolean(cell: CellValue): CellReading<boolean> {
  if (cell === null || cell === undefined) return ok(false);
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return cell === 1 || cell === 0 ? ok(cell === 1) : fail(`${numberText(cell)} is not a yes or no; write Yes or No`);
  if (cell instanceof Date) return fail('A date is not a yes or no; write Yes or No');
  const value = readText(cell).toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (NO.has(value) || /^(?:not|non)[\s-]/.test(value)) return ok(false);
  if (YES.has(value)) return ok(true);
  if (RESTRICTION.test(value)) return ok(true, `restriction: ${readText(cell)}`);
  return fail(`"${readText(cell)}" is not a yes or no; write Yes or No`);
}

const FOLDER_WORD = /^(?:folder|fldr|file|f)\.?\s*(?:number|no\.?|#)?\s*[:#.]?\s*/i;

/**
 * A folder number → its position in the box (1, 2, 3…). A number the catalog cannot use as a position ("3a", "12-1")
 * gives null and the text as a note, so the interpreter keeps it in the folder's notes.
 */
export function readFolderNumber(cell: CellValue): CellReading<number | null> {
  if (cell === null || cell === undefined) return ok(null);
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1 && cell <= 100_000) return ok(cell);
  const text = readText(cell);
  if (text === '') return ok(null);
  const digits = text.replace(FOLDER_WORD, '').replace(/^#\s*/, '');
  if (/^\d{1,6}$/.test(digits) && Number(digits) >= 1 && Number(digits) <= 100_000) return ok(Number(digits));
  return ok(null, text);
}

/** A box's size in cubic feet: 1.2, "1.2", "1,2", "1.2 cu ft", "1.2 cf". Blank is null (the catalog's default). */
export function readCubicFeet(cell: CellValue): CellReading<number | null> {
  if (cell === null || cell === undefined) return ok(null);
  let value: number;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') {
    const text = readText(cell).toLowerCase();
    if (text === '') return ok(null);
    const match = /^(\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:cu\.?\s*ft\.?|cubic\s*f(?:ee|oo)?t|cf|ft3|ft³)?$/.exec(text);
    if (!match) return fail(`"${readText(cell)}" is not a size in cubic feet; write it as 1.2`);
    value = Number(match[1].replace(',', '.'));
  } else return fail('Write the box size in cubic feet, as 1.2');
  if (!(value > 0)) return fail('A box size must be more than 0 cubic feet');
  if (value > 50) return fail(`${numberText(value)} cubic feet is more than one box holds; give each box's own size`);
  return ok(value);
}
