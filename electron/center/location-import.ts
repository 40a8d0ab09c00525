// Shelf positions listed in a spreadsheet, one a row (Building, Room, Row, Bay, Shelf, Position, Capacity), added
// all or nothing: a bad row or a position listed twice refuses the whole file, naming the rows, so a half-imported
// floor plan never has to be found and finished by hand. Positions already set up are kept as they are.
import { AppError } from '../../shared/domain/errors';
import type { CellValue, SheetTable } from '../../shared/import/types';
import { locationInWords, MAX_LOCATIONS_AT_ONCE, type LocationAddress } from '../../shared/center/locations';
import type { CatalogContext } from '../catalog/context';
import { recordedChange } from './center-change';
import { insertLocations, type NewLocation } from './location-store';

type Column = keyof LocationAddress | 'capacity';

const COLUMN_NAMES: Record<Column, string> = {
  building: 'Building', room: 'Room', row: 'Row', bay: 'Bay', shelf: 'Shelf', position: 'Position', capacity: 'Capacity',
};

const REQUIRED: Column[] = ['building', 'row', 'bay', 'shelf', 'position', 'capacity'];

// Headings as people write them, compared in lower case with punctuation as spaces ("Cu. ft." → "cu ft").
const NUMBERED = '(?: no| nr| num| number| label| name| id)?';
const HEADINGS: [Column, RegExp][] = [
  ['building', new RegExp(`^(?:building|bldg|bld)${NUMBERED}$`)],
  ['room', new RegExp(`^(?:room|rm)${NUMBERED}$`)],
  ['row', new RegExp(`^(?:row|aisle)${NUMBERED}$`)],
  ['bay', new RegExp(`^(?:bay|section)${NUMBERED}$`)],
  ['shelf', new RegExp(`^(?:shelf|level)${NUMBERED}$`)],
  ['position', new RegExp(`^(?:position|pos|slot)${NUMBERED}$`)],
  ['capacity', /^(?:(?:box )?capacity(?: in)?(?: cubic (?:feet|foot|ft)| cu ft| cuft| ft3)?|(?:cubic (?:feet|foot|ft)|cu ft|cuft|ft3)(?: capacity)?)$/],
];

/** How far down a sheet the heading row is looked for (a title or a note may sit above it). */
const HEADING_ROWS_SEARCHED = 20;
/** Longest part of an address, as the bulk set-up allows. */
const MAX_PART_LENGTH = 60;
/** More than this is a typo, not one box position. */
const MAX_CAPACITY_CUBIC_FEET = 1000;
/** Problems named in the message; the rest are counted (all of them are in the details). */
const PROBLEMS_SHOWN = 10;

export interface LocationRowProblem {
  sheet: string;
  /** The file's own row number, as the spreadsheet program shows it. */
  row: number;
  column: string;
  reason: string;
}

export interface ListedLocation extends NewLocation {
  /** The file's row number. */
  row: number;
}

function columnFor(heading: CellValue): Column | null {
  if (typeof heading !== 'string') return null;
  const words = heading.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return HEADINGS.find(([, pattern]) => pattern.test(words))?.[0] ?? null;
}

/** The heading row of a sheet: the first row naming every required column. */
function findHeadings(table: SheetTable): { index: number; columns: Map<Column, number> } | null {
  for (let index = 0; index < Math.min(table.rows.length, HEADING_ROWS_SEARCHED); index += 1) {
    const columns = new Map<Column, number>();
    table.rows[index].forEach((heading, cell) => {
      const column = columnFor(heading);
      if (column && !columns.has(column) && !table.hiddenColumns.includes(cell)) columns.set(column, cell);
    });
    if (REQUIRED.every((column) => columns.has(column))) return { index, columns };
  }
  return null;
}

function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** An address part as text: 3 and "3" are the same shelf; a date is never one. */
function partText(cell: CellValue): string | { problem: string } {
  if (cell instanceof Date) return { problem: 'a date, not a label or number' };
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 1e6) / 1e6);
  const text = String(cell ?? '').trim();
  if (text.length > MAX_PART_LENGTH) return { problem: `longer than ${MAX_PART_LENGTH} characters` };
  return text;
}

function capacityOf(cell: CellValue): number | { problem: string } {
  let value: number;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string' && /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(cell)) value = Number(cell);
  else return { problem: `not a number${typeof cell === 'string' ? ` ("${cell.trim().slice(0, 40)}")` : ''}` };
  if (!Number.isFinite(value) || value <= 0) return { problem: 'must be more than 0 cubic feet' };
  if (value > MAX_CAPACITY_CUBIC_FEET) return { problem: `more than ${MAX_CAPACITY_CUBIC_FEET.toLocaleString('en-US')} cubic feet is not one box position` };
  return value;
}

function refuse(fileName: string, problems: LocationRowProblem[], what: string): AppError {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((each) => `Row ${each.row}, ${each.column}: ${each.reason}`);
  const more = problems.length > PROBLEMS_SHOWN ? `; and ${(problems.length - PROBLEMS_SHOWN).toLocaleString('en-US')} more` : '';
  const first = problems[0];
  return new AppError('invalid-input', `${fileName}: ${what}, so no position was added. ${shown.join('; ')}${more}. Fix the file and import it again.`, {
    file: fileName,
    sheet: first.sheet,
    row: first.row,
    field: first.column,
    problems,
  });
}

/**
 * The positions a file lists, or a refusal naming every bad row (by the file's row number and column) and every
 * position listed twice. Reads the first visible sheet with a heading row; other columns are ignored.
 */
export function locationsFromSheets(sheets: SheetTable[], fileName: string): ListedLocation[] {
  const visible = sheets.filter((sheet) => !sheet.hidden);
  const found = visible.map((table) => ({ table, headings: findHeadings(table) })).find((each) => each.headings !== null);
  if (!found || !found.headings) {
    throw new AppError(
      'invalid-input',
      `${fileName} has no heading row Transmittal recognises: it needs columns headed ${REQUIRED.map((column) => COLUMN_NAMES[column]).join(', ')} (and Room, if the building has several), one shelf position a row. Nothing was added.`,
      { file: fileName },
    );
  }
  const { table, headings } = found;
  const unread = new Set((table.formulasWithoutValue ?? []).map((cell) => `${cell.row}:${cell.column}`));
  const listed: ListedLocation[] = [];
  const problems: LocationRowProblem[] = [];
  let positions = 0;
  for (let index = headings.index + 1; index < table.rows.length; index += 1) {
    const cells = table.rows[index];
    const used = [...headings.columns.values()];
    if (used.every((cell) => isBlank(cells[cell] ?? null))) continue;
    const row = table.rowNumbers[index] ?? index + 1;
    const problem = (column: Column, reason: string) => problems.push({ sheet: table.name, row, column: COLUMN_NAMES[column], reason });
    positions += 1;
    if (positions > MAX_LOCATIONS_AT_ONCE) {
      throw new AppError(
        'invalid-input',
        `${fileName} lists more than ${MAX_LOCATIONS_AT_ONCE.toLocaleString('en-US')} positions, the most one import adds. Split it into smaller files. Nothing was added.`,
        { file: fileName, row },
      );
    }
    const address: LocationAddress = { building: '', room: '', row: '', bay: '', shelf: '', position: '' };
    let good = true;
    for (const column of ['building', 'room', 'row', 'bay', 'shelf', 'position'] as const) {
      const cell = headings.columns.get(column);
      if (cell === undefined) continue;
      if (unread.has(`${index}:${cell}`)) {
        problem(column, 'a formula with no saved value (open the file in a spreadsheet program and save it again)');
        good = false;
        continue;
      }
      const text = partText(cells[cell] ?? null);
      if (typeof text !== 'string') {
        problem(column, text.problem);
        good = false;
      } else if (text === '' && column !== 'room') {
        problem(column, 'empty');
        good = false;
      } else address[column] = text;
    }
    const capacityCell = headings.columns.get('capacity')!;
    const capacity = unread.has(`${index}:${capacityCell}`) ? { problem: 'a formula with no saved value' } : isBlank(cells[capacityCell] ?? null) ? { problem: 'empty' } : capacityOf(cells[capacityCell] ?? null);
    if (typeof capacity !== 'number') {
      problem('capacity', capacity.problem);
      good = false;
    }
    if (good) listed.push({ row, address, capacityCubicFeet: capacity as number });
  }
  if (problems.length > 0) throw refuse(fileName, problems, problems.length === 1 ? 'a row is not a shelf position' : `${problems.length.toLocaleString('en-US')} cells need fixing`);

  // The same test the database's UNIQUE makes: every part exactly as written.
  const firstRow = new Map<string, number>();
  for (const each of listed) {
    const key = JSON.stringify([each.address.building, each.address.room, each.address.row, each.address.bay, each.address.shelf, each.address.position]);
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, each.row);
    else problems.push({ sheet: table.name, row: each.row, column: 'Position', reason: `${locationInWords(each.address)} is listed on row ${earlier} too` });
  }
  if (problems.length > 0) throw refuse(fileName, problems, problems.length === 1 ? 'a position is listed twice' : 'positions are listed twice');
  if (listed.length === 0) throw new AppError('invalid-input', `${fileName} lists no shelf positions under its headings. Nothing was added.`, { file: fileName });
  return listed;
}

/** Adds the positions the file lists, as one recorded change; those already set up are counted, not changed. */
export function importLocations(context: CatalogContext, sheets: SheetTable[], fileName: string): { added: number; alreadyThere: number } {
  const listed = locationsFromSheets(sheets, fileName);
  const added = recordedChange(context, `Import ${listed.length.toLocaleString('en-US')} shelf positions from ${fileName}`, () => insertLocations(context, listed));
  return { added, alreadyThere: listed.length - added };
}
