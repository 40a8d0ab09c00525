// Finds the heading row under a file's title and contact rows, and guesses what each column means from its heading,
// so a well-made box list imports without the person mapping anything. The person can still change every guess.
import { HEADING_INDEX, normalizeHeading, type HeadingKind } from './headings';
import { readText } from './read-cells';
import type { CellValue, ColumnGuess, ColumnMapping, InventoryField, ScheduleField, SheetTable } from './types';

const SCAN_ROWS = 30;
const EXACT = 1;
const CONTAINED = 0.6;

interface Guess<Field extends string> extends ColumnGuess<Field> {
  rank: number;
}

/** One heading on its own: a known heading, else the longest known heading it contains as whole words. */
function guessOne<Field extends string>(heading: string, index: number, kind: HeadingKind): Guess<Field> {
  const normalized = normalizeHeading(heading);
  const synonyms = HEADING_INDEX[kind];
  const exact = synonyms.get(normalized);
  if (exact) return { index, heading, field: exact.field as Field, confidence: EXACT, rank: exact.rank };
  let best: { field: string; rank: number; length: number } | null = null;
  if (normalized !== '') {
    const padded = ` ${normalized} `;
    for (const [words, synonym] of synonyms) {
      if (words.length > (best?.length ?? 0) && padded.includes(` ${words} `)) best = { ...synonym, length: words.length };
    }
  }
  return best
    ? { index, heading, field: best.field as Field, confidence: CONTAINED, rank: best.rank }
    : { index, heading, field: null, confidence: 0, rank: Number.POSITIVE_INFINITY };
}

/**
 * Each heading's guessed field, one entry per heading in order (index = position). A field goes to one column only:
 * the surest guess keeps it (a known heading over a contained one, a visible column over a hidden one, the stronger
 * word, then the leftmost); the others are left for the person to map.
 */
export function guessColumns(headings: string[], kind: 'inventory', hiddenColumns?: number[]): ColumnGuess<InventoryField>[];
export function guessColumns(headings: string[], kind: 'schedule', hiddenColumns?: number[]): ColumnGuess<ScheduleField>[];
export function guessColumns(headings: string[], kind: HeadingKind, hiddenColumns?: number[]): ColumnGuess<string>[];
export function guessColumns(headings: string[], kind: HeadingKind, hiddenColumns: number[] = []): ColumnGuess<string>[] {
  const hidden = new Set(hiddenColumns);
  const guesses = headings.map((heading, index) => guessOne<string>(heading ?? '', index, kind));
  const order = guesses
    .filter((guess) => guess.field !== null)
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        Number(hidden.has(a.index)) - Number(hidden.has(b.index)) ||
        a.rank - b.rank ||
        a.index - b.index,
    );
  const taken = new Set<string>();
  for (const guess of order) {
    if (taken.has(guess.field!)) {
      guess.field = null;
      guess.confidence = 0;
    } else taken.add(guess.field!);
  }
  return guesses.map(({ index, heading, field, confidence }) => ({ index, heading, field, confidence }));
}

/** A cell followed by a colon ("Department:", "Phone:") labels a form field on a contact row, not a column. */
const isFormLabel = (text: string) => /:\s*$/.test(text);

function knownHeadings(row: CellValue[]): number {
  let count = 0;
  for (const cell of row) {
    if (typeof cell !== 'string' || isFormLabel(cell)) continue;
    const normalized = normalizeHeading(cell);
    if (HEADING_INDEX.inventory.has(normalized) || HEADING_INDEX.schedule.has(normalized)) count += 1;
  }
  return count;
}

/** Distinct short texts that are not numbers or dates: how much a row looks like headings when none is known. */
function headingLikeness(row: CellValue[]): number {
  const texts = new Set<string>();
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const text = readText(cell);
    if (text === '' || text.length > 60 || isFormLabel(text) || /^[\d\s.,/:-]+$/.test(text)) continue;
    texts.add(text.toLowerCase());
  }
  return texts.size;
}

const filledCells = (row: CellValue[]) => row.filter((cell) => readText(cell) !== '').length;

/**
 * The index (in table.rows) of the heading row, looking at the first 30 rows: the row with the most known headings
 * (at least 2), else the row with the most distinct heading-like texts, else the first row. On a tie of known
 * headings the fuller row wins (a contact row such as "Department: Finance  Date: 2019" is shorter than the table's
 * heading row), then the earliest (a heading row repeated further down is the same row again).
 */
export function detectHeaderRow(table: SheetTable): number {
  const rows = table.rows.slice(0, SCAN_ROWS);
  let best = { row: -1, score: 1, filled: 0 };
  rows.forEach((row, index) => {
    const score = knownHeadings(row);
    const filled = filledCells(row);
    if (score > best.score || (score === best.score && best.row >= 0 && filled > best.filled)) best = { row: index, score, filled };
  });
  if (best.row >= 0) return best.row;
  best = { row: 0, score: 1, filled: 0 };
  rows.forEach((row, index) => {
    const score = headingLikeness(row);
    if (score > best.score) best = { row: index, score, filled: 0 };
  });
  return best.row;
}

/** The heading row found and each of its columns guessed, hidden columns yielding to visible ones. */
export function suggestMapping(table: SheetTable, kind: 'inventory'): ColumnMapping<InventoryField>;
export function suggestMapping(table: SheetTable, kind: 'schedule'): ColumnMapping<ScheduleField>;
export function suggestMapping(table: SheetTable, kind: HeadingKind): ColumnMapping<InventoryField> | ColumnMapping<ScheduleField>;
export function suggestMapping(table: SheetTable, kind: HeadingKind): ColumnMapping<string> {
  const headerRow = detectHeaderRow(table);
  const headings = (table.rows[headerRow] ?? []).map((cell) => readText(cell));
  const guesses = guessColumns(headings, kind, table.hiddenColumns);
  return { sheet: table.name, headerRow, columns: guesses.map(({ index, heading, field }) => ({ index, heading, field })) };
}
