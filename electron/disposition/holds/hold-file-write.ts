// A department's legal hold as a file for the records center (transmittal-legal-hold/1): the boxes and folders of the
// hold that are at the center, each named the way the center knows it (the transfer's manifest fingerprint and the
// box's barcode id), sealed. A lifted hold is written the same way, with when and why it was lifted, so the center's
// copy follows. Each file written is recorded by its seal, so the center's acknowledgment of it can be taken in.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import { LEGAL_HOLD_FORMAT, legalHoldFileSchema, type LegalHoldFile } from '../../../shared/exchange/disposition';
import { manifestBoxId } from '../../../shared/transfer/numbering';
import type { CatalogContext } from '../../catalog/context';
import { getDepartment } from '../../catalog/profile-store';
import { BOX_STATUS_SQL } from '../../custody/box-status';
import { sealFingerprint } from '../../exchange/fingerprint';
import { writeFileAtomic } from '../../storage/file-system';
import { recordHoldFileSent } from './hold-acknowledgment';
import { coverageOf, holdRow, inChunks } from './hold-store';

/** Where a box is while the center has it: on its way, on the shelf, or lent out from there. */
const AT_CENTER = ['in-transit', 'at-records-center', 'checked-out'];

interface SentBox {
  box_id: number;
  label: string;
  status: string;
  number: string;
  fingerprint: string;
  manifest_json: string;
  sequence: number;
  center: string | null;
}

/** "1 box and 2 folders": whole boxes, then single folders. */
function named(items: LegalHoldFile['items']): string {
  const boxes = items.filter((item) => item.folderPosition === null).length;
  const folders = items.length - boxes;
  return [boxes > 0 ? count(boxes, 'box', 'boxes') : '', folders > 0 ? count(folders, 'folder') : ''].filter(Boolean).join(' and ');
}

export function holdFileName(number: string): string {
  return `${number.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-legal-hold.json`;
}

/** The hold file as it would be written now, and what of the hold stays in the office; refuses when nothing was sent. */
export function buildHoldFile(context: CatalogContext, id: number): { file: LegalHoldFile; notSent: number; center: string } {
  const row = holdRow(context, id);
  const coverage = coverageOf(context, id);
  const boxIds = [...new Set([...coverage.wholeBoxes, ...coverage.folders.values()])];
  // Each box's newest sent transfer: the one the center holds it by.
  const sent = new Map<number, SentBox>();
  for (const box of inChunks(boxIds, (marks, chunk) =>
    context.db.all<SentBox>(
      `SELECT b.id AS box_id, b.label, ${BOX_STATUS_SQL} AS status, t.number, t.fingerprint, t.manifest_json, tb.sequence, c.name AS center
       FROM box b JOIN transfer_box tb ON tb.box_id = b.id JOIN transfer t ON t.id = tb.transfer_id LEFT JOIN records_center c ON c.id = t.records_center_id
       WHERE b.id IN (${marks}) AND t.sent_at IS NOT NULL ORDER BY t.sent_at`,
      chunk,
    ),
  )) {
    sent.set(box.box_id, box);
  }
  const atCenter = new Map([...sent].filter(([, box]) => AT_CENTER.includes(box.status)));
  const labels = new Map<string, Map<number, string>>();
  const labelAsSent = (box: SentBox) => {
    if (!labels.has(box.number)) {
      const manifest = JSON.parse(box.manifest_json) as { boxes?: { sequence: number; label: string }[] };
      labels.set(box.number, new Map((manifest.boxes ?? []).map((each) => [each.sequence, each.label])));
    }
    return labels.get(box.number)!.get(box.sequence) ?? box.label;
  };
  const itemOf = (box: SentBox, folderPosition: number | null): LegalHoldFile['items'][number] => ({
    transferNumber: box.number,
    manifestFingerprint: box.fingerprint,
    boxSequence: box.sequence,
    boxId: manifestBoxId(box.number, box.sequence),
    boxLabel: labelAsSent(box),
    folderPosition,
  });

  const items: LegalHoldFile['items'] = [];
  for (const boxId of [...coverage.wholeBoxes].sort((a, b) => a - b)) {
    const box = atCenter.get(boxId);
    if (box) items.push(itemOf(box, null));
  }
  const single = [...coverage.folders].filter(([, boxId]) => !coverage.wholeBoxes.has(boxId) && atCenter.has(boxId)).map(([folderId]) => folderId);
  const folders = inChunks(single, (marks, chunk) =>
    context.db.all<{ box_id: number; position: number }>(`SELECT box_id, position FROM folder WHERE id IN (${marks})`, chunk),
  ).sort((a, b) => a.box_id - b.box_id || a.position - b.position);
  for (const folder of folders) items.push(itemOf(atCenter.get(folder.box_id)!, folder.position));

  const covered = boxIds.length;
  if (items.length === 0) {
    throw new AppError(
      'invalid-input',
      `Nothing legal hold ${row.number} “${row.name}” covers is at a records center: there is nothing to send. It holds ${count(covered, 'box', 'boxes')} in this catalog only.`,
      { field: 'id' },
    );
  }
  const department = getDepartment(context);
  const unsealed: Omit<LegalHoldFile, 'fingerprint'> = {
    format: LEGAL_HOLD_FORMAT,
    hold: {
      number: row.number,
      name: row.name,
      matter: row.matter,
      requestedBy: row.requested_by,
      placedAt: row.placed_at,
      liftedAt: row.lifted_at,
      liftReason: row.lift_reason ?? '',
    },
    department: { name: department.name, code: department.code },
    items,
  };
  const file: LegalHoldFile = { ...unsealed, fingerprint: sealFingerprint(unsealed) };
  // Held to the published schema before it leaves: the center's import holds it to the same.
  const checked = legalHoldFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `Legal hold ${row.number} does not match its schema at ${issue.path.join('.')}: ${issue.message}.`);
  }
  const centers = [...new Set([...atCenter.values()].map((box) => box.center).filter((name): name is string => !!name))];
  return { file, notSent: covered - atCenter.size, center: centers.length === 1 ? centers[0] : 'the records center' };
}

export async function writeDepartmentHoldFile(context: CatalogContext, id: number, outDir: string): Promise<{ path: string; fingerprint: string; items: number; message: string }> {
  const { file, notSent, center } = buildHoldFile(context, id);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, holdFileName(file.hold.number));
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`), { overwrite: true });
  recordHoldFileSent(context, id, file, center);
  const what = file.hold.liftedAt ? 'lifted' : 'placed';
  const office = notSent > 0 ? ` ${count(notSent, 'other box', 'other boxes')} it covers ${notSent === 1 ? 'is' : 'are'} not at a records center and stay${notSent === 1 ? 's' : ''} held here.` : '';
  return {
    path,
    fingerprint: file.fingerprint,
    items: file.items.length,
    message:
      `Legal hold ${file.hold.number} “${file.hold.name}” (${what}) names ${named(file.items)} at ${center}: ` +
      `send ${holdFileName(file.hold.number)} to ${center} to take in.${office}`,
  };
}
