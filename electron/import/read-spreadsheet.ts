// Reads a box list or retention schedule file (XLSX, XLS, ODS, CSV or tab-separated text) into plain tables, or
// refuses it with a message naming the file and what is wrong. Hostile files are stopped before SheetJS sees them
// (size, zip bombs, truncation); anything SheetJS still chokes on becomes the same kind of message, never a crash.
import * as XLSX from 'xlsx';
import { AppError } from '../../shared/domain/errors';
import type { SheetTable } from '../../shared/import/types';
import { decodeText, looksBinary, parseDelimited } from './decode-text';
import { fileKind, oleSectorSize } from './file-kind';
import { DEFAULT_IMPORT_LIMITS, formatBytes, formatCount, type ImportLimits } from './limits';
import { odsVisibility } from './ods-visibility';
import { workbookTables } from './sheet-table';
import { checkZip, readStoredText, zipContent, type ZipContent } from './zip-check';
import { checkWorksheets } from './sheet-xml-check';

const CHOOSE = 'Choose an Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file.';

const refuse = (fileName: string, message: string) => new AppError('invalid-input', message, { file: fileName });

const notSpreadsheet = (fileName: string, looksLike: string) =>
  refuse(fileName, `${fileName} is not a spreadsheet Transmittal can read (it looks like ${looksLike}). ${CHOOSE}`);

const damaged = (fileName: string) =>
  refuse(fileName, `${fileName} is truncated or damaged: Transmittal cannot read its sheets. Open it in your spreadsheet program, save a fresh copy, and try again.`);

const ZIP_LOOKS_LIKE: Record<Exclude<ZipContent, 'xlsx' | 'ods'>, string> = {
  word: 'a Word document',
  powerpoint: 'a PowerPoint presentation',
  'opendocument-other': 'an OpenDocument text or presentation, not a spreadsheet',
  zip: 'a zip archive of other files',
};

/** The file's name without its folders (messages name the file, never a path). */
const baseName = (fileName: string) => fileName.split(/[\\/]/).pop()?.trim() || 'The file';

export function readSpreadsheet(bytes: Uint8Array, fileName: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): SheetTable[] {
  const name = baseName(fileName);
  if (bytes.length === 0) throw refuse(name, `${name} is empty: there is nothing in it to import.`);
  if (bytes.length > limits.maxFileBytes) {
    throw refuse(
      name,
      `${name} is ${formatBytes(bytes.length)}; the largest file Transmittal imports is ${formatBytes(limits.maxFileBytes)}. Split the list into smaller files, or save it without pictures and formatting.`,
    );
  }
  try {
    const kind = fileKind(bytes);
    switch (kind.kind) {
      case 'zip':
        return readZipWorkbook(bytes, name, limits);
      case 'ole':
        return readCompoundWorkbook(bytes, name, limits);
      case 'other':
        throw notSpreadsheet(name, kind.looksLike);
      case 'text':
        return readTextFile(bytes, name, limits);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // SheetJS threw (or ran out of stack) on a file that passed every check: to the person it is a damaged file.
    throw damaged(name);
  }
}

function sheetJsOptions(limits: ImportLimits): XLSX.ParsingOptions {
  return {
    type: 'array',
    dense: true,
    cellDates: true,
    cellNF: true,
    // Only for the hidden flag of columns; HTML and formatted text are never needed (formulas: see FORMULAS_SEEN).
    cellStyles: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    bookVBA: false,
    // SheetJS stops reading a sheet here, so a sheet of a million rows costs no more than the limit.
    sheetRows: limits.maxRows + 1,
  };
}

/**
 * For .xlsx only: formulas are read so a formula with no saved value (left for the spreadsheet program to calculate)
 * is told from an empty cell. SheetJS drops such a cell unless stubs are kept (it reads the missing value as 0, then
 * as empty); the stubs of formatted empty cells read as empty. XLS and ODS, as spreadsheet programs save them, hold
 * every formula's value.
 */
const FORMULAS_SEEN: XLSX.ParsingOptions = { cellFormula: true, sheetStubs: true };

function readZipWorkbook(bytes: Uint8Array, name: string, limits: ImportLimits): SheetTable[] {
  const entries = checkZip(bytes, name, limits);
  const content = zipContent(entries, readStoredText(bytes, entries, 'mimetype'));
  if (content !== 'xlsx' && content !== 'ods') throw notSpreadsheet(name, ZIP_LOOKS_LIKE[content]);
  if (content === 'xlsx') checkWorksheets(bytes, entries, name);
  const book = XLSX.read(bytes, content === 'xlsx' ? { ...sheetJsOptions(limits), ...FORMULAS_SEEN } : sheetJsOptions(limits));
  if (book.SheetNames.length === 0) throw damaged(name);
  return workbookTables(book, name, limits, content === 'ods' ? odsVisibility(bytes) : undefined);
}

/** XLS (BIFF) lives in a compound file, as do Word documents and password-protected workbooks. */
function readCompoundWorkbook(bytes: Uint8Array, name: string, limits: ImportLimits): SheetTable[] {
  const sectorSize = oleSectorSize(bytes);
  // Excel always writes whole sectors: a length that is not a multiple of one means the file was cut short.
  if (sectorSize === null || bytes.length % sectorSize !== 0) throw damaged(name);
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, sheetJsOptions(limits));
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/encrypt|password/i.test(message)) {
      throw refuse(name, `${name} is protected with a password. Save a copy without a password and import that.`);
    }
    if (/workbook stream/i.test(message)) throw notSpreadsheet(name, 'a Word or other Office document');
    throw damaged(name);
  }
  if (book.SheetNames.length === 0) throw damaged(name);
  return workbookTables(book, name, limits);
}

function readTextFile(bytes: Uint8Array, name: string, limits: ImportLimits): SheetTable[] {
  const { text } = decodeText(bytes);
  if (looksBinary(text)) throw notSpreadsheet(name, 'binary data, neither a spreadsheet nor text');
  if (text.replace(/^\ufeff/, '').trim() === '') throw refuse(name, `${name} is empty: there is nothing in it to import.`);
  if (/^\ufeff?\s*</.test(text)) return readMarkup(text, name, limits);

  const parsed = parseDelimited(text, { maxRows: limits.maxRows, maxCells: limits.maxCells });
  if (parsed.unclosedQuoteRow !== undefined) {
    throw refuse(
      name,
      `${name} row ${parsed.unclosedQuoteRow} opens a quote (") that is never closed, so the rest of the file would end up in one cell. Fix the quotes in that row and try again.`,
    );
  }
  if (parsed.exceeded) {
    const limit = parsed.exceeded === 'rows' ? limits.maxRows : limits.maxCells;
    throw refuse(name, `${name} holds more than ${formatCount(limit)} ${parsed.exceeded === 'rows' ? 'rows' : 'filled cells'}, the most one import reads. Split it into smaller files and import them one by one.`);
  }
  const rows = parsed.rows.map((row) => {
    const cells = row.map((cell) => (cell === '' ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  let last = rows.length - 1;
  while (last >= 0 && rows[last].length === 0) last -= 1;
  // Spreadsheet programs name a CSV file's one sheet after the file.
  const sheetName = name.replace(/\.[^.]*$/, '') || 'Sheet1';
  return [{ name: sheetName, hidden: false, rows: rows.slice(0, last + 1), rowNumbers: parsed.rowNumbers.slice(0, last + 1), hiddenColumns: [] }];
}

/** "Excel" files that are really a web page's table or an XML Spreadsheet 2003, as many older systems export. */
function readMarkup(text: string, name: string, limits: ImportLimits): SheetTable[] {
  let book: XLSX.WorkBook;
  try {
    // raw: cells stay text as written ("003" is not turned into 3).
    book = XLSX.read(text, { ...sheetJsOptions(limits), type: 'string', raw: true });
  } catch {
    throw notSpreadsheet(name, 'a web page or XML document without a table');
  }
  const tables = workbookTables(book, name, limits);
  if (tables.every((table) => table.rows.length === 0)) throw notSpreadsheet(name, 'a web page or XML document without a table');
  return tables;
}
