// CSV and tab-separated files as Excel and other programs save them: the text encoding guessed from the bytes, the
// delimiter from the first lines, and the cells split by RFC 4180's rules. SheetJS is not used for these: it turns
// "003" into 3 and "03/15/2019" into a date, which loses what the department wrote.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Bytes → text: a byte order mark decides; else UTF-16 recognised by its zero bytes, valid UTF-8, or Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 'le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'be'), encoding: 'utf-16be' };
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return { text: decodeUtf16(bytes, unmarked), encoding: unmarked === 'le' ? 'utf-16le' : 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: what Excel on Windows saves as "CSV" in Western Europe and the Americas.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// Bytes 0x80–0x9F, where Windows-1252 differs from Latin-1 (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned: kept as is).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decoded by hand: Node's TextDecoder('windows-1252') decodes as Latin-1, so € (0x80) and the curly quotes Excel
 * writes (0x91–0x94) would come out as invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const chars = new Array<string>(chunk.length);
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index];
      chars[index] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    text += chars.join('');
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  if (order === 'le') return new TextDecoder('utf-16le').decode(bytes);
  // Swapped by hand: 'utf-16be' needs Node built with full ICU, which some Electron builds are not.
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    swapped[index] = bytes[index + 1];
    swapped[index + 1] = bytes[index];
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/** Text in UTF-16 without a byte order mark has a zero in every other byte (for Latin text); other text has none. */
function utf16WithoutMark(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'be';
  return null;
}

/** Whether decoded text is really a binary file (a picture, a program, random bytes) read as if it were text. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return false;
  let strange = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) strange += 1;
  }
  return strange > Math.max(2, sample.length * 0.01);
}

export interface DelimitedText {
  delimiter: Delimiter;
  rows: string[][];
  /** The file's row number of each row (1-based; a quoted cell spanning lines is still one row). */
  rowNumbers: number[];
  /** The row whose quote is never closed: the rest of the file would otherwise vanish into one cell. */
  unclosedQuoteRow?: number;
  /** Set when reading stopped because the file holds more rows or cells than allowed. */
  exceeded?: 'rows' | 'cells';
}

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/**
 * Splits CSV text into rows of cells. Quotes follow RFC 4180 (a quoted cell may hold delimiters, line breaks and
 * doubled quotes); lines end with CR, LF or CRLF. A first line "sep=;" (Excel's own hint) sets the delimiter.
 */
export function parseDelimited(text: string, limits: { maxRows?: number; maxCells?: number } = {}): DelimitedText {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let firstRow = 1;
  let delimiter: Delimiter | undefined;
  const hint = /^sep=(.)\r?\n?/i.exec(body.slice(0, 8));
  if (hint && (DELIMITERS as string[]).includes(hint[1])) {
    delimiter = hint[1] as Delimiter;
    body = body.slice(hint[0].length);
    firstRow = 2;
  }
  delimiter ??= detectDelimiter(body);
  return splitRows(body, delimiter, firstRow, limits);
}

/** The candidate that splits the first lines into the same number of cells most often (then the most cells). */
export function detectDelimiter(text: string): Delimiter {
  const sample = splitSample(text.slice(0, 65_536));
  let best: { delimiter: Delimiter; steady: number; cells: number } = { delimiter: ',', steady: 0, cells: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = sample.map((line) => countOutsideQuotes(line, delimiter)).filter((count) => count > 0);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1);
    const [cells, steady] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (steady > best.steady || (steady === best.steady && cells > best.cells)) best = { delimiter, steady, cells };
  }
  return best.delimiter;
}

/** The first 20 non-empty lines, a quoted line break kept inside its line. */
function splitSample(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length && lines.length < 20; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (index > start) lines.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (lines.length < 20 && start < text.length) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count += 1;
  }
  return count;
}

function splitRows(text: string, delimiter: Delimiter, firstRow: number, limits: { maxRows?: number; maxCells?: number }): DelimitedText {
  const maxRows = limits.maxRows ?? Number.POSITIVE_INFINITY;
  const maxCells = limits.maxCells ?? Number.POSITIVE_INFINITY;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let row: string[] = [];
  let cells = 0;
  let index = 0;
  const length = text.length;
  const endRow = () => {
    rows.push(row);
    rowNumbers.push(firstRow + rowNumbers.length);
    cells += row.length;
    row = [];
  };
  while (index < length) {
    let cell: string;
    if (text[index] === '"') {
      const rowStarted = firstRow + rowNumbers.length;
      let value = '';
      let from = index + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return { delimiter, rows, rowNumbers, unclosedQuoteRow: rowStarted };
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheet programs do (`"a"b` → `ab`).
      const end = nextBreak(text, index, delimiter);
      cell = value + text.slice(index, end);
      index = end;
    } else {
      const end = nextBreak(text, index, delimiter);
      cell = text.slice(index, end);
      index = end;
    }
    row.push(cell);
    const char = text[index];
    if (char === delimiter) {
      index += 1;
      if (index === length) row.push('');
      continue;
    }
    if (char === '\r') index += text[index + 1] === '\n' ? 2 : 1;
    else if (char === '\n') index += 1;
    endRow();
    if (rows.length > maxRows) return { delimiter, rows, rowNumbers, exceeded: 'rows' };
    if (cells > maxCells) return { delimiter, rows, rowNumbers, exceeded: 'cells' };
  }
  if (row.length > 0) endRow();
  return { delimiter, rows, rowNumbers };
}

function nextBreak(text: string, from: number, delimiter: string): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === delimiter || char === '\n' || char === '\r') return index;
  }
  return text.length;
}
