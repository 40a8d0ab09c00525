// Draws text with pdf-lib's content-stream operators rather than page.drawText. drawText with a font option adds
// a new entry to the page's font resources on every call (and scans the existing ones first), so a 300-page
// receipt carried thousands of font entries and spent most of its time on them; here each page names each font once.
// A line is drawn run by run (see pdf-text-runs.ts): each run in its own font, placed after the one before it.
import {
  beginText, endText, popGraphicsState, pushGraphicsState, setFillingColor, setFontAndSize, setTextMatrix, showText,
  type Color, type PDFFont, type PDFName, type PDFOperator, type PDFPage,
} from 'pdf-lib';
import type { TextFace } from './pdf-text';

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

export interface PlacedText {
  /** Printable text (see TextFace.printable): one line, no line breaks. */
  text: string;
  /** Baseline start, in PDF points from the page's lower-left corner. */
  x: number;
  y: number;
}

/** Draws lines of one face, size and colour in a single text object. */
export function drawTexts(page: PDFPage, face: TextFace, size: number, color: Color, lines: PlacedText[]): void {
  const operators: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingColor(color)];
  let current: PDFFont | null = null;
  for (const line of lines) {
    if (line.text === '') continue;
    let x = line.x;
    for (const run of face.runs(line.text)) {
      if (run.font !== current) {
        operators.push(setFontAndSize(fontKey(page, run.font), size));
        current = run.font;
      }
      operators.push(setTextMatrix(1, 0, 0, 1, x, line.y), showText(run.font.encodeText(run.text)));
      x += run.width * size;
    }
  }
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
}
