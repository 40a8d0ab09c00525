// manifest.csv: the folder list for any tool that reads CSV. UTF-8 with a byte order mark (so Excel on Windows
// reads "Zoë" rather than "ZoÃ«"), RFC 4180 quoting, CRLF line ends, and no text a spreadsheet would run.
import type { Manifest } from './manifest';
import { folderColumns, folderRows, type CellValue } from './manifest-columns';
import { neutraliseFormula } from './spreadsheet-safety';

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, with its quotes doubled. */
export function csvField(value: CellValue): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function manifestToCsv(manifest: Manifest): Uint8Array {
  const lines = [folderColumns.map((column) => csvField(column.header)).join(',')];
  for (const row of folderRows(manifest)) lines.push(folderColumns.map((column) => csvField(column.value(row))).join(','));
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}
