// labels.pdf: one label per box, for the end of the carton, on Avery 5164 / 8164 shipping labels (and their
// compatibles): 4" wide × 3⅓" tall, 6 per US Letter sheet in 2 columns × 3 rows; 0.5" top and bottom margins,
// 0.156" side margins, 0.1875" between the columns, none between rows. Print at 100% ("actual size").
// Each label: department, transfer number, "Box n of N", the department's own box label, series, date span, the date
// the whole box may go (or why it waits), and a
// Code 128 bar code of the box id (drawn as vector bars) with the id in plain text under it. A draft's labels say
// DRAFT on each label (its box ids may still change). Every sheet's bottom margin, which is not label, carries the
// manifest's fingerprint, as every document of the package does.
import type { PDFPage } from 'pdf-lib';
import type { Manifest, ManifestBox } from '../exchange/manifest';
import { code128Modules, drawCode128 } from './barcodes';
import { createDocument, type DocumentFonts } from './pdf-document';
import { INK, LETTER, MUTED, type Faces } from './pdf-layout';
import { clampLines, fitLine, wrapText } from './pdf-text';
import { drawTexts } from './pdf-text-run';
import { spanText } from './receipt-text';
import type { DispositionWait } from '../transfer/box-disposition';

const INCH = 72;
export const LABEL_STOCK = {
  name: 'Avery 5164 / 8164',
  width: 4 * INCH,
  height: (10 / 3) * INCH,
  columns: 2,
  rows: 3,
  top: 0.5 * INCH,
  left: 0.15625 * INCH,
  columnGap: 0.1875 * INCH,
} as const;

/** Labels are die-cut on all sides: keep text and bars clear of the edge. */
const PADDING = 16;
const BAR_HEIGHT = 44;
/** A 1.2 pt module is 16.7 mil: inside every common scanner's range, and the usual ids fit the label with room. */
const MAX_MODULE = 1.2;

interface LabelContext {
  page: PDFPage;
  faces: Faces;
  manifest: Manifest;
  seriesTitles: Map<string, string>;
}

function labelOrigin(index: number): { x: number; top: number } {
  const slot = index % (LABEL_STOCK.columns * LABEL_STOCK.rows);
  const column = slot % LABEL_STOCK.columns;
  const row = Math.floor(slot / LABEL_STOCK.columns);
  return {
    x: LABEL_STOCK.left + column * (LABEL_STOCK.width + LABEL_STOCK.columnGap),
    top: LETTER[1] - LABEL_STOCK.top - row * LABEL_STOCK.height,
  };
}

function drawLabel(context: LabelContext, box: ManifestBox, x0: number, top: number): void {
  const { page, faces, manifest } = context;
  const x = x0 + PADDING;
  const width = LABEL_STOCK.width - 2 * PADDING;
  let y = top - PADDING;
  const write = (lines: string[], size: number, bold = false, color = INK) => {
    for (const line of lines) {
      drawTexts(page, bold ? faces.bold : faces.regular, size, color, [{ text: line, x, y: y - size }]);
      y -= size * 1.25;
    }
  };
  const wrapped = (text: string, size: number, maxLines: number, bold = false) => {
    const face = bold ? faces.bold : faces.regular;
    return clampLines(face, wrapText(face, text, size, width), size, width, maxLines);
  };

  write(wrapped(manifest.department.name, 10.5, 2, true), 10.5, true);
  write([fitLine(faces.bold, `Transfer ${manifest.transfer.number}`, 13, width)], 13, true);
  if (!manifest.transfer.sentAt) write([fitLine(faces.bold, 'DRAFT, not sent: box ids may still change', 9.5, width)], 9.5, true);
  y -= 2;
  write([fitLine(faces.bold, `Box ${box.sequence} of ${box.of}`, 24, width)], 24, true);
  write(wrapped(`Label: ${box.label}`, 10.5, 2), 10.5);
  const series = box.itemNumbers.map((item) => `${item} ${context.seriesTitles.get(item) ?? ''}`.trim()).join('; ');
  write(wrapped(`Series: ${series || 'none'}`, 9.5, 2), 9.5);
  const dates = `Dates: ${spanText(box.dateSpan.from, box.dateSpan.to)}${box.confidential ? ' · Confidential' : ''}`;
  write([fitLine(faces.regular, dates, 10, width)], 10, false, MUTED);
  write([fitLine(faces.bold, labelDispositionText(box), 9.5, width)], 9.5, true);

  const bottom = top - LABEL_STOCK.height + PADDING - 4;
  const idSize = 10;
  const id = fitLine(faces.regular, box.boxId, idSize, width);
  drawTexts(page, faces.regular, idSize, INK, [{ text: id, x: x + (width - faces.regular.width(id, idSize)) / 2, y: bottom }]);
  drawCode128(page, box.boxId, x, bottom + idSize + 4, width, BAR_HEIGHT, MAX_MODULE);
}

/** When the whole box may go, as the box list and manifest say it: its latest folder's date, or why it waits. */
export function labelDispositionText(box: ManifestBox): string {
  if (box.dispositionDate) return `${box.eligibleWhenSent ? 'Eligible for disposition since' : 'Disposition from'} ${box.dispositionDate}`;
  return `Disposition: ${box.dispositionWaitsFor ? LABEL_WAITS[box.dispositionWaitsFor] : 'not yet known'}`;
}

/** A label's width holds one short line: why the box has no date, in a few words. */
const LABEL_WAITS: Record<DispositionWait, string> = {
  'on-hold': 'waits, a folder is on legal hold',
  'awaiting-event': 'waits for a folder’s event',
  'no-schedule': 'waits, a folder has no schedule',
  undated: 'waits, a folder has no dates',
  permanent: 'never, kept permanently',
};

/** The sheet's footer, in the margin below the last row of labels: transfer, fingerprint, sheet n of N. */
function drawSheetFooter(page: PDFPage, faces: Faces, manifest: Manifest, fingerprint: string, sheet: number, sheets: number): void {
  const size = 6.5;
  const status = manifest.transfer.sentAt ? '' : 'DRAFT (not sent) · ';
  const text = `${status}Transfer ${manifest.transfer.number} · manifest fingerprint (SHA-256) ${fingerprint} · sheet ${sheet} of ${sheets}`;
  const width = LETTER[0] - 2 * LABEL_STOCK.left;
  const line = fitLine(faces.regular, text, size, width);
  drawTexts(page, faces.regular, size, MUTED, [{ text: line, x: (LETTER[0] - faces.regular.width(line, size)) / 2, y: LABEL_STOCK.top / 2 - size / 2 }]);
}

export interface LabelsOptions {
  /** SHA-256 of the manifest's canonical form, printed on every sheet. */
  fingerprint: string;
}

export async function buildLabelsPdf(manifest: Manifest, options: LabelsOptions & DocumentFonts): Promise<Uint8Array> {
  const fonts: DocumentFonts = options;
  const { transfer, department } = manifest;
  const { doc, faces } = await createDocument(fonts, {
    title: `Box labels ${transfer.number}`,
    subject: `${LABEL_STOCK.name} labels for the ${manifest.boxes.length} boxes of transfer ${transfer.number}`,
    author: department.name,
    date: transfer.sentAt ?? transfer.createdAt,
    fingerprint: options.fingerprint,
    printedText: JSON.stringify(manifest),
  });
  for (const box of manifest.boxes) {
    // A bar code too long for the label at a scannable size is better refused than printed unreadable.
    if (code128Modules(box.boxId) * 0.75 > LABEL_STOCK.width - 2 * PADDING) {
      throw new Error(`Box id ${box.boxId} is too long to print as a bar code on a ${LABEL_STOCK.name} label`);
    }
  }
  const seriesTitles = new Map(manifest.scheduleItems.map((item) => [item.itemNumber, item.title]));
  const perSheet = LABEL_STOCK.columns * LABEL_STOCK.rows;
  const sheets = Math.max(1, Math.ceil(manifest.boxes.length / perSheet));
  let page = doc.addPage(LETTER);
  drawSheetFooter(page, faces, manifest, options.fingerprint, 1, sheets);
  manifest.boxes.forEach((box, index) => {
    if (index > 0 && index % perSheet === 0) {
      page = doc.addPage(LETTER);
      drawSheetFooter(page, faces, manifest, options.fingerprint, index / perSheet + 1, sheets);
    }
    const { x, top } = labelOrigin(index);
    drawLabel({ page, faces, manifest, seriesTitles }, box, x, top);
  });
  return doc.save();
}
