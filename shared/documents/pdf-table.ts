// Tables for the PDFs. Each column is as wide as its content asks, the way a browser lays out a table: a column
// of short numbers or one left empty gives its room to the one with long titles, and codes and dates stay on one
// line while the table has room for them. Rows break across pages, the header repeating on each.
import { rgb } from 'pdf-lib';
import type { Faces, PageWriter } from './pdf-layout';
import { INK, MARGIN, RULE } from './pdf-page';
import { measureText, wrapText } from './pdf-text';
import { drawTexts } from './pdf-text-run';

export interface TableColumn {
  header: string;
  /** Share of the room left over once every column has all it asks for (only when the whole table fits). */
  weight: number;
  /** Codes and dates: printed on one line, never broken inside, as long as the table has room for them. */
  keepWhole?: boolean;
}

export interface TableOptions {
  size?: number;
  /** Drawn (bold) above the header again when the table continues on a new page. */
  continuedTitle?: string;
}

const PAD = 4;
/** The most of the table one unbreakable word or code may claim before it is broken instead. */
const WORD_SHARE = 0.4;
/** Rounding slack, so a cell measured to fit exactly is not wrapped by a last-digit difference. */
const SLACK = 0.01;
/** Fewest lines of a row taller than a page that may end a page. */
const ORPHAN_LINES = 3;

/**
 * Column widths (padding included) that add up to `tableWidth`. Each column asks for a least width (its header
 * unwrapped, and its widest word, or its widest cell when kept whole) and a most (every cell on one line). When all
 * the "most" widths fit, the rest is shared by weight; when the least ones fit, each column gets its least and the
 * room left is shared in proportion to how much more each would use (so the long titles get nearly all of it).
 * When even those do not fit, see below.
 */
export function columnWidths(faces: Faces, columns: TableColumn[], rows: string[][], size: number, tableWidth: number): number[] {
  const { regular, bold } = faces;
  const cap = tableWidth * WORD_SHARE;
  const headers: number[] = [];
  const words: number[] = [];
  const least: number[] = [];
  const most: number[] = [];
  columns.forEach((column, index) => {
    const header = Math.min(cap, measureText(bold, column.header, size).natural) + 2 * PAD + SLACK;
    let widest = 0;
    let longest = 0;
    let word = 0;
    for (const row of rows) {
      const { natural, widestWord } = measureText(regular, row[index] ?? '', size);
      longest = Math.max(longest, natural);
      word = Math.max(word, widestWord);
      widest = Math.max(widest, column.keepWhole ? natural : word);
    }
    headers.push(header);
    words.push(Math.max(header, Math.min(cap, word) + 2 * PAD + SLACK));
    least.push(Math.max(header, Math.min(cap, widest) + 2 * PAD + SLACK));
    most.push(Math.max(least[index], longest + 2 * PAD + SLACK));
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const share = (base: number[], room: number, parts: number[]) => {
    const total = sum(parts) || 1;
    return base.map((width, index) => width + (room * parts[index]) / total);
  };
  if (sum(most) <= tableWidth) return share(most, tableWidth - sum(most), columns.map((column) => column.weight));
  if (sum(least) <= tableWidth) return widen(faces, rows, size, least, most, tableWidth);
  // Too little room: cells kept whole break at their spaces first (a date span, never a code), then columns that
  // wrap shrink toward their header (a long word breaks).
  const whole = columns.map((column, index) => (column.keepWhole ? words[index] : least[index]));
  if (sum(whole) <= tableWidth) return share(whole, tableWidth - sum(whole), least.map((width, index) => width - whole[index]));
  const floor = columns.map((column, index) => (column.keepWhole ? words[index] : headers[index]));
  if (sum(floor) <= tableWidth) return share(floor, tableWidth - sum(floor), least.map((width, index) => width - floor[index]));
  return floor.map((width) => (width * tableWidth) / sum(floor));
}

/** Above this many rows only the proportional share is worked out (the balanced one wraps every cell many times). */
const BALANCE_ROWS = 200;

/**
 * Shares out the room above the least widths. With one column wanting more (a box list's titles) it gets it all.
 * With several (series title, retention, what happens then), the fewest lines any row needs is found first, each
 * column given just the width that keeps its cells within that many, so no single column is left to wrap a row
 * to many lines while another has room to spare; what is left then goes in proportion to what each still wants.
 */
function widen(faces: Faces, rows: string[][], size: number, least: number[], most: number[], tableWidth: number): number[] {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const proportional = (base: number[]) => {
    const room = tableWidth - sum(base);
    const wanted = sum(most.map((width, index) => width - base[index])) || 1;
    return base.map((width, index) => width + (room * (most[index] - width)) / wanted);
  };
  const wanting = least.map((_, index) => index).filter((index) => most[index] > least[index]);
  if (wanting.length <= 1 || rows.length > BALANCE_ROWS) return proportional(least);
  const linesAt = (index: number, width: number) =>
    Math.max(1, ...rows.map((row) => wrapText(faces.regular, row[index] ?? '', size, width - 2 * PAD - SLACK).length));
  const widthFor = (index: number, lines: number) => {
    let [low, high] = [least[index], most[index]];
    if (linesAt(index, low) <= lines) return low;
    for (let step = 0; step < 12; step += 1) {
      const middle = (low + high) / 2;
      if (linesAt(index, middle) <= lines) high = middle;
      else low = middle;
    }
    return high;
  };
  const atLeast = Math.max(...wanting.map((index) => linesAt(index, least[index])));
  const widthsFor = (lines: number) => least.map((width, index) => (wanting.includes(index) ? widthFor(index, lines) : width));
  // Allowing more lines never needs more width, so the fewest lines that fit is found by halving (a 3,000-character
  // cell wants hundreds of lines at its least width: trying each count in turn took seconds).
  let [low, high] = [1, atLeast];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (sum(widthsFor(middle)) <= tableWidth) high = middle;
    else low = middle + 1;
  }
  return low < atLeast ? proportional(widthsFor(low)) : proportional(least);
}

export function drawTable(writer: PageWriter, columns: TableColumn[], rows: string[][], options: TableOptions & { size: number }): void {
  const { regular, bold } = writer.faces;
  const { size } = options;
  const line = writer.lineHeight(size);
  const widths = columnWidths(writer.faces, columns, rows, size, writer.width);
  const xs = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const wrapRow = (cells: string[], face: typeof regular) =>
    columns.map((_, index) => wrapText(face, cells[index] ?? '', size, widths[index] - 2 * PAD));
  const header = wrapRow(columns.map((column) => column.header), bold);
  const headerHeight = Math.max(...header.map((cell) => cell.length)) * line + 2 * PAD;
  const continued = options.continuedTitle ? wrapText(bold, `${options.continuedTitle} (continued)`, size, writer.width) : [];
  const rowHeight = (cells: string[][]) => Math.max(1, ...cells.map((cell) => cell.length)) * line + 2 * PAD;

  const drawCells = (cells: string[][], from: number, count: number, face: typeof regular) => {
    const top = writer.y;
    drawTexts(writer.page, face, size, INK,
      cells.flatMap((cell, c) => cell.slice(from, from + count).map((text, l) => ({ text, x: xs[c] + PAD, y: top - PAD - size - l * line }))));
  };
  const drawHeader = (isContinued: boolean) => {
    if (isContinued) {
      for (const text of continued) {
        writer.drawLine(text, MARGIN, size, bold);
        writer.y -= line;
      }
      if (continued.length > 0) writer.y -= 2;
    }
    writer.page.drawRectangle({ x: MARGIN, y: writer.y - headerHeight, width: writer.width, height: headerHeight, color: rgb(0.92, 0.92, 0.92) });
    drawCells(header, 0, Infinity, bold);
    writer.y -= headerHeight;
  };

  const wrapped = rows.map((row) => wrapRow(row, regular));
  const freshPageRoom = writer.pageRoom - headerHeight - (continued.length > 0 ? continued.length * line + 2 : 0);
  // The header never ends a page alone: it goes with the whole first row, or its first lines if it must split.
  const first = wrapped.length > 0 ? rowHeight(wrapped[0]) : line;
  writer.ensure(headerHeight + (first <= writer.pageRoom - headerHeight ? first : ORPHAN_LINES * line + 2 * PAD));
  drawHeader(false);
  for (const cells of wrapped) {
    let remaining = Math.max(1, ...cells.map((cell) => cell.length));
    let from = 0;
    // A row that fits a page moves whole; one taller than a page starts here only with a few of its lines.
    const room = writer.y - writer.bottom - 2 * PAD;
    if (rowHeight(cells) > room + 2 * PAD && (rowHeight(cells) <= freshPageRoom || room < ORPHAN_LINES * line)) {
      writer.newPage();
      drawHeader(true);
    }
    while (remaining > 0) {
      let fit = Math.floor((writer.y - writer.bottom - 2 * PAD) / line);
      if (fit < 1) {
        writer.newPage();
        drawHeader(true);
        fit = Math.floor((writer.y - writer.bottom - 2 * PAD) / line);
      }
      const count = Math.min(fit, remaining);
      drawCells(cells, from, count, regular);
      writer.y -= count * line + 2 * PAD;
      writer.page.drawLine({ start: { x: MARGIN, y: writer.y }, end: { x: MARGIN + writer.width, y: writer.y }, thickness: 0.4, color: RULE });
      from += count;
      remaining -= count;
    }
  }
  writer.y -= 6;
}
