// Rows that hold nothing to import, told apart so the report can account for them: blank spacer rows, rows filled
// only in columns that are not imported, totals rows, and the heading row repeated further down (lists pasted
// together from printed pages repeat it).
import { normalizeHeading } from './headings';
import { readText } from './read-cells';
import type { CellValue, ColumnMapping, SkippedRow, SkipReason } from './types';

// "Total", "TOTAL:", "Grand total", "Subtotal", "Total boxes: 12", "Total cubic feet 14.4" — but not a folder titled
// "Total quality program": after the word only counts and the words of a count may follow. Two steps, each a linear
// scan: one pattern nesting repetitions took seconds on a cell of forty digits (catastrophic backtracking).
const TOTAL_WORD = /^(?:grand\s+|sub-?\s*)?totals?/i;
const COUNT_PARTS = /cubic feet|cu\.?\s?ft\.?|number|no\.?|boxes|box|folders|folder|files|items|records|rows|volume|of|[:=()-]|\d[\d,.]*/gi;

export function isTotalText(text: string): boolean {
  const word = TOTAL_WORD.exec(text);
  return word !== null && text.slice(word[0].length).replace(COUNT_PARTS, ' ').trim() === '';
}

/** The first filled cell says Total, and the key columns (box number, item number) hold nothing else. */
export function isTotalRow(row: CellValue[], keyColumns: number[]): boolean {
  const first = row.findIndex((cell) => readText(cell ?? null) !== '');
  if (first < 0 || !isTotalText(readText(row[first]))) return false;
  return keyColumns.every((index) => index === first || readText(row[index] ?? null) === '');
}

export interface MappedHeading {
  index: number;
  /** The heading as written, and normalized (computed once per sheet, not per row). */
  heading: string;
  normalized: string;
}

export function mappedHeadings(mapping: ColumnMapping<string>): MappedHeading[] {
  return mapping.columns
    .filter((column) => column.field !== null)
    .map((column) => ({ index: column.index, heading: column.heading, normalized: normalizeHeading(column.heading) }));
}

/** At least two of the mapped columns repeat their heading, and no mapped column holds anything else. */
export function isRepeatedHeading(row: CellValue[], headings: MappedHeading[]): boolean {
  let repeated = 0;
  for (const column of headings) {
    const text = readText(row[column.index] ?? null);
    if (text === '') continue;
    if (text !== column.heading && (text.length > column.heading.length * 2 + 8 || normalizeHeading(text) !== column.normalized)) return false;
    repeated += 1;
  }
  return repeated >= 2;
}

/**
 * Why a row is skipped, or null when it holds something to import. `blankInMappedColumns`: nothing in any column
 * being imported (the row reader knows); the row is then blank, or filled only in other columns.
 */
export function skipReason(row: CellValue[], blankInMappedColumns: boolean, headings: MappedHeading[], keyColumns: number[]): SkipReason | null {
  if (blankInMappedColumns) return row.some((cell) => readText(cell ?? null) !== '') ? 'unmapped' : 'blank';
  if (isRepeatedHeading(row, headings)) return 'heading';
  if (isTotalRow(row, keyColumns)) return 'total';
  return null;
}

const SHOWN_TEXT = 200;

/** A row's filled cells as written, " | " between them, on one line and cut short for a list. */
export function rowText(row: CellValue[]): string {
  const text = row
    .map((cell) => readText(cell ?? null))
    .filter((cell) => cell !== '')
    .join(' | ')
    .replace(/\s+/g, ' ');
  if (text.length <= SHOWN_TEXT) return text;
  // By code point, so a cut never splits an emoji or other character outside the basic plane.
  return `${Array.from(text).slice(0, SHOWN_TEXT - 1).join('')}…`;
}

export function skippedRow(row: CellValue[], rowNumber: number, reason: SkipReason): SkippedRow {
  return { row: rowNumber, reason, text: reason === 'blank' ? '' : rowText(row) };
}
