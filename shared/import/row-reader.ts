// One row of a mapped sheet, read field by field: each reader's problem is recorded against the column as the file
// heads it, and values with no place of their own become note lines ("Barcode: 001234") so nothing is lost.
import { fieldLabels } from './import-model';
import { readText } from './read-cells';
import type { CellReading, CellValue, ColumnMapping, RowProblem, SheetTable } from './types';

/** The problem of a cell holding a formula the file saved no value for: the person can have it calculated. */
export const FORMULA_WITHOUT_VALUE =
  'A formula with no value — open the file in your spreadsheet program, let it calculate, save, and import again';

const NO_COLUMNS: ReadonlySet<number> = new Set();

/** Row index → the columns of that row holding a formula with no saved value, built once per sheet. */
export function formulasWithoutValueByRow(table: SheetTable): (rowIndex: number) => ReadonlySet<number> {
  const byRow = new Map<number, Set<number>>();
  for (const { row, column } of table.formulasWithoutValue ?? []) {
    const columns = byRow.get(row) ?? new Set<number>();
    columns.add(column);
    byRow.set(row, columns);
  }
  return (rowIndex) => byRow.get(rowIndex) ?? NO_COLUMNS;
}

export interface MappedColumn {
  index: number;
  heading: string;
}

/** Field → the columns mapped to it, left to right (a person may map two columns to Notes). */
export function columnsByField<Field extends string>(mapping: ColumnMapping<Field>): Map<Field, MappedColumn[]> {
  const byField = new Map<Field, MappedColumn[]>();
  for (const column of [...mapping.columns].sort((a, b) => a.index - b.index)) {
    if (column.field === null) continue;
    byField.set(column.field, [...(byField.get(column.field) ?? []), { index: column.index, heading: column.heading }]);
  }
  return byField;
}

/** The column's name in messages: its heading in the file, else what the person mapped it to. */
export const columnName = (column: MappedColumn, field: string) =>
  column.heading.trim() || (fieldLabels as Record<string, string>)[field] || field;

interface FilledCell {
  column: MappedColumn;
  value: CellValue;
  text: string;
}

export class RowReader<Field extends string> {
  readonly problems: RowProblem[] = [];
  readonly notes: string[] = [];
  /** Each mapped field's filled cells, read once: a 100,000-row list asks for them many times per row. */
  private readonly filled = new Map<Field, FilledCell[]>();
  /** Fields with a cell holding a formula the file saved no value for (each already a problem). */
  private readonly unvalued = new Set<Field>();
  /** Nothing in any mapped column. */
  readonly blank: boolean;

  constructor(
    row: CellValue[],
    readonly rowNumber: number,
    private readonly sheet: string,
    private readonly columns: Map<Field, MappedColumn[]>,
    formulasWithoutValue: ReadonlySet<number> = NO_COLUMNS,
  ) {
    let blank = true;
    for (const [field, fieldColumns] of columns) {
      const cells: FilledCell[] = [];
      for (const column of fieldColumns) {
        const value = row[column.index] ?? null;
        if (formulasWithoutValue.has(column.index)) {
          // Its value is unknown, not empty: the row is reported, never read as if the cell were blank.
          this.unvalued.add(field);
          this.problem(columnName(column, field), FORMULA_WITHOUT_VALUE);
          blank = false;
        }
        if (value === null) continue;
        const text = readText(value);
        if (text !== '') cells.push({ column, value, text });
      }
      if (cells.length > 0) {
        this.filled.set(field, cells);
        blank = false;
      }
    }
    this.blank = blank;
  }

  has(field: Field): boolean {
    return this.columns.has(field);
  }

  /** A cell of the field holds a formula with no saved value (already reported): its emptiness says nothing. */
  lacksValue(field: Field): boolean {
    return this.unvalued.has(field);
  }

  /** The first column of the field, for naming it in a problem. */
  columnOf(field: Field): string {
    const column = this.columns.get(field)?.[0];
    return column ? columnName(column, field) : ((fieldLabels as Record<string, string>)[field] ?? field);
  }

  /** The field's filled cells, left to right. */
  cells(field: Field): readonly FilledCell[] {
    return this.filled.get(field) ?? [];
  }

  /** The field's text; several columns mapped to one field are joined with `separator`. */
  text(field: Field, separator = '\n'): string {
    const cells = this.filled.get(field);
    if (!cells) return '';
    return cells.length === 1 ? cells[0].text : cells.map((cell) => cell.text).join(separator);
  }

  /** The first filled cell of the field through `reader`; undefined when empty or unreadable (a problem is then recorded). */
  read<T>(field: Field, reader: (cell: CellValue) => CellReading<T>): T | undefined {
    const first = this.filled.get(field)?.[0];
    if (!first) return undefined;
    const reading = reader(first.value);
    if (!reading.ok) {
      this.problem(columnName(first.column, field), reading.reason);
      return undefined;
    }
    if (reading.note) this.note(field, first.text);
    return reading.value;
  }

  problem(column: string, reason: string): void {
    this.problems.push({ sheet: this.sheet, row: this.rowNumber, column, reason });
  }

  /** A note line "Heading: value as written" for `value`, or for each filled cell of the field. */
  note(field: Field, value?: string): void {
    const cells = this.cells(field);
    if (value !== undefined) {
      const column = cells[0]?.column ?? this.columns.get(field)?.[0];
      if (column) this.notes.push(`${columnName(column, field)}: ${value}`);
      return;
    }
    for (const cell of cells) this.notes.push(`${columnName(cell.column, field)}: ${cell.text}`);
  }
}
