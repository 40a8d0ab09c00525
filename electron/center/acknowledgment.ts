// The acknowledgment sent back to the department (transmittal-acknowledgment/1): what the center found, box by box
// in the manifest's order, with its numbers, locations, every discrepancy and the custody events of the listed boxes,
// answering the manifest by its fingerprint. Written atomically as pretty JSON; its fingerprint is of its canonical form.
import { buildAcknowledgmentPdf } from '../../shared/documents/acknowledgment-pdf';
import { acknowledgmentFingerprint } from '../exchange/fingerprint';
import { loadFonts } from '../exchange/fonts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import {
  ACKNOWLEDGMENT_FORMAT,
  acknowledgedEventKinds,
  acknowledgmentSchema,
  type Acknowledgment,
} from '../../shared/exchange/acknowledgment';
import type { Manifest, ManifestV1 } from '../../shared/exchange/manifest';
import type { CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { writeFileAtomic } from '../storage/file-system';
import { discrepanciesOf, getAccessionRow, holdingBoxesOf, locationWordsOf, manifestTextOf, timelineOf } from './accession-store';
import { recordedChange } from './center-change';

/** Builds the acknowledgment of an accession as it stands; `acknowledgedAt` defaults to now. Nothing is written. */
export function buildAcknowledgment(context: CatalogContext, accessionId: number, acknowledgedAt = context.now()): Acknowledgment {
  const accession = getAccessionRow(context, accessionId);
  const boxes = holdingBoxesOf(context, accessionId);
  const expected = boxes.filter((box) => box.status === 'expected').map((box) => box.sequence);
  if (expected.length > 0) {
    throw new AppError(
      'invalid-input',
      `Accession ${accession.accession_number} still has ${expected.length === 1 ? 'box' : 'boxes'} ${expected.slice(0, 20).join(', ')} to check in: ` +
        'the acknowledgment says what was found for every box, so check them in first.',
      { field: 'accessionId', expected },
    );
  }
  const manifest = JSON.parse(manifestTextOf(context, accessionId)) as Manifest | ManifestV1;
  const center = getDepartment(context);
  const listed = boxes.filter((box) => box.sequence !== null);
  const sequenceOf = new Map(listed.map((box) => [box.id, box.sequence as number]));
  const kinds: readonly string[] = acknowledgedEventKinds;
  const acknowledgment: Acknowledgment = {
    format: ACKNOWLEDGMENT_FORMAT,
    transfer: { number: accession.transfer_number, manifestFingerprint: accession.manifest_fingerprint },
    department: { name: manifest.department.name, code: manifest.department.code },
    recordsCenter: {
      name: center.name,
      contactName: center.contactName,
      contactPhone: center.contactPhone,
      contactEmail: center.contactEmail,
      // The center's own words on retrieval, as the department holds them on its manifest (the center's profile
      // in its own catalog has no such field yet).
      retrievalInstructions: manifest.recordsCenter.retrievalInstructions,
    },
    accession: {
      number: accession.accession_number,
      receivedAt: accession.received_at,
      receivedBy: accession.received_by,
      acknowledgedAt,
    },
    boxes: listed.map((box) => ({
      sequence: box.sequence as number,
      boxId: box.box_code ?? '',
      label: box.label,
      status: box.status as 'received' | 'damaged' | 'missing',
      centerBoxNumber: box.center_box_number === null ? null : String(box.center_box_number),
      location: locationWordsOf(box),
      note: box.note,
    })),
    extraBoxes: boxes
      .filter((box) => box.sequence === null)
      .map((box) => ({
        description: box.label,
        centerBoxNumber: box.center_box_number === null ? null : String(box.center_box_number),
        location: locationWordsOf(box),
        note: box.note,
      })),
    discrepancies: discrepanciesOf(context, accessionId).map((each) => ({
      kind: each.kind,
      boxSequence: each.boxSequence,
      folderPosition: each.folderPosition,
      description: each.description,
      recordedAt: each.recordedAt,
      recordedBy: each.recordedBy,
    })),
    events: timelineOf(context, accessionId)
      .filter((event) => sequenceOf.has(event.holdingBoxId) && kinds.includes(event.kind))
      .map((event) => ({
        boxSequence: sequenceOf.get(event.holdingBoxId)!,
        kind: event.kind as Acknowledgment['events'][number]['kind'],
        at: event.at,
        actor: event.actor,
        detail: typeof event.detail.words === 'string' ? event.detail.words : '',
      })),
  };
  // Checked against the published schema before it leaves: the department's import will hold it to the same.
  const checked = acknowledgmentSchema.safeParse(acknowledgment);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `The acknowledgment of accession ${accession.accession_number} does not match its schema at ${issue.path.join('.')}: ${issue.message}.`);
  }
  return acknowledgment;
}


export function acknowledgmentFileName(transferNumber: string): string {
  return `${transferNumber.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-acknowledgment.json`;
}

/**
 * Writes `<outDir>/<transfer number>-acknowledgment.json` and its receipt beside it (`…-acknowledgment.pdf`, for
 * both sides to keep), and records when the accession was acknowledged.
 */
export async function writeAcknowledgment(
  context: CatalogContext, accessionId: number, outDir: string,
): Promise<{ path: string; pdfPath: string; fingerprint: string }> {
  const acknowledgment = buildAcknowledgment(context, accessionId);
  const fingerprint = acknowledgmentFingerprint(acknowledgment);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, acknowledgmentFileName(acknowledgment.transfer.number));
  const pdfPath = path.replace(/\.json$/, '.pdf');
  const pdf = await buildAcknowledgmentPdf(acknowledgment, { fingerprint, ...(await loadFonts()) });
  await writeFileAtomic(pdfPath, pdf, { overwrite: true });
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(acknowledgment, null, 2)}\n`), { overwrite: true });
  recordedChange(context, `Acknowledge accession ${acknowledgment.accession.number}`, () => {
    context.db.run('UPDATE accession SET acknowledged_at = ?, acknowledgment_fingerprint = ? WHERE id = ?', [
      acknowledgment.accession.acknowledgedAt,
      fingerprint,
      accessionId,
    ]);
  });
  return { path, pdfPath, fingerprint };
}
