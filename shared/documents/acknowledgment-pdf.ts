// acknowledgment.pdf: the records center's receipt for a transfer it took in, for both sides to keep. In plain words
// it says what the center found (received, damaged, missing, and boxes that came but were not listed), where each
// box is shelved, and how to ask for anything back; it names the manifest it answers by fingerprint, and its own.
// A records center is the department's partner, not its auditor: every discrepancy is said as a fact the
// department can answer, with whom to call.
import type { Acknowledgment } from '../exchange/acknowledgment';
import { createDocument, type DocumentFonts } from './pdf-document';
import { BODY_SIZE, drawFooters, MUTED, PageWriter } from './pdf-layout';
import { contactLine, humanDate, plural } from './receipt-text';

export interface AcknowledgmentPdfOptions extends DocumentFonts {
  /** SHA-256 of the acknowledgment's canonical form. */
  fingerprint: string;
}

const FOUND: Record<Acknowledgment['boxes'][number]['status'], string> = { received: 'Received', damaged: 'Received damaged', missing: 'Missing' };

export async function buildAcknowledgmentPdf(acknowledgment: Acknowledgment, options: AcknowledgmentPdfOptions): Promise<Uint8Array> {
  const { transfer, department, recordsCenter: center, accession } = acknowledgment;
  const { doc, faces } = await createDocument(options, {
    title: `Acknowledgment of transfer ${transfer.number}`,
    subject: `${center.name} took in transfer ${transfer.number} from ${department.name} as accession ${accession.number}`,
    author: center.name,
    date: accession.acknowledgedAt,
    // The document records the manifest it answers, as every document of the package does.
    fingerprint: transfer.manifestFingerprint,
    printedText: JSON.stringify(acknowledgment),
  });
  const writer = new PageWriter(doc, faces);
  const received = acknowledgment.boxes.filter((box) => box.status !== 'missing').length;

  writer.paragraph('Acknowledgment of a transfer', { size: 22, bold: true });
  writer.space(6);
  writer.paragraph(`Transfer ${transfer.number} · accession ${accession.number}`, { size: 15, bold: true });
  writer.space(4);
  writer.paragraph(
    `${center.name} received ${plural(received, 'box', 'boxes')} of the ${acknowledgment.boxes.length} listed from ${department.name}` +
      ` on ${humanDate(accession.receivedAt)} (checked in by ${accession.receivedBy}), and gave the transfer accession number ${accession.number}.`,
  );
  writer.space(4);

  writer.heading('What was found');
  writer.table(
    [{ header: 'Box', weight: 1.6 }, { header: 'Box id', weight: 1.4, keepWhole: true }, { header: 'Found', weight: 1 },
      { header: 'Center box', weight: 0.8, keepWhole: true }, { header: 'Location', weight: 2.2 }, { header: 'Note', weight: 1.6 }],
    acknowledgment.boxes.map((box) => [`${box.sequence}. ${box.label}`, box.boxId, FOUND[box.status], box.centerBoxNumber ?? '—', box.location ?? '—', box.note]),
    { continuedTitle: 'What was found' },
  );
  if (acknowledgment.extraBoxes.length > 0) {
    writer.paragraph(`${plural(acknowledgment.extraBoxes.length, 'box', 'boxes')} came with the transfer but ${acknowledgment.extraBoxes.length === 1 ? 'is' : 'are'} not on its list:`, { bold: true });
    writer.bullets(acknowledgment.extraBoxes.map((box) =>
      `“${box.description}”${box.centerBoxNumber ? `, center box ${box.centerBoxNumber}` : ''}${box.location ? `, at ${box.location}` : ''}${box.note ? `: ${box.note}` : ''}`));
  }

  writer.heading('What did not match');
  if (acknowledgment.discrepancies.length === 0) {
    writer.paragraph('Everything matched the list the department sent.');
  } else {
    writer.bullets(acknowledgment.discrepancies.map((each) => `${each.description} (noted by ${each.recordedBy}, ${humanDate(each.recordedAt)})`));
    writer.paragraph(`Nothing was changed to hide these: they are recorded as found. ${department.name} can answer any of them: ` +
      `call ${center.name}, ${contactLine(center.contactName, center.contactPhone, center.contactEmail)}.`);
  }

  writer.heading('How to get a box or folder back');
  writer.bullets([
    `Quote accession ${accession.number} or transfer ${transfer.number}, the box id or center box number, and for a folder its number and title as written.`,
    `How to ask: ${center.retrievalInstructions.trim() || 'call the records center.'}`,
    `Contact: ${center.name}: ${contactLine(center.contactName, center.contactPhone, center.contactEmail)}.`,
  ]);

  writer.heading('Fingerprints');
  writer.paragraph('This acknowledgment answers the manifest with this SHA-256 fingerprint (the one on the department’s receipt):', { color: MUTED });
  writer.paragraph(transfer.manifestFingerprint, { size: 10, bold: true });
  writer.space(4);
  writer.paragraph('The acknowledgment file’s own fingerprint (SHA-256 of its canonical form):', { color: MUTED });
  writer.paragraph(options.fingerprint, { size: 10, bold: true });
  writer.space(BODY_SIZE);

  drawFooters(doc, faces.regular, (page, pages) => `Accession ${accession.number} · transfer ${transfer.number} · page ${page} of ${pages}`,
    `Acknowledgment ${options.fingerprint.slice(0, 16)}…`);
  return doc.save();
}
