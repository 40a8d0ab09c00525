// A department's legal hold, acknowledged: the records center writes `transmittal-legal-hold-acknowledgment/1` for a
// hold it took in from a department's file, naming that file by its seal and listing every box and folder it holds
// under it (or saying it lifted it); the department takes it in against the hold files it wrote and recorded
// (legal_hold_file), so it knows its hold is in force at the center, not only in its own catalog.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HoldDetail, TakenIn } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import {
  LEGAL_HOLD_ACKNOWLEDGMENT_FORMAT,
  legalHoldAcknowledgmentSchema,
  type LegalHoldAcknowledgment,
  type LegalHoldFile,
} from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { getDepartment } from '../../catalog/profile-store';
import { recordedChange } from '../../center/center-change';
import { sealFingerprint } from '../../exchange/fingerprint';
import { writeFileAtomic } from '../../storage/file-system';
import { sealAndCheck } from '../center/disposition-paper';
import { coverageOf, holdRow, inChunks, type HoldRow } from './hold-store';

interface HoldFileRow {
  id: number;
  hold_id: number;
  fingerprint: string;
  state: 'in-force' | 'lifted';
  boxes: number;
  folders: number;
  center_name: string;
  written_at: string;
  written_by: string;
  acknowledgment_fingerprint: string | null;
  center_number: string | null;
  taken_in_at: string | null;
  taken_in_by: string | null;
  center_boxes: number | null;
  center_folders: number | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

const refuse = (message: string, fileName: string, field = 'file') =>
  new AppError('invalid-input', `${message} Nothing was changed.`, { field, file: fileName });

export function acknowledgmentFileName(number: string): string {
  return `${number.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-legal-hold-acknowledgment.json`;
}

// ——— The department: what it sent, and what came back ———

/** Inside the caller's change or on its own: a hold file written for the center is kept by its seal (once). */
export function recordHoldFileSent(context: CatalogContext, holdId: number, file: LegalHoldFile, center: string): void {
  if (context.db.get('SELECT 1 AS found FROM legal_hold_file WHERE fingerprint = ?', [file.fingerprint])) return;
  const boxes = file.items.filter((item) => item.folderPosition === null).length;
  recordedChange(context, `Send legal hold ${file.hold.number} to ${center}`, () => {
    context.db.run(
      `INSERT INTO legal_hold_file (hold_id, fingerprint, state, boxes, folders, center_name, written_at, written_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [holdId, file.fingerprint, file.hold.liftedAt === null ? 'in-force' : 'lifted', boxes, file.items.length - boxes, center, context.now(), context.history.actor],
    );
  });
}

/** The hold files a department wrote for this hold, newest first, each with the center's acknowledgment if it came. */
export function holdFilesSent(context: CatalogContext, holdId: number): HoldDetail['filesSent'] {
  return context.db
    .all<HoldFileRow>('SELECT * FROM legal_hold_file WHERE hold_id = ? ORDER BY written_at DESC, id DESC', [holdId])
    .map((row) => ({
      fingerprint: row.fingerprint,
      state: row.state,
      boxes: row.boxes,
      folders: row.folders,
      center: row.center_name,
      writtenAt: row.written_at,
      writtenBy: row.written_by,
      acknowledged:
        row.acknowledgment_fingerprint === null
          ? null
          : {
              fingerprint: row.acknowledgment_fingerprint,
              centerNumber: row.center_number ?? '',
              takenInAt: row.taken_in_at ?? '',
              takenInBy: row.taken_in_by ?? '',
              boxes: row.center_boxes ?? 0,
              folders: row.center_folders ?? 0,
              recordedAt: row.acknowledged_at ?? '',
            },
    }));
}

function parseAcknowledgment(json: unknown, fileName: string): LegalHoldAcknowledgment {
  const parsed = legalHoldAcknowledgmentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || 'the file';
    throw refuse(`${fileName} is not a complete legal hold acknowledgment: ${where}: ${issue.message}. Ask the records center to write it again.`, fileName, where);
  }
  if (sealFingerprint(parsed.data) !== parsed.data.fingerprint) {
    throw refuse(`${fileName} was changed after the records center made it (its seal does not match its content). Ask the center to write it again.`, fileName, 'fingerprint');
  }
  return parsed.data;
}

/** The department takes in the center's acknowledgment of one of its hold files. */
export function importHoldAcknowledgment(context: CatalogContext, json: unknown, fileName: string): TakenIn {
  const ack = parseAcknowledgment(json, fileName);
  const sent = context.db.get<HoldFileRow>('SELECT * FROM legal_hold_file WHERE fingerprint = ?', [ack.hold.holdFingerprint]);
  const held = context.db.get<HoldRow>("SELECT * FROM legal_hold WHERE number = ? AND origin = 'department'", [ack.hold.number]);
  if (!sent || sent.hold_id !== held?.id) {
    const known = held
      ? `Legal hold ${held.number} “${held.name}” is this catalog's, but no hold file it wrote has the seal ${ack.hold.holdFingerprint.slice(0, 12)}… that ${fileName} acknowledges.`
      : `This catalog placed no legal hold numbered ${ack.hold.number}: ${fileName} is for another department's hold, or for another catalog.`;
    throw refuse(known, fileName, 'hold.holdFingerprint');
  }
  if (sent.acknowledgment_fingerprint === ack.fingerprint) {
    return {
      kind: 'hold-acknowledgment', id: held.id, number: held.number, alreadyImported: true,
      message: `${ack.recordsCenter.name}'s acknowledgment of legal hold ${held.number} was taken in already: nothing changed.`,
    };
  }
  if (ack.hold.state !== sent.state) {
    const said = (state: string) => (state === 'in-force' ? 'in force' : 'lifted');
    throw refuse(
      `${fileName} says legal hold ${held.number} is ${said(ack.hold.state)} at ${ack.recordsCenter.name}, but the hold file it acknowledges said ${said(sent.state)}. Ask the center to take the file in again and write a new acknowledgment.`,
      fileName,
      'hold.state',
    );
  }
  const boxes = ack.items.filter((item) => item.folderPosition === null).length;
  const folders = ack.items.length - boxes;
  recordedChange(context, `Take in ${ack.recordsCenter.name}'s acknowledgment of legal hold ${held.number}`, () => {
    context.db.run(
      `UPDATE legal_hold_file SET acknowledgment_fingerprint = ?, acknowledgment_json = ?, center_number = ?, taken_in_at = ?, taken_in_by = ?,
         center_boxes = ?, center_folders = ?, acknowledged_at = ?, acknowledged_by = ? WHERE id = ?`,
      [ack.fingerprint, JSON.stringify(ack), ack.centerNumber, ack.takenInAt, ack.takenInBy, boxes, folders, context.now(), context.history.actor, sent.id],
    );
  });
  const center = ack.recordsCenter.name;
  if (ack.hold.state === 'lifted') {
    return {
      kind: 'hold-acknowledgment', id: held.id, number: held.number, alreadyImported: false,
      message: `${center} lifted legal hold ${held.number} “${held.name}” on ${(ack.hold.liftedAt ?? ack.takenInAt).slice(0, 10)}, as your file asked: its boxes there may go on a disposition notice again when they are due.`,
    };
  }
  const what = [boxes > 0 ? count(boxes, 'whole box', 'whole boxes') : '', folders > 0 ? count(folders, 'folder') : ''].filter(Boolean).join(' and ') || 'nothing';
  const short = boxes < sent.boxes || folders < sent.folders ? ` Your file named ${sent.boxes + sent.folders}: ask ${center} about the rest.` : '';
  return {
    kind: 'hold-acknowledgment', id: held.id, number: held.number, alreadyImported: false,
    message: `${center} holds ${what} under legal hold ${held.number} “${held.name}” since ${ack.takenInAt.slice(0, 10)} (its number ${ack.centerNumber}): none of it goes on a disposition notice until you lift the hold.${short}`,
  };
}

// ——— The records center: the acknowledgment it sends back ———

interface AckItemRow {
  box_id: number;
  position: number | null;
  box_code: string | null;
  label: string;
  center_box_number: number | null;
  accession_number: string;
  transfer_number: string;
  manifest_fingerprint: string;
}

/** The department's own number for a hold the center keeps as "PW-LH-2026-0001 (Public Works)" when the number was taken. */
function departmentNumber(row: HoldRow, departmentName: string): string {
  const suffix = ` (${departmentName})`;
  return row.number.endsWith(suffix) ? row.number.slice(0, -suffix.length) : row.number;
}

export function buildHoldAcknowledgment(context: CatalogContext, id: number): LegalHoldAcknowledgment {
  const row = holdRow(context, id);
  if (row.origin !== 'department-file' || row.fingerprint === null) {
    throw new AppError(
      'invalid-input',
      `Legal hold ${row.number} “${row.name}” was placed here, not taken in from a department's hold file: there is nothing to acknowledge.`,
      { field: 'id' },
    );
  }
  const department = context.db.get<{ name: string; code: string }>('SELECT name, code FROM center_department WHERE id = ?', [row.department_id ?? 0]);
  if (!department) throw new AppError('not-found', `The department of legal hold ${row.number} is not in this catalog any more.`, { field: 'id' });
  const coverage = coverageOf(context, id);
  const boxIds = [...new Set([...coverage.wholeBoxes, ...coverage.folders.values()])];
  const boxes = new Map(
    inChunks(boxIds, (marks, chunk) =>
      context.db.all<AckItemRow>(
        `SELECT b.id AS box_id, NULL AS position, b.box_code, b.label, b.center_box_number, a.accession_number, a.transfer_number, a.manifest_fingerprint
         FROM holding_box b JOIN accession a ON a.id = b.accession_id WHERE b.id IN (${marks})`,
        chunk,
      ),
    ).map((box) => [box.box_id, box]),
  );
  const single = [...coverage.folders].filter(([, boxId]) => !coverage.wholeBoxes.has(boxId)).map(([folderId]) => folderId);
  const folders = inChunks(single, (marks, chunk) =>
    context.db.all<{ box_id: number; position: number }>(`SELECT box_id, position FROM holding_folder WHERE id IN (${marks})`, chunk),
  );
  const item = (box: AckItemRow, folderPosition: number | null): LegalHoldAcknowledgment['items'][number] => ({
    transferNumber: box.transfer_number,
    manifestFingerprint: box.manifest_fingerprint,
    boxId: box.box_code ?? `extra box ${box.box_id}`,
    boxLabel: box.label,
    folderPosition,
    accessionNumber: box.accession_number,
    centerBoxNumber: box.center_box_number === null ? null : String(box.center_box_number),
  });
  const items = [
    ...[...coverage.wholeBoxes].map((boxId) => boxes.get(boxId)).filter((box): box is AckItemRow => box !== undefined).map((box) => item(box, null)),
    ...folders.filter((folder) => boxes.has(folder.box_id)).map((folder) => item(boxes.get(folder.box_id)!, folder.position)),
  ].sort((a, b) => a.accessionNumber.localeCompare(b.accessionNumber) || a.boxId.localeCompare(b.boxId) || (a.folderPosition ?? 0) - (b.folderPosition ?? 0));
  const center = getDepartment(context);
  const unsealed: Omit<LegalHoldAcknowledgment, 'fingerprint'> = {
    format: LEGAL_HOLD_ACKNOWLEDGMENT_FORMAT,
    hold: {
      number: departmentNumber(row, department.name),
      name: row.name,
      holdFingerprint: row.fingerprint,
      state: row.lifted_at === null ? 'in-force' : 'lifted',
      liftedAt: row.lifted_at,
    },
    department: { name: department.name, code: department.code },
    recordsCenter: { name: center.name, contactName: center.contactName, contactPhone: center.contactPhone, contactEmail: center.contactEmail },
    centerNumber: row.number,
    takenInAt: row.taken_in_at ?? row.placed_at,
    takenInBy: row.taken_in_by ?? row.placed_by,
    // A lifted hold holds nothing here any more.
    items: row.lifted_at === null ? items : [],
  };
  return sealAndCheck(unsealed, legalHoldAcknowledgmentSchema, `The acknowledgment of legal hold ${row.number}`);
}

export async function writeHoldAcknowledgment(
  context: CatalogContext,
  id: number,
  outDir: string,
): Promise<{ path: string; fingerprint: string; items: number; message: string }> {
  const ack = buildHoldAcknowledgment(context, id);
  await mkdir(outDir, { recursive: true });
  const fileName = acknowledgmentFileName(ack.hold.number);
  const path = join(outDir, fileName);
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(ack, null, 2)}\n`), { overwrite: true });
  const boxes = ack.items.filter((each) => each.folderPosition === null).length;
  const what = [boxes > 0 ? count(boxes, 'whole box', 'whole boxes') : '', ack.items.length > boxes ? count(ack.items.length - boxes, 'folder') : ''].filter(Boolean).join(' and ');
  const state = ack.hold.state === 'lifted' ? 'that it was lifted here' : `that ${what || 'nothing'} ${ack.items.length === 1 ? 'is' : 'are'} held here`;
  return {
    path,
    fingerprint: ack.fingerprint,
    items: ack.items.length,
    message: `The acknowledgment of legal hold ${ack.hold.number} from ${ack.department.name} says ${state}: send ${fileName} to ${ack.department.name} to take in.`,
  };
}
