// A top-to-bottom writer for US Letter pages: paragraphs that wrap, headings kept with what follows, tables that
// break across pages with their header repeated, and a footer on every page once the page count is known. Nothing
// is drawn where something else already is: every text wraps in its own column, and a line that does not fit on a
// page moves to the next one.
import { degrees, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { BODY_SIZE, INK, LETTER, MARGIN, MUTED, RULE } from './pdf-page';
import { drawTable, type TableColumn, type TableOptions } from './pdf-table';
import { clampLines, fitLine, wrapText, type TextFace } from './pdf-text';
import { drawTexts } from './pdf-text-run';

export { BODY_SIZE, INK, LETTER, MARGIN, MUTED, RULE } from './pdf-page';
export type { TableColumn, TableOptions } from './pdf-table';

const FOOTER_SPACE = 36;
const LEADING = 1.32;
const DRAFT_MARK = 'DRAFT · not sent: its contents, and so its fingerprint, can still change';

export interface Faces {
  regular: TextFace;
  bold: TextFace;
}

export interface WriterOptions {
  /** A draft says so on every page: a line at the top, and a light diagonal DRAFT drawn as a shape under the text. */
  draft?: boolean;
}

/** Something drawn only together with what follows it (a heading, a box's title), so it never ends a page alone. */
interface KeptBlock {
  height: number;
  /** How much of what follows must fit on the same page. */
  keepWith: number;
  draw(): void;
}

export class PageWriter {
  page!: PDFPage;
  y = 0;
  readonly width = LETTER[0] - 2 * MARGIN;
  readonly top = LETTER[1] - MARGIN;
  private kept: KeptBlock[] = [];
  private draftOutline: { path: string; width: number } | null = null;

  constructor(
    readonly doc: PDFDocument,
    readonly faces: Faces,
    readonly options: WriterOptions = {},
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(LETTER);
    this.y = this.top;
    if (this.options.draft) drawDraftMarks(this.page, this.faces, (this.draftOutline ??= this.faces.bold.outline('DRAFT')));
  }

  get bottom(): number {
    return MARGIN + FOOTER_SPACE - 18;
  }

  /** The most a page holds below its top margin. */
  get pageRoom(): number {
    return this.top - this.bottom;
  }

  /**
   * Starts a new page unless `height` points still fit on this one; first draws what is kept with the content that
   * follows (headings), on the same page as its first `height` points. A page is never left empty.
   */
  ensure(height: number): void {
    if (this.kept.length > 0) {
      const kept = this.kept;
      this.kept = [];
      const keptHeight = kept.reduce((sum, block) => sum + block.height, 0);
      const keepWith = Math.max(height, ...kept.map((block) => block.keepWith));
      if (this.y - keptHeight - keepWith < this.bottom && this.y < this.top) this.newPage();
      for (const block of kept) block.draw();
    }
    if (this.y - height < this.bottom && this.y < this.top) this.newPage();
  }

  /** Draws `draw` (which moves the cursor down by `height`) only with the next `keepWith` points of content. */
  keepWithNext(height: number, draw: () => void, keepWith = 0): void {
    this.kept.push({ height, keepWith, draw });
  }

  space(points: number): void {
    if (this.kept.length > 0) this.keepWithNext(points, () => { this.y -= points; });
    else this.y -= points;
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** Draws printable text (already wrapped) with its baseline a line below the cursor. */
  drawLine(text: string, x: number, size: number, face: TextFace, color = INK): void {
    if (this.kept.length > 0) this.ensure(this.lineHeight(size));
    if (text !== '') drawTexts(this.page, face, size, color, [{ text, x, y: this.y - size }]);
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

  /** A section heading, drawn only on the page where the first `keepWith` points after it fit too. */
  heading(text: string, size = 13.5, keepWith = this.lineHeight(BODY_SIZE) * 3): void {
    const lines = wrapText(this.faces.bold, text, size, this.width);
    const line = size * 1.45;
    this.keepWithNext(6 + lines.length * line, () => {
      this.y -= 6;
      for (const text of lines) {
        drawTexts(this.page, this.faces.bold, size, INK, [{ text, x: MARGIN, y: this.y - size }]);
        this.y -= line;
      }
    }, keepWith);
  }

  /** "Label: value" rows in two columns; a label too long for its column wraps in it. */
  facts(rows: [string, string][], labelWidth = 120, size = BODY_SIZE): void {
    const gap = 8;
    for (const [label, value] of rows) {
      const labels = wrapText(this.faces.bold, label, size, labelWidth - gap);
      const values = wrapText(this.faces.regular, value, size, this.width - labelWidth);
      for (let index = 0; index < Math.max(labels.length, values.length); index += 1) {
        this.ensure(this.lineHeight(size));
        if (index < labels.length) this.drawLine(labels[index], MARGIN, size, this.faces.bold);
        if (index < values.length) this.drawLine(values[index], MARGIN + labelWidth, size, this.faces.regular);
        this.y -= this.lineHeight(size);
      }
    }
  }

  rule(): void {
    if (this.kept.length > 0) this.ensure(0);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.6, color: RULE });
  }

  /**
   * A table whose cells wrap, its columns as wide as their content asks (see pdf-table.ts). A row moves whole to
   * the next page when it fits there; a row taller than a page is split line by line. The header repeats on every
   * page the table spans.
   */
  table(columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
    drawTable(this, columns, rows, { size: BODY_SIZE, ...options });
  }
}

/** The top-margin line and the diagonal watermark of a draft's page, drawn first so the text lies over them. */
function drawDraftMarks(page: PDFPage, faces: Faces, { path, width }: { path: string; width: number }): void {
  const size = 150;
  const angle = Math.atan2(LETTER[1], LETTER[0]);
  const capHeight = 0.73 * size;
  const [cx, cy] = [LETTER[0] / 2, LETTER[1] / 2];
  const along = (width * size) / 2;
  page.drawSvgPath(path, {
    x: cx - along * Math.cos(angle) + (capHeight / 2) * Math.sin(angle),
    y: cy - along * Math.sin(angle) - (capHeight / 2) * Math.cos(angle),
    scale: size,
    rotate: degrees((angle * 180) / Math.PI),
    color: rgb(0.9, 0.9, 0.9),
  });
  const markSize = 9;
  drawTexts(page, faces.bold, markSize, INK, [{ text: fitLine(faces.bold, DRAFT_MARK, markSize, LETTER[0] - 2 * MARGIN), x: MARGIN, y: LETTER[1] - MARGIN + 16 }]);
}

/** "page X of Y" and the rest of the footer on every page, drawn last when the page count is known. */
export function drawFooters(doc: PDFDocument, face: TextFace, left: (page: number, pages: number) => string, right: string): void {
  const pages = doc.getPages();
  const size = 8.5;
  const width = LETTER[0] - 2 * MARGIN;
  const rightText = face.printable(right);
  const rightWidth = Math.min(face.width(rightText, size), width / 2);
  pages.forEach((page, index) => {
    const y = MARGIN - 24;
    page.drawLine({ start: { x: MARGIN, y: y + 12 }, end: { x: LETTER[0] - MARGIN, y: y + 12 }, thickness: 0.4, color: RULE });
    // A long transfer number takes a second line rather than running into the fingerprint.
    const room = width - rightWidth - 12;
    const lines = clampLines(face, wrapText(face, left(index + 1, pages.length), size, room), size, room, 2);
    const shown = fitLine(face, right, size, width / 2);
    drawTexts(page, face, size, MUTED, [
      ...lines.map((text, line) => ({ text, x: MARGIN, y: y - line * size * 1.2 })),
      { text: shown, x: LETTER[0] - MARGIN - face.width(shown, size), y },
    ]);
  });
}
