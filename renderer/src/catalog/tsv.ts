// Reads the text a spreadsheet puts on the clipboard when rows are copied: cells separated by tabs, rows by CRLF
// (Excel), LF or CR; a cell holding a tab, line break or quote is wrapped in double quotes with its quotes doubled.
// Excel leaves other cells bare, so a bare cell may itself start with a quote ("Smith" file): a quoted reading is only
// taken when the closing quote ends the cell, otherwise the cell is read literally.

function isCellEnd(text: string, index: number): boolean {
  return index >= text.length || text[index] === '\t' || text[index] === '\n' || text[index] === '\r';
}

/** Tries to read a quoted cell starting at `start` (a quote). Returns the value and where the cell ends, or null. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      if (text[index + 1] === '"') {
        value += '"';
        index += 2;
        continue;
      }
      return isCellEnd(text, index + 1) ? { value, end: index + 1 } : null;
    }
    value += char;
    index += 1;
  }
  return null;
}

/** Rows of cells. One trailing line break (spreadsheets always add it) does not make an extra empty row. */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  while (true) {
    let value: string;
    const quoted = text[index] === '"' ? readQuoted(text, index) : null;
    if (quoted) {
      value = quoted.value;
      index = quoted.end;
    } else {
      let end = index;
      while (!isCellEnd(text, end)) end += 1;
      value = text.slice(index, end);
      index = end;
    }
    row.push(value);
    if (index >= text.length) {
      rows.push(row);
      break;
    }
    const separator = text[index];
    if (separator === '\t') {
      index += 1;
      continue;
    }
    // A line break: CRLF, LF or a lone CR all end the row.
    index += separator === '\r' && text[index + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (index >= text.length) break;
  }
  return rows;
}
