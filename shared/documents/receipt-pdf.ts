// receipt.pdf: the signed proof both sides keep. In plain language and with this transfer's facts it answers what
// a department fears before it gives records up (where do they go, can I get them back, will they be destroyed),
// then carries the signatures, the manifest's fingerprint with a QR code, and the box-by-box folder list.
// US Letter, body text 10.5 pt (readable at 100%), a footer with "page X of Y" and the short fingerprint.
import type { Manifest } from '../exchange/manifest';
import { deliveryOptionText } from '../exchange/manifest-columns';
import { drawQrCode, receiptQrText } from './barcodes';
import { createDocument, type DocumentFonts } from './pdf-document';
import { BODY_SIZE, drawFooters, INK, MARGIN, MUTED, PageWriter } from './pdf-layout';
import { fitLine, keepTogether, MISSING_GLYPH, wrapText } from './pdf-text';
import { drawTexts } from './pdf-text-run';
import { writeBoxList } from './receipt-box-list';
import {
  actionText, contactLine, cubicFeetText, destructionNotes, earliestText, eventOwnership, FINGERPRINT_MEANING, howToGetBack,
  humanDate, oneLine, plural, restrictionsText, retrievalOptions, seriesLines, spanText, whereTheyGo,
} from './receipt-text';

export interface ReceiptOptions extends DocumentFonts {
  /** SHA-256 hex of the manifest's canonical form (electron/exchange/fingerprint.ts). */
  fingerprint: string;
  /** When this printout was made (ISO timestamp). */
  generatedAt: string;
}

interface Block {
  title: string;
  lines: string[];
}

/** Two blocks side by side (From / To), each wrapping in its half of the page. */
function sideBySide(writer: PageWriter, left: Block, right: Block): void {
  const gap = 24;
  const half = (writer.width - gap) / 2;
  const { regular, bold } = writer.faces;
  const wrap = (block: Block) => block.lines.flatMap((line) => wrapText(regular, line, BODY_SIZE, half));
  const columns = [wrap(left), wrap(right)];
  const line = writer.lineHeight(BODY_SIZE);
  writer.ensure(line * (Math.max(columns[0].length, columns[1].length) + 1));
  [left, right].forEach((block, index) => writer.drawLine(bold.printable(block.title), MARGIN + index * (half + gap), BODY_SIZE + 1, bold));
  writer.space(line + 2);
  const top = writer.y;
  columns.forEach((lines, index) => {
    writer.y = top;
    for (const text of lines) {
      writer.drawLine(text, MARGIN + index * (half + gap), BODY_SIZE, regular);
      writer.space(line);
    }
  });
  writer.y = top - Math.max(columns[0].length, columns[1].length) * line - 6;
}

const SIGNATURES_HEIGHT = 2 * 16 + 4 * 26 + 10;
const RECEIVING_HEIGHT = 16 * 2 + 5 * 26 + 10;

/**
 * Released by (the department's official, named and titled when the profile says who) and Received by (blank for
 * the center's official): name, title, signature and date, as SF-135 asks of both sides.
 */
function signatureBlocks(writer: PageWriter, manifest: Manifest): void {
  const gap = 30;
  const half = (writer.width - gap) / 2;
  const { regular, bold } = writer.faces;
  const titles = [`Released by: ${manifest.department.name}`, `Received by: ${manifest.recordsCenter.name}`];
  const wrapped = titles.map((title) => wrapText(bold, title, BODY_SIZE, half));
  const titleLines = Math.max(...wrapped.map((lines) => lines.length));
  const line = writer.lineHeight(BODY_SIZE);
  const labelWidth = 62;
  const official = manifest.department;
  const filled: Record<string, string>[] = [
    { Name: official.officialName.trim(), Title: official.officialTitle.trim() },
    {},
  ];
  const labels = ['Name', 'Title', 'Signature', 'Date'];
  writer.ensure(titleLines * line + labels.length * 26 + 10);
  const top = writer.y;
  wrapped.forEach((lines, column) => {
    const x = MARGIN + column * (half + gap);
    writer.y = top;
    for (const text of lines) {
      writer.drawLine(text, x, BODY_SIZE, bold);
      writer.space(line);
    }
    writer.y = top - titleLines * line;
    for (const label of labels) {
      writer.space(26);
      drawTexts(writer.page, regular, BODY_SIZE, MUTED, [{ text: label, x, y: writer.y + 2 }]);
      const value = filled[column][label];
      if (value) drawTexts(writer.page, regular, BODY_SIZE, INK, [{ text: fitLine(regular, value, BODY_SIZE, half - labelWidth - 4), x: x + labelWidth + 2, y: writer.y + 3 }]);
      writer.page.drawLine({ start: { x: x + labelWidth, y: writer.y }, end: { x: x + half, y: writer.y }, thickness: 0.7, color: INK });
    }
  });
  writer.space(18);
}

/** What the center writes at check-in: boxes received of those listed, their condition, discrepancies, accession. */
function receivingBlock(writer: PageWriter, manifest: Manifest): void {
  const { regular } = writer.faces;
  const fields = [
    `Boxes received (of ${manifest.transfer.totals.boxes} listed)`,
    'Condition on arrival',
    'Discrepancies noted',
    '',
    'Accession number',
  ];
  // The widest label sets where every fill-in line starts, so no label runs over its line.
  const labelWidth = Math.max(...fields.map((field) => regular.width(field, BODY_SIZE))) + 10;
  writer.ensure(fields.length * 26 + 10);
  for (const field of fields) {
    writer.space(26);
    if (field) drawTexts(writer.page, regular, BODY_SIZE, MUTED, [{ text: field, x: MARGIN, y: writer.y + 2 }]);
    writer.page.drawLine({ start: { x: MARGIN + labelWidth, y: writer.y }, end: { x: MARGIN + writer.width, y: writer.y }, thickness: 0.7, color: INK });
  }
  writer.space(18);
}

const FINGERPRINT_BLOCK_HEIGHT = 175;

function fingerprintBlock(writer: PageWriter, manifest: Manifest, fingerprint: string): void {
  const qrSize = 112;
  const textX = MARGIN + qrSize + 14;
  const { regular, bold } = writer.faces;
  const line = writer.lineHeight(BODY_SIZE);
  const meaning = wrapText(regular, FINGERPRINT_MEANING, BODY_SIZE, writer.width - qrSize - 14);
  writer.ensure(Math.max(qrSize, meaning.length * line) + 3 * line + 10);
  const top = writer.y;
  drawQrCode(writer.page, receiptQrText(manifest.transfer.number, fingerprint), MARGIN, top - qrSize, qrSize);
  for (const text of meaning) {
    writer.drawLine(text, textX, BODY_SIZE, regular);
    writer.space(line);
  }
  writer.y = Math.min(writer.y, top - qrSize) - 4;
  writer.drawLine('SHA-256 fingerprint:', MARGIN, BODY_SIZE, regular, MUTED);
  writer.space(line);
  // Full width, one line at this size (64 hex digits); wraps only if a narrower page ever asks it to.
  for (const text of wrapText(bold, fingerprint, 11, writer.width)) {
    writer.drawLine(text, MARGIN, 11, bold);
    writer.space(writer.lineHeight(11));
  }
  writer.space(6);
}

export async function buildReceiptPdf(manifest: Manifest, options: ReceiptOptions): Promise<Uint8Array> {
  const { transfer, department, recordsCenter: center } = manifest;
  const { doc, faces, tally } = await createDocument(options, {
    title: `Transfer receipt ${transfer.number}`,
    subject: `Transfer of ${plural(transfer.totals.boxes, 'box', 'boxes')} from ${department.name} to ${center.name}`,
    author: department.name,
    date: options.generatedAt,
    fingerprint: options.fingerprint,
    printedText: JSON.stringify(manifest),
  });
  const writer = new PageWriter(doc, faces, { draft: !transfer.sentAt });

  writer.drawLine(faces.bold.printable('Transfer receipt'), MARGIN, 22, faces.bold);
  writer.space(30);
  writer.paragraph(`Transfer ${transfer.number}`, { size: 15, bold: true });
  writer.space(2);
  writer.paragraph(
    [`Created ${humanDate(transfer.createdAt)}`, transfer.sentAt ? `sent ${humanDate(transfer.sentAt)}` : 'not sent yet',
      `printed ${humanDate(options.generatedAt)}`].join(' · '),
    { color: MUTED },
  );
  if (!transfer.sentAt) {
    writer.paragraph('DRAFT: this transfer has not been sent. Its contents, and so its fingerprint, can still change.', { bold: true });
  }
  writer.space(8);
  sideBySide(
    writer,
    { title: 'From', lines: [department.name, ...department.address.split(/\r\n|\r|\n/), contactLine(department.contactName, department.contactPhone, department.contactEmail)] },
    { title: 'To', lines: [center.name, ...center.address.split(/\r\n|\r|\n/), contactLine(center.contactName, center.contactPhone, center.contactEmail)] },
  );

  const series = seriesLines(manifest);
  writer.heading('Summary');
  writer.facts([
    ['Boxes', `${plural(transfer.totals.boxes, 'box', 'boxes')} (${cubicFeetText(transfer.totals.cubicFeet)})`],
    ['Folders', plural(transfer.totals.folders, 'folder', 'folders')],
    ['Dates of records', spanText(transfer.dateSpan.from, transfer.dateSpan.to)],
    ['Series', series.map((line) => `${keepTogether(line.item.itemNumber)} ${line.item.title} (${plural(line.folders, 'folder', 'folders')})`).join('; ') || 'none'],
    ...electronicFacts(manifest),
    ['Access restrictions', restrictionsText(manifest)],
    ...(transfer.notes.trim() ? ([['Notes', transfer.notes]] as [string, string][]) : []),
  ]);

  writer.heading('Where your records go');
  writer.bullets(whereTheyGo(manifest));

  writer.heading('How to get a box or folder back');
  writer.bullets(howToGetBack(manifest));
  writer.paragraph(`What you can ask for (${center.deliveryOptions.map(deliveryOptionText).join(', ') || 'see the center'}):`, { bold: true });
  writer.bullets(retrievalOptions(manifest));

  writer.heading('When they can be destroyed');
  writer.paragraph('Each series is kept for the time your retention schedule sets. The earliest date is when the first ' +
    'folder of that series in this transfer reaches the end of its retention.');
  writer.space(4);
  writer.table(
    [{ header: 'Item', weight: 1.1, keepWhole: true }, { header: 'Series', weight: 2 }, { header: 'Retention', weight: 1.6 },
      { header: 'Authority', weight: 1.2 }, { header: 'Earliest date', weight: 1.2 }, { header: 'Then', weight: 1.5 }],
    series.map((line) => [line.item.itemNumber, line.item.title, line.item.retentionText || 'See schedule',
      line.item.citation.trim() || 'Not stated', earliestText(line), actionText[line.item.disposition]]),
  );
  writer.bullets(destructionNotes(manifest, series));
  const events = eventOwnership(manifest);
  if (events.length > 0) {
    writer.paragraph('Retention that starts at an event:', { bold: true });
    writer.bullets(events);
  }

  writer.heading('Who to call');
  writer.facts([
    [center.name, contactLine(center.contactName, center.contactPhone, center.contactEmail)],
    [department.name, contactLine(department.contactName, department.contactPhone, department.contactEmail)],
  ], 200);
  if (center.address.trim()) writer.facts([['Records center address', oneLine(center.address)]], 200);

  // Each heading stays on the page of the lines it introduces.
  writer.heading('Signatures', undefined, SIGNATURES_HEIGHT);
  signatureBlocks(writer, manifest);

  writer.heading('Received by the records center', undefined, RECEIVING_HEIGHT);
  writer.paragraph(`Filled in by ${manifest.recordsCenter.name} at check-in; its acknowledgment carries the same facts.`, { color: MUTED });
  receivingBlock(writer, manifest);

  writer.heading('Fingerprint', undefined, FINGERPRINT_BLOCK_HEIGHT);
  fingerprintBlock(writer, manifest, options.fingerprint);

  writeBoxList(writer, manifest);

  if (tally.count > 0) {
    writer.heading('About this printout');
    writer.paragraph(`Some characters in names or titles are in none of the fonts this receipt uses and print as ${MISSING_GLYPH}. ` +
      'manifest.json, manifest.xlsx and manifest.csv keep every character exactly as written.');
  }

  drawFooters(doc, faces.regular, (page, pages) => `Transfer ${transfer.number} · page ${page} of ${pages}`,
    `Fingerprint ${options.fingerprint.slice(0, 16)}…`);
  return doc.save();
}

/** Electronic records, only when the transfer carries any: how many, how large, and where their checksums are. */
function electronicFacts(manifest: Manifest): [string, string][] {
  const items = manifest.electronicItems;
  if (items.length === 0) return [];
  const bytes = items.reduce((sum, item) => sum + item.size, 0);
  const size = bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return [['Electronic records', `${plural(items.length, 'file', 'files')} (${size}) in the package’s records folder, each listed with its SHA-256 checksum in manifest.json`]];
}
