// A top-to-bottom writer for US Letter pages: paragraphs that wrap, headings kept with what follows, tables that
// break across pages with their header repeated, and a footer on every page once the page count is known.
import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { wrapText, type TextFace } from './pdf-text';
import { drawTexts } from './pdf-text-run';

export const LETTER: [number, number] = [612, 792];
export const MARGIN = 54;
/** Body text size: readable at 100% zoom. */
export const BODY_SIZE = 10.5;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.35, 0.35, 0.35);
export const RULE = rgb(0.75, 0.75, 0.75);
const FOOTER_SPACE = 36;
const LEADING = 1.32;

export interface Faces {
  regular: TextFace;
  bold: TextFace;
}

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  weight: number;
}

export interface TableOptions {
  size?: number;
  /** Drawn (bold) above the header again when the table continues on a new page. */
  continuedTitle?: string;
}

export class PageWriter {
  page!: PDFPage;
  y = 0;
  readonly width = LETTER[0] - 2 * MARGIN;

  constructor(
    readonly doc: PDFDocument,
    readonly faces: Faces,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(LETTER);
    this.y = LETTER[1] - MARGIN;
  }

  get bottom(): number {
    return MARGIN + FOOTER_SPACE - 18;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** Draws printable text (already wrapped) with its baseline a line below the cursor. */
  drawLine(text: string, x: number, size: number, face: TextFace, color = INK): void {
    if (text !== '') drawTexts(this.page, face.font, size, color, [{ text, x, y: this.y - size }]);
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; indent?: number; color?: typeof INK } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const face = options.bold ? this.faces.bold : this.faces.regular;
    const indent = options.indent ?? 0;
    for (const line of wrapText(face, text, size, this.width - indent)) {
      this.ensure(this.lineHeight(size));
      this.drawLine(line, MARGIN + indent, size, face, options.color);
      this.y -= this.lineHeight(size);
    }
  }

  bullets(items: string[], size = BODY_SIZE): void {
    const indent = 14;
    for (const item of items) {
      const lines = wrapText(this.faces.regular, item, size, this.width - indent);
      lines.forEach((line, index) => {
        this.ensure(this.lineHeight(size));
        if (index === 0) this.drawLine('•', MARGIN + 3, size, this.faces.regular);
        this.drawLine(line, MARGIN + indent, size, this.faces.regular);
        this.y -= this.lineHeight(size);
      });
      this.y -= 2;
    }
  }

  /** A section heading, moved to the next page if the first `keepWith` points after it would not fit with it. */
  heading(text: string, size = 13.5, keepWith = this.lineHeight(BODY_SIZE) * 3): void {
    this.ensure(size * 1.6 + 6 + keepWith);
    this.y -= 6;
    this.drawLine(this.faces.bold.printable(text), MARGIN, size, this.faces.bold);
    this.y -= size * 1.45;
  }

  /** "Label: value" rows in two columns. */
  facts(rows: [string, string][], labelWidth = 120, size = BODY_SIZE): void {
    for (const [label, value] of rows) {
      const lines = wrapText(this.faces.regular, value, size, this.width - labelWidth);
      lines.forEach((line, index) => {
        this.ensure(this.lineHeight(size));
        if (index === 0) this.drawLine(this.faces.bold.printable(label), MARGIN, size, this.faces.bold);
        this.drawLine(line, MARGIN + labelWidth, size, this.faces.regular);
        this.y -= this.lineHeight(size);
      });
    }
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.6, color: RULE });
  }

  /**
   * A table whose cells wrap. A row moves whole to the next page when it fits there; a row taller than a page
   * (a title of thousands of characters) is split line by line. The header repeats on every page it spans.
   */
  table(columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
    const size = options.size ?? BODY_SIZE;
    const line = this.lineHeight(size);
    const pad = 4;
    const total = columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = columns.map((column) => (column.weight / total) * this.width);
    const xs = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
    const wrapRow = (cells: string[], face: TextFace) =>
      cells.map((cell, index) => wrapText(face, cell, size, widths[index] - 2 * pad));
    const header = wrapRow(columns.map((column) => column.header), this.faces.bold);
    const headerHeight = Math.max(...header.map((cell) => cell.length)) * line + 2 * pad;

    const drawHeader = (continued: boolean) => {
      if (continued && options.continuedTitle) {
        this.drawLine(this.faces.bold.printable(`${options.continuedTitle} (continued)`), MARGIN, size, this.faces.bold);
        this.y -= line + 2;
      }
      this.page.drawRectangle({ x: MARGIN, y: this.y - headerHeight, width: this.width, height: headerHeight, color: rgb(0.92, 0.92, 0.92) });
      const top = this.y;
      drawTexts(this.page, this.faces.bold.font, size, INK,
        header.flatMap((cell, c) => cell.map((text, l) => ({ text, x: xs[c] + pad, y: top - pad - size - l * line }))));
      this.y -= headerHeight;
    };

    this.ensure(headerHeight + line * 2 + 2 * pad);
    drawHeader(false);
    const freshPageRoom = LETTER[1] - MARGIN - this.bottom - headerHeight - line - 2;
    for (const row of rows) {
      const cells = wrapRow(row, this.faces.regular);
      let remaining = Math.max(1, ...cells.map((cell) => cell.length));
      let from = 0;
      if (remaining * line + 2 * pad > this.y - this.bottom && remaining * line + 2 * pad <= freshPageRoom) {
        this.newPage();
        drawHeader(true);
      }
      while (remaining > 0) {
        let fit = Math.floor((this.y - this.bottom - 2 * pad) / line);
        if (fit < 1) {
          this.newPage();
          drawHeader(true);
          fit = Math.floor((this.y - this.bottom - 2 * pad) / line);
        }
        const count = Math.min(fit, remaining);
        const top = this.y;
        drawTexts(this.page, this.faces.regular.font, size, INK,
          cells.flatMap((cell, c) => cell.slice(from, from + count).map((text, l) => ({ text, x: xs[c] + pad, y: top - pad - size - l * line }))));
        this.y -= count * line + 2 * pad;
        this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.4, color: RULE });
        from += count;
        remaining -= count;
      }
    }
    this.y -= 6;
  }
}

/** "page X of Y" and the rest of the footer on every page, drawn last when the page count is known. */
export function drawFooters(doc: PDFDocument, face: TextFace, left: (page: number, pages: number) => string, right: string): void {
  const pages = doc.getPages();
  const size = 8.5;
  pages.forEach((page, index) => {
    const y = MARGIN - 24;
    page.drawLine({ start: { x: MARGIN, y: y + 12 }, end: { x: LETTER[0] - MARGIN, y: y + 12 }, thickness: 0.4, color: RULE });
    const text = face.printable(right);
    drawTexts(page, face.font, size, MUTED, [
      { text: face.printable(left(index + 1, pages.length)), x: MARGIN, y },
      { text, x: LETTER[0] - MARGIN - face.width(text, size), y },
    ]);
  });
}
