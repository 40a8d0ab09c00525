// manifest.xlsx: the manifest as a workbook people at either end can sort and filter, one sheet per level
// (Transfer, Boxes, Folders). Values come from manifest.json unchanged, except that nothing can run as a formula.
import * as XLSX from 'xlsx';
import type { Manifest } from './manifest';
import { boxColumns, DAY_DATE, folderColumns, folderRows, transferFacts, UTC_TIMESTAMP, type CellValue, type Column, type ColumnKind } from './manifest-columns';
import { neutraliseFormula } from './spreadsheet-safety';

const DATE_FORMAT = 'yyyy-mm-dd';
const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Excel refuses longer text in a cell; the full value stays in manifest.json. */
const EXCEL_TEXT_LIMIT = 32_767;
const DEFAULT_MAX_WIDTH = 40;

/** A full date as a real date (UTC midnight, which SheetJS turns into the serial day number); anything else as text. */
function toCell(value: CellValue, kind: ColumnKind): XLSX.CellObject | null {
  if (typeof value === 'number') return { t: 'n', v: value };
  if (value === '') return null;
  if (kind === 'date' && DAY_DATE.test(value)) {
    const [year, month, day] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    // "2019-02-30" would silently become March 2nd: keep an impossible date as the text it is.
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return { t: 'd', v: date, z: DATE_FORMAT };
  }
  if (kind === 'timestamp' && UTC_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) {
    // To the second, as the cell shows it; the exact instant stays in manifest.json.
    return { t: 'd', v: new Date(Math.round(Date.parse(value) / 1000) * 1000), z: TIMESTAMP_FORMAT };
  }
  const text = value.length > EXCEL_TEXT_LIMIT ? `${value.slice(0, EXCEL_TEXT_LIMIT - 1)}…` : value;
  // Type 's' always: the writer then never infers a formula, a number or a date from the text. A line break in a
  // cell is LF in Excel; a CR would be stored as the escape "_x000d_", which some readers show literally.
  return { t: 's', v: neutraliseFormula(text).replace(/\r\n?/g, '\n') };
}

function displayWidth(value: CellValue, kind: ColumnKind): number {
  if (typeof value === 'number') return String(value).length;
  if (kind === 'date' && DAY_DATE.test(value)) return DATE_FORMAT.length;
  if (kind === 'timestamp' && UTC_TIMESTAMP.test(value)) return TIMESTAMP_FORMAT.length;
  if (!/[\r\n]/.test(value)) return value.length;
  // A line break wraps in the cell: the longest line decides the width.
  return Math.max(0, ...value.split(/\r\n|\r|\n/).map((line) => line.length));
}

interface SheetColumn {
  header: string;
  kind: ColumnKind;
  maxWidth?: number;
}

function buildSheet(columns: SheetColumn[], rows: CellValue[][], autoFilter: boolean): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  const widths = columns.map((column) => column.header.length);
  columns.forEach((column, c) => {
    sheet[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: neutraliseFormula(column.header) };
  });
  rows.forEach((row, index) => {
    row.forEach((value, c) => {
      const column = columns[c];
      const cell = toCell(value, column.kind);
      if (cell) sheet[XLSX.utils.encode_cell({ r: index + 1, c })] = cell;
      widths[c] = Math.max(widths[c], displayWidth(value, column.kind));
    });
  });
  const range = { s: { r: 0, c: 0 }, e: { r: rows.length, c: columns.length - 1 } };
  sheet['!ref'] = XLSX.utils.encode_range(range);
  sheet['!cols'] = widths.map((width, c) => ({ wch: Math.min(Math.max(width, 6), columns[c].maxWidth ?? DEFAULT_MAX_WIDTH) + 2 }));
  if (autoFilter) sheet['!autofilter'] = { ref: XLSX.utils.encode_range(range) };
  return sheet;
}

function tableSheet<Row>(columns: Column<Row>[], rows: Row[]): XLSX.WorkSheet {
  return buildSheet(columns, rows.map((row) => columns.map((column) => column.value(row))), true);
}

function transferSheet(manifest: Manifest, fingerprint: string): XLSX.WorkSheet {
  const facts = transferFacts(manifest, fingerprint);
  // One kind per row here, not per column: a key/value sheet mixes numbers, dates and text in its Value column.
  const sheet = buildSheet(
    [
      { header: 'Item', kind: 'text', maxWidth: 48 },
      { header: 'Value', kind: 'text', maxWidth: 70 },
    ],
    facts.map(([label, value]) => [label, value]),
    false,
  );
  facts.forEach(([, value, kind], index) => {
    const address = XLSX.utils.encode_cell({ r: index + 1, c: 1 });
    const cell = toCell(value, kind);
    if (cell) sheet[address] = cell;
  });
  return sheet;
}

/** SheetJS (community edition) writes no frozen panes: add the pane to each worksheet's XML after the fact. */
function freezeHeaderRows(xlsx: Uint8Array): Uint8Array {
  const container = XLSX.CFB.read(xlsx, { type: 'array' });
  const paths: string[] = container.FullPaths;
  paths.forEach((path, index) => {
    if (!/\/xl\/worksheets\/sheet\d+\.xml$/.test(path)) return;
    const entry = container.FileIndex[index];
    const xml = new TextDecoder().decode(entry.content);
    const frozen = xml.replace(
      /<sheetView ([^>]*?)\/>/,
      '<sheetView $1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>',
    );
    if (frozen === xml) throw new Error(`Could not freeze the header row of ${path}: the sheet view was not found`);
    entry.content = new TextEncoder().encode(frozen);
    entry.size = entry.content.length;
  });
  const zipped: ArrayLike<number> = XLSX.CFB.write(container, { fileType: 'zip', type: 'array', compression: true });
  return zipped instanceof Uint8Array ? zipped : Uint8Array.from(zipped);
}

export function manifestToXlsx(manifest: Manifest, fingerprint: string): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, transferSheet(manifest, fingerprint), 'Transfer');
  XLSX.utils.book_append_sheet(workbook, tableSheet(boxColumns, manifest.boxes), 'Boxes');
  XLSX.utils.book_append_sheet(workbook, tableSheet(folderColumns, folderRows(manifest)), 'Folders');
  workbook.Props = { Title: `Transfer ${manifest.transfer.number}`, Author: manifest.department.name };
  // bookSST: text goes to the shared-string table as type "s" cells rather than formula-result "str" cells.
  // Stored uncompressed here: freezeHeaderRows zips the parts again, compressed, and once is enough.
  const written: ArrayBuffer = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', bookSST: true, compression: false });
  return freezeHeaderRows(new Uint8Array(written));
}
