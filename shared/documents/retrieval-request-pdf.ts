// The one-page retrieval request a department emails or prints: what is wanted back, for whom, by when, and every
// fact the center needs to find it (accession, center box number, shelf, the department's label and title). It
// prints only what the request file says: a date nobody gave, or a turnaround the center never stated, is left out
// rather than filled with a default. Its seal ties the paper to the request file it was printed from.
import { retrievalServiceLabels, type RetrievalRequest, type RetrievalRequestItem } from '../exchange/retrieval';
import { code128Modules, drawCode128 } from './barcodes';
import { createDocument, type DocumentFonts } from './pdf-document';
import { drawFooters, MARGIN, MUTED, PageWriter, type TableColumn } from './pdf-layout';
import { MISSING_GLYPH } from './pdf-text';
import { contactLine, humanDate, plural } from './receipt-text';

export interface RetrievalRequestPdfOptions extends DocumentFonts {
  /** The request file's seal, printed so the paper and the file can be matched. */
  fingerprint: string;
}

/** The keyword the PDF records its request's seal under (not the manifest keyword: this paper answers no manifest). */
export const REQUEST_SEAL_KEYWORD = 'transmittal-retrieval-request-sha256:';

/** The file the seal matches, as the department's side names it. */
export const requestFileName = (number: string) => `${number}-retrieval-request.json`;

export const LEGAL_HOLD_NOTE = 'On legal hold: the center is told; a hold does not stop a retrieval.';

const BAR_HEIGHT = 34;
/** Narrowest bar, in points: 1 pt scans from an office printer (about 4 pixels at 300 dpi). */
const MIN_MODULE = 0.9;
const MAX_MODULE = 1.3;

export async function buildRetrievalRequestPdf(request: RetrievalRequest, options: RetrievalRequestPdfOptions): Promise<Uint8Array> {
  const { request: asked, department, recordsCenter: center, items } = request;
  const { doc, faces, tally } = await createDocument(options, {
    title: `Retrieval request ${asked.number}`,
    subject: `${department.name} asks ${center.name} for ${retrievalServiceLabels[asked.service].toLowerCase()}`,
    author: department.name,
    date: asked.createdAt,
    fingerprint: options.fingerprint,
    printedText: JSON.stringify(request),
  });
  doc.setKeywords([`${REQUEST_SEAL_KEYWORD}${options.fingerprint}`]);
  const writer = new PageWriter(doc, faces);

  writer.paragraph('Retrieval request', { size: 22, bold: true });
  writer.space(6);
  writer.paragraph(`Request ${asked.number} from ${department.name} to ${center.name}`, { size: 15, bold: true });
  writer.space(4);
  requestBarcode(writer, asked.number);

  writer.paragraph(whatIsAsked(request));
  writer.space(6);
  writer.facts(factRows(request), 130);

  writer.heading(items.length === 1 ? 'What to pull' : `What to pull (${items.length} items)`);
  const onHold = items.some((item) => item.legalHold);
  writer.table(itemColumns(onHold), items.map((item) => itemRow(item, onHold)), { continuedTitle: 'What to pull' });
  if (onHold) {
    const held = items.filter((item) => item.legalHold).map(itemName);
    writer.paragraph(`${LEGAL_HOLD_NOTE} On hold here: ${held.join('; ')}.`);
  }

  writer.heading('Seal');
  writer.paragraph(`This request’s seal (SHA-256 of its canonical form) matches ${requestFileName(asked.number)}. ` +
    'Any change to that file, however small, changes this number, so the center can check the file it took in is the one printed here.', { color: MUTED });
  writer.paragraph(options.fingerprint, { size: 10, bold: true });

  if (tally.count > 0) {
    writer.heading('About this printout');
    writer.paragraph(`Some characters in names or titles are in none of the fonts this request uses and print as ${MISSING_GLYPH}. ` +
      `${requestFileName(asked.number)} keeps every character exactly as written.`);
  }

  drawFooters(doc, faces.regular, (page, pages) => `Request ${asked.number} · page ${page} of ${pages} · seal matches ${requestFileName(asked.number)}`,
    `${options.fingerprint.slice(0, 16)}…`);
  return doc.save();
}

/** The request number as a Code 128 symbol, left-aligned, when it is plain ASCII and narrow enough to scan. */
function requestBarcode(writer: PageWriter, number: string): void {
  if (!/^[\x20-\x7e]+$/.test(number)) return;
  let modules: number;
  try {
    modules = code128Modules(number);
  } catch {
    // The number cannot be encoded: it is printed in words above, which is all a person needs.
    return;
  }
  const module = Math.min(MAX_MODULE, writer.width / modules);
  if (module < MIN_MODULE) return;
  writer.ensure(BAR_HEIGHT + 8);
  drawCode128(writer.page, number, MARGIN, writer.y - BAR_HEIGHT, modules * module, BAR_HEIGHT, module);
  writer.space(BAR_HEIGHT + 8);
}

/** One sentence: who asks whom for what, how urgently, and by when (only the dates the request holds). */
function whatIsAsked(request: RetrievalRequest): string {
  const { request: asked, department, recordsCenter: center, items } = request;
  const what = `${retrievalServiceLabels[asked.service].replace(/^\w/, (first) => first.toLowerCase())}`;
  const count = items.length === 1 ? '' : ` (${plural(items.length, 'item', 'items')})`;
  const dates = [
    asked.neededBy ? `It is needed by ${asked.neededBy}.` : '',
    asked.dueBy ? `It is due by ${asked.dueBy} by the center’s stated turnaround.` : '',
  ].filter(Boolean);
  return [`${department.name} asks ${center.name} for ${what}${count}${asked.urgency === 'urgent' ? ', urgently' : ''}.`, ...dates].join(' ');
}

function factRows(request: RetrievalRequest): [string, string][] {
  const { request: asked, department } = request;
  const contact = [department.contactName, department.contactPhone, department.contactEmail].some((part) => part.trim() !== '');
  const rows: [string, string | null][] = [
    ['Service', retrievalServiceLabels[asked.service]],
    ['Urgency', asked.urgency === 'urgent' ? 'Urgent' : 'Routine'],
    ['Asked by', `${asked.requestedBy}, ${humanDate(asked.createdAt)}`],
    ['Department', `${department.name}${department.code.trim() ? ` (${department.code.trim()})` : ''}`],
    ['Contact', contact ? contactLine(department.contactName, department.contactPhone, department.contactEmail) : null],
    ['For', asked.neededFor.trim() || null],
    ['Deliver to', asked.deliverTo.trim() || null],
    ['Needed by', asked.neededBy],
    ['Due by', asked.dueBy ? `${asked.dueBy} by the center’s stated turnaround` : null],
    ['Note', asked.note.trim() || null],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

function itemColumns(onHold: boolean): TableColumn[] {
  return [
    { header: 'Box', weight: 1.3 },
    { header: 'Box id', weight: 0.6, keepWhole: true },
    { header: 'At the center', weight: 1.6 },
    { header: 'Folder', weight: 1.6 },
    ...(onHold ? [{ header: 'Hold', weight: 0.5 }] : []),
  ];
}

/** One item in the words the center looks for: the box as labelled, its barcode, where it is shelved, the folder. */
function itemRow(item: RetrievalRequestItem, onHold: boolean): string[] {
  const atCenter = [
    item.accessionNumber ? `Accession ${item.accessionNumber}` : 'No accession number yet',
    item.centerBoxNumber ? `center box ${item.centerBoxNumber}` : null,
    item.location ? `at ${item.location}` : 'shelf not known',
  ].filter(Boolean).join(', ');
  return [
    `${item.boxSequence}. ${item.boxLabel} (transfer ${item.transferNumber})`,
    item.boxId,
    atCenter,
    item.folder ? `${item.folder.position}. ${item.folder.title}${item.folder.fileCode ? ` (file code ${item.folder.fileCode})` : ''}` : 'The whole box',
    ...(onHold ? [item.legalHold ? 'On legal hold' : '—'] : []),
  ];
}

function itemName(item: RetrievalRequestItem): string {
  return item.folder ? `folder ${item.folder.position} in box ${item.boxId}` : `box ${item.boxId}`;
}
