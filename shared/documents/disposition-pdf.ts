// The disposition papers people sign and keep: the center's notice, the department's signed response, and the
// certificate of destruction or transfer. Each says in plain words what it is and prints its seal. They print only
// what their file says: a contact, a citation or a date the file does not hold is left out, never filled in.
import {
  dispositionActions,
  dispositionActionWords,
  type DispositionCertificate,
  type DispositionNotice,
  type DispositionResponse,
  type NoticeBox,
} from '../exchange/disposition';
import { createDocument, type DocumentFonts } from './pdf-document';
import { BODY_SIZE, drawFooters, MARGIN, MUTED, PageWriter, RULE, type TableColumn } from './pdf-layout';
import { MISSING_GLYPH, wrapText } from './pdf-text';
import { contactLine, humanDate, plural, spanText } from './receipt-text';

export interface SealedPdfOptions extends DocumentFonts {
  /** The file's seal, printed so the paper and the file can be matched. */
  fingerprint: string;
}

/** The keywords each PDF records its file's seal under (as the retrieval request does), so a tool can match them. */
export const NOTICE_SEAL_KEYWORD = 'transmittal-disposition-notice-sha256:';
export const RESPONSE_SEAL_KEYWORD = 'transmittal-disposition-response-sha256:';
export const CERTIFICATE_SEAL_KEYWORD = 'transmittal-disposition-certificate-sha256:';

export const NO_ANSWER_WORDS = 'Nothing is destroyed. The records center keeps the boxes and asks again.';
/** True by construction at the center that writes it: it carries out only approved boxes, none under a hold it knows. */
export const CERTIFICATE_STATEMENT = 'Destroyed only after written approval; no box on hold at the center was destroyed.';

type Folder = NoticeBox['folders'][number];
interface BoxNumbers { accessionNumber: string; centerBoxNumber: string | null; boxId: string; boxLabel: string; boxSequence: number; transferNumber: string }

const hasContact = (name: string, phone: string, email: string) => [name, phone, email].some((part) => part.trim() !== '');
const day = (timestamp: string) => timestamp.slice(0, 10);

/** Accession and center box number: the numbers the center shelves by. */
function atCenter(box: BoxNumbers): string {
  return [box.accessionNumber, box.centerBoxNumber ? `center box ${box.centerBoxNumber}` : null].filter(Boolean).join(', ');
}

/** Box tables carry six or seven columns of codes and dates: a point smaller than the body keeps them on one line. */
const TABLE_SIZE = 9;

/** The span of a box's folders, first to last, as the department wrote their dates. */
function folderSpan(folders: Folder[]): string {
  const begins = folders.map((folder) => folder.beginDate || folder.endDate).filter(Boolean).sort();
  const ends = folders.map((folder) => folder.endDate || folder.beginDate).filter(Boolean).sort();
  return spanText(begins[0], ends.at(-1));
}

const FOLDER_COLUMNS: TableColumn[] = [
  { header: 'Box', weight: 1 },
  { header: 'No.', weight: 0.3, keepWhole: true },
  { header: 'Folder title', weight: 3 },
  { header: 'File code', weight: 0.8, keepWhole: true },
  { header: 'Dates', weight: 0.8, keepWhole: true },
];

/** Every folder of the boxes as the department knows it, one compact table (a box with none says so). */
function folderTable(writer: PageWriter, boxes: { boxLabel: string; folders: Folder[] }[], title: string): void {
  writer.heading(title);
  const rows = boxes.flatMap((box) => box.folders.length === 0
    ? [[box.boxLabel, '—', 'No folders listed', '', '']]
    : box.folders.map((folder) => [box.boxLabel, String(folder.position), folder.title, folder.fileCode, spanText(folder.beginDate, folder.endDate)]));
  writer.table(FOLDER_COLUMNS, rows, { continuedTitle: title, size: TABLE_SIZE });
}

/** "Label: value" lines with a rule under each value to sign or write on; a null value leaves the line blank. */
function signatureLines(writer: PageWriter, rows: [string, string | null][]): void {
  const labelWidth = 90;
  const lineWidth = Math.min(300, writer.width - labelWidth);
  for (const [label, value] of rows) {
    const values = value === null ? [''] : wrapText(writer.faces.regular, value, BODY_SIZE, lineWidth);
    const height = writer.lineHeight(BODY_SIZE) * values.length + 14;
    writer.ensure(height);
    writer.y -= 10;
    writer.drawLine(label, MARGIN, BODY_SIZE, writer.faces.bold);
    values.forEach((line, index) => {
      if (index > 0) writer.y -= writer.lineHeight(BODY_SIZE);
      writer.drawLine(line, MARGIN + labelWidth, BODY_SIZE, writer.faces.regular);
    });
    writer.y -= writer.lineHeight(BODY_SIZE);
    writer.page.drawLine({ start: { x: MARGIN + labelWidth, y: writer.y }, end: { x: MARGIN + labelWidth + lineWidth, y: writer.y }, thickness: 0.6, color: RULE });
    writer.y -= 4;
  }
}

function seal(writer: PageWriter, what: string, fingerprint: string, others: [string, string][] = []): void {
  writer.heading('Seal');
  writer.paragraph(`${what} seal (SHA-256 of its canonical form). Any change to the file, however small, changes this number, ` +
    'so either side can check that the file it holds is the one printed here.', { color: MUTED });
  writer.paragraph(fingerprint, { size: 10, bold: true });
  for (const [words, other] of others) {
    writer.space(4);
    writer.paragraph(words, { color: MUTED });
    writer.paragraph(other, { size: 10, bold: true });
  }
}

function missingNote(writer: PageWriter, count: number, file: string): void {
  if (count === 0) return;
  writer.heading('About this printout');
  writer.paragraph(`Some characters in names or titles are in none of the fonts this paper uses and print as ${MISSING_GLYPH}. ` +
    `The ${file} keeps every character exactly as written.`);
}

const footerSeal = (fingerprint: string) => `${fingerprint.slice(0, 16)}…`;

export async function buildNoticePdf(notice: DispositionNotice, options: SealedPdfOptions): Promise<Uint8Array> {
  const { notice: about, department, recordsCenter: center, boxes } = notice;
  const { doc, faces, tally } = await createDocument(options, {
    title: `Disposition notice ${about.number}`,
    subject: `${center.name} asks ${department.name} to approve the disposition of ${plural(boxes.length, 'box', 'boxes')} by ${about.respondBy}`,
    author: center.name,
    date: about.issuedAt,
    fingerprint: options.fingerprint,
    printedText: JSON.stringify(notice),
  });
  doc.setKeywords([`${NOTICE_SEAL_KEYWORD}${options.fingerprint}`]);
  const writer = new PageWriter(doc, faces);

  writer.paragraph(`Disposition notice ${about.number}`, { size: 22, bold: true });
  writer.space(6);
  writer.paragraph(`from ${center.name} to ${department.name}`, { size: 15, bold: true });
  writer.space(4);
  // A box of a permanent series has no disposition date: it is listed for the archives whenever the center holds it.
  const archived = boxes.filter((box) => box.action === 'transfer-to-archives').length;
  const dated = boxes.length - archived;
  const parts = [
    dated > 0
      ? `the ${plural(dated, 'box', 'boxes')} of ${department.name} whose disposition date falls from ${humanDate(about.period.from)} to ` +
        `${humanDate(about.period.to)} (${about.period.from} to ${about.period.to})`
      : null,
    archived > 0 ? `${dated > 0 ? 'and ' : ''}${plural(archived, 'box', 'boxes')} of permanent series the center holds, to transfer to the archives` : null,
  ].filter(Boolean);
  writer.paragraph(`Issued ${humanDate(about.issuedAt)}. It lists ${parts.join(', ')}.`);
  writer.space(8);
  writer.paragraph(`Please answer by ${humanDate(about.respondBy)} (${about.respondBy}).`, { size: 18, bold: true });
  writer.space(2);
  writer.paragraph(`That is ${center.name}’s notice period: ${plural(center.noticeDays, 'day', 'days')} from the day of this notice.`);
  writer.space(4);

  writer.heading('What this means');
  writer.paragraph(about.meaning);
  writer.heading('If you do not answer');
  writer.paragraph(NO_ANSWER_WORDS);

  for (const action of dispositionActions) {
    const listed = boxes.filter((box) => box.action === action);
    if (listed.length === 0) continue;
    const title = `${dispositionActionWords[action]}: ${plural(listed.length, 'box', 'boxes')}`;
    writer.heading(title);
    writer.table(
      [{ header: 'Box', weight: 1.2 }, { header: 'Box id', weight: 0.6, keepWhole: true }, { header: 'Accession', weight: 1 },
        { header: 'Dates', weight: 0.7, keepWhole: true }, { header: 'Schedule item', weight: 2 }, { header: 'Disposition', weight: 0.6, keepWhole: true }],
      listed.map((box) => [`${box.boxLabel}${box.confidential ? ' (confidential)' : ''}`, box.boxId, atCenter(box), folderSpan(box.folders),
        box.series.map(seriesText).join('; ') || '—', action === 'transfer-to-archives' ? `permanent; held since ${box.dispositionDate}` : box.dispositionDate]),
      { continuedTitle: title, size: TABLE_SIZE },
    );
  }

  folderTable(writer, boxes, 'What is in each box');

  writer.heading('How to answer');
  writer.bullets([
    'Approve: the box may be destroyed (securely, if confidential) or transferred to the archives, as listed above.',
    'Refuse: give the reason and the date the records center should review the box again. Nothing happens to it.',
    'Ask for more time: say until when. The records center waits and asks again then.',
    `Answer every box at once or box by box, sign with your name and title, and send the response file to ${center.name}. ` +
      'Only a box you approve in writing is destroyed or transferred.',
    ...(hasContact(center.contactName, center.contactPhone, center.contactEmail)
      ? [`Questions: ${center.name}, ${contactLine(center.contactName, center.contactPhone, center.contactEmail)}.`] : []),
  ]);

  seal(writer, 'This notice’s', options.fingerprint);
  missingNote(writer, tally.count, 'notice file');
  drawFooters(doc, faces.regular, (page, pages) => `Disposition notice ${about.number} · answer by ${about.respondBy} · page ${page} of ${pages}`,
    footerSeal(options.fingerprint));
  return doc.save();
}

function seriesText(series: NoticeBox['series'][number]): string {
  const retention = series.retentionText.trim() ? `: ${series.retentionText.trim()}` : '';
  const authority = series.citation.trim() ? ` (authority: ${series.citation.trim()})` : '';
  return `${series.itemNumber} ${series.title}${retention}${authority}`;
}

function answerWords(answer: DispositionResponse['answers'][number]): string {
  const reason = answer.reason.trim();
  if (answer.answer === 'approve') return reason ? `Approved: ${reason}` : 'Approved';
  if (answer.answer === 'refuse') return `Refused: ${reason || 'no reason given'}${answer.reviewDate ? `, review on ${answer.reviewDate}` : ''}`;
  return `More time${answer.extendTo ? ` until ${answer.extendTo}` : ''}${reason ? `: ${reason}` : ''}`;
}

/** The response, with the notice it answers (for the boxes' words). */
export async function buildResponsePdf(response: DispositionResponse, notice: DispositionNotice, options: SealedPdfOptions): Promise<Uint8Array> {
  const { department, signedBy } = response;
  const center = notice.recordsCenter;
  const { doc, faces, tally } = await createDocument(options, {
    title: `Response to disposition notice ${response.notice.number}`,
    subject: `${department.name} answers ${center.name}’s disposition notice ${response.notice.number}`,
    author: department.name,
    date: response.respondedAt,
    fingerprint: options.fingerprint,
    printedText: JSON.stringify([response, notice]),
  });
  doc.setKeywords([`${RESPONSE_SEAL_KEYWORD}${options.fingerprint}`]);
  const writer = new PageWriter(doc, faces);
  const byId = new Map(notice.boxes.map((box) => [box.boxId, box]));
  const counted = (answer: string) => response.answers.filter((each) => each.answer === answer).length;

  writer.paragraph(`Response to disposition notice ${response.notice.number}`, { size: 22, bold: true });
  writer.space(6);
  writer.paragraph(`from ${department.name} to ${center.name}`, { size: 15, bold: true });
  writer.space(4);
  writer.paragraph(`Signed by ${signedBy.name}, ${signedBy.title}, on ${humanDate(response.respondedAt)}. ` +
    `${plural(counted('approve'), 'box', 'boxes')} approved, ${counted('refuse')} refused, ${counted('extend')} given more time.`);
  const answered = new Set(response.answers.map((answer) => answer.boxId));
  const unanswered = notice.boxes.filter((box) => !answered.has(box.boxId));
  if (unanswered.length > 0) {
    writer.paragraph(`Not answered here, so not approved (nothing happens to ${unanswered.length === 1 ? 'it' : 'them'}): ` +
      `${unanswered.map((box) => `${box.boxLabel} (${box.boxId})`).join('; ')}.`);
  }
  writer.paragraph('Only a box approved here may be destroyed or transferred to the archives.');

  writer.heading('The answer for each box');
  writer.table(
    [{ header: 'Box', weight: 1.2 }, { header: 'Box id', weight: 0.6, keepWhole: true }, { header: 'Accession', weight: 1 },
      { header: 'Proposed', weight: 1 }, { header: 'Answer', weight: 2 }],
    response.answers.map((answer) => {
      const box = byId.get(answer.boxId);
      return [box?.boxLabel ?? '—', answer.boxId, box ? atCenter(box) : '—', box ? dispositionActionWords[box.action] : '—', answerWords(answer)];
    }),
    { continuedTitle: 'The answer for each box', size: TABLE_SIZE },
  );

  writer.heading(`Signed for ${department.name}`, 13.5, writer.lineHeight(BODY_SIZE) * 4 + 56);
  signatureLines(writer, [['Name', signedBy.name], ['Title', signedBy.title], ['Signature', null], ['Date', humanDate(response.respondedAt)]]);

  seal(writer, 'This response’s', options.fingerprint, [[`It answers notice ${response.notice.number}, the notice file with this seal:`, response.notice.fingerprint]]);
  missingNote(writer, tally.count, 'response file');
  drawFooters(doc, faces.regular, (page, pages) => `Response to notice ${response.notice.number} · ${department.name} · page ${page} of ${pages}`,
    footerSeal(options.fingerprint));
  return doc.save();
}

const DONE_WORDS: Record<DispositionCertificate['boxes'][number]['action'], string> = {
  destroyed: 'Destroyed',
  'transferred-to-archives': 'Transferred to the archives',
};

export function certificateTitle(certificate: DispositionCertificate): string {
  const destroyed = certificate.boxes.some((box) => box.action === 'destroyed');
  const transferred = certificate.boxes.some((box) => box.action === 'transferred-to-archives');
  if (destroyed && transferred) return 'Certificate of destruction and transfer';
  return transferred ? 'Certificate of transfer to the archives' : 'Certificate of destruction';
}

export async function buildCertificatePdf(certificate: DispositionCertificate, options: SealedPdfOptions): Promise<Uint8Array> {
  const { certificate: about, notice, response, department, recordsCenter: center, boxes } = certificate;
  const title = certificateTitle(certificate);
  const { doc, faces, tally } = await createDocument(options, {
    title: `${title} ${about.number}`,
    subject: `${center.name} carried out the disposition ${department.name} approved in answer to notice ${notice.number}`,
    author: center.name,
    date: about.issuedAt,
    fingerprint: options.fingerprint,
    printedText: JSON.stringify(certificate),
  });
  doc.setKeywords([`${CERTIFICATE_SEAL_KEYWORD}${options.fingerprint}`]);
  const writer = new PageWriter(doc, faces);
  const destroyed = boxes.filter((box) => box.action === 'destroyed').length;
  const transferred = boxes.length - destroyed;

  writer.paragraph(title, { size: 22, bold: true });
  writer.space(6);
  writer.paragraph(`Certificate ${about.number} · ${center.name} for ${department.name}`, { size: 15, bold: true });
  writer.space(4);
  writer.paragraph([
    destroyed > 0 ? `${plural(destroyed, 'box was', 'boxes were')} destroyed` : null,
    transferred > 0 ? `${plural(transferred, 'box was', 'boxes were')} transferred to the archives` : null,
  ].filter(Boolean).join(' and ') + `, as approved in answer to disposition notice ${notice.number}. Issued ${humanDate(about.issuedAt)}.`);
  writer.space(6);
  writer.facts([
    ['Records center', center.name],
    ...(hasContact(center.contactName, center.contactPhone, center.contactEmail)
      ? [['Contact', contactLine(center.contactName, center.contactPhone, center.contactEmail)] as [string, string]] : []),
    ['Department', `${department.name}${department.code.trim() ? ` (${department.code.trim()})` : ''}`],
    ['Notice', notice.number],
    ['Approved by', `${response.signedBy.name}${response.signedBy.title.trim() ? `, ${response.signedBy.title.trim()}` : ''}, on ${humanDate(response.respondedAt)}, ` +
      'in the signed response whose seal is printed below'],
  ], 110);
  writer.space(6);
  writer.paragraph(destroyed > 0 ? CERTIFICATE_STATEMENT : 'Transferred only after written approval; no record under a legal hold was moved.', { bold: true });

  writer.heading('What was done, box by box');
  writer.table(
    [{ header: 'Box', weight: 1.2 }, { header: 'Box id', weight: 0.6, keepWhole: true }, { header: 'Accession', weight: 1 },
      { header: 'Done', weight: 0.8 }, { header: 'Method', weight: 1.2 }, { header: 'Date', weight: 0.5, keepWhole: true }, { header: 'Witness', weight: 0.8 }],
    boxes.map((box) => [box.boxLabel, box.boxId, atCenter(box), DONE_WORDS[box.action], box.method, day(box.at), box.witness || '—']),
    { continuedTitle: 'What was done, box by box', size: TABLE_SIZE },
  );
  folderTable(writer, boxes, 'The folders, as the department knows them');

  const witnesses = [...new Set(boxes.map((box) => box.witness.trim()).filter(Boolean))];
  writer.heading('Signatures', 13.5, writer.lineHeight(BODY_SIZE) * 4 + 56);
  signatureLines(writer, [['For the center', null], ['Signature', null], ['Date', null]]);
  for (const witness of witnesses) signatureLines(writer, [['Witness', witness], ['Signature', null]]);

  seal(writer, 'This certificate’s', options.fingerprint, [
    [`It rests on notice ${notice.number}, the notice file with this seal:`, notice.fingerprint],
    [`and on the response signed by ${response.signedBy.name}, the response file with this seal:`, response.fingerprint],
  ]);
  missingNote(writer, tally.count, 'certificate file');
  drawFooters(doc, faces.regular, (page, pages) => `Certificate ${about.number} · notice ${notice.number} · page ${page} of ${pages}`,
    footerSeal(options.fingerprint));
  return doc.save();
}
