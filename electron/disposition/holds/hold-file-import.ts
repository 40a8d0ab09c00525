// A records center taking in a department's legal hold file (transmittal-legal-hold/1). The file must be whole (its
// schema, its seal), from a department this center holds records for, and every box it names must be one this
// center holds for THAT department (by the manifest fingerprint of the transfer that sent it and the box's barcode),
// every folder one of that box. All is checked before anything is written. The center keeps the hold by the
// department's number: a later file of the same hold lifts it (or adds what was sent since); the same file twice
// changes nothing. When and by whom the latest file was taken in is kept for the acknowledgment sent back
// (hold-acknowledgment.ts).
import type { TakenIn } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import { legalHoldFileSchema, type LegalHoldFile } from '../../../shared/exchange/disposition';
import { recordedChange } from '../../center/center-change';
import { findDepartment } from '../../center/department-store';
import { accessionByManifest, holdingBoxByCode, holdingFolderAt } from '../../center/requests/request-store';
import type { CatalogContext } from '../../catalog/context';
import { sealFingerprint } from '../../exchange/fingerprint';
import { heldWords, holdHoldings, releaseHoldings } from './center-holds';
import { coverageOf, emptyCoverage, insertHold, insertItems, normalizeScope, type Coverage, type HoldRow } from './hold-store';

const refuse = (message: string, fileName: string, field = 'file') =>
  new AppError('invalid-input', `${message} Nothing was changed.`, { field, file: fileName });

function parseHoldFile(json: unknown, fileName: string): LegalHoldFile {
  const parsed = legalHoldFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || 'the file';
    throw refuse(`${fileName} is not a complete legal hold file: ${where}: ${issue.message}. Ask the department to write it again.`, fileName, where);
  }
  if (sealFingerprint(parsed.data) !== parsed.data.fingerprint) {
    throw refuse(`${fileName} was changed after it was made (its seal does not match its content). Ask the department to write it again.`, fileName, 'fingerprint');
  }
  return parsed.data;
}

/** Every item as a holding box (whole) or folder of this center, of this department; refuses naming the first that is not. */
function resolveItems(context: CatalogContext, file: LegalHoldFile, departmentId: number, fileName: string): Coverage {
  const coverage = emptyCoverage();
  file.items.forEach((item, index) => {
    const field = `items.${index}`;
    const which = `Item ${index + 1} of ${fileName} (box ${item.boxId}${item.folderPosition !== null ? `, folder ${item.folderPosition}` : ''}, “${item.boxLabel}”)`;
    const accession = accessionByManifest(context, item.manifestFingerprint);
    if (!accession) {
      throw refuse(`${which} names transfer ${item.transferNumber}, but no accession of this records center has its manifest (fingerprint ${item.manifestFingerprint.slice(0, 12)}…).`, fileName, `${field}.manifestFingerprint`);
    }
    if (accession.department_id !== departmentId) {
      throw refuse(`${which} belongs to ${accession.department_name} (accession ${accession.accession_number}), not ${file.department.name}: a department can only hold its own records.`, fileName, `${field}.manifestFingerprint`);
    }
    const box = holdingBoxByCode(context, accession.id, item.boxId);
    if (!box) throw refuse(`${which} is not a box of accession ${accession.accession_number}.`, fileName, `${field}.boxId`);
    if (item.folderPosition === null) {
      coverage.wholeBoxes.add(box.id);
      for (const folderId of context.db.column<number>('SELECT id FROM holding_folder WHERE box_id = ?', [box.id])) coverage.folders.set(folderId, box.id);
      return;
    }
    const folder = holdingFolderAt(context, box.id, item.folderPosition);
    if (!folder) throw refuse(`${which}: box ${item.boxId} holds no folder at position ${item.folderPosition} here.`, fileName, `${field}.folderPosition`);
    coverage.folders.set(folder.id, box.id);
  });
  return coverage;
}

/** What is in `next` and not yet in `kept`. */
function added(kept: Coverage, next: Coverage): Coverage {
  const fresh = emptyCoverage();
  for (const boxId of next.wholeBoxes) if (!kept.wholeBoxes.has(boxId)) fresh.wholeBoxes.add(boxId);
  for (const [folderId, boxId] of next.folders) if (!kept.folders.has(folderId)) fresh.folders.set(folderId, boxId);
  return fresh;
}

export function importDepartmentHoldFile(context: CatalogContext, json: unknown, fileName: string): TakenIn {
  const file = parseHoldFile(json, fileName);
  const { hold } = file;
  const departmentWords = `${file.department.name}${file.department.code ? ` (${file.department.code})` : ''}`;
  const same = context.db.get<HoldRow>('SELECT * FROM legal_hold WHERE fingerprint = ?', [file.fingerprint]);
  if (same) {
    return {
      kind: 'hold', id: same.id, number: same.number, alreadyImported: true,
      message: `Legal hold ${hold.number} “${hold.name}” from ${file.department.name} was taken in already: nothing changed.`,
    };
  }
  const department = findDepartment(context, file.department);
  if (!department) {
    throw refuse(`${fileName} is a legal hold from ${departmentWords}, but this records center holds no records of that department.`, fileName, 'department');
  }
  if (file.items.length === 0) throw refuse(`${fileName} names no box or folder for legal hold ${hold.number}.`, fileName, 'items');
  const coverage = resolveItems(context, file, department.id, fileName);
  const wholeBoxes = file.items.filter((item) => item.folderPosition === null).length;
  const folders = file.items.length - wholeBoxes;
  const what = heldWords(wholeBoxes, folders);
  const actor = context.history.actor;
  const now = context.now();
  const text = `${file.department.name}'s legal hold ${hold.number} “${hold.name}”${hold.matter ? ` for ${hold.matter}` : ''}`;

  // Another department's hold may carry the same number (two departments without a code): this one is kept apart.
  const existing = context.db.get<HoldRow>(
    "SELECT * FROM legal_hold WHERE origin = 'department-file' AND department_id = ? AND number IN (?, ?) ORDER BY id LIMIT 1",
    [department.id, hold.number, `${hold.number} (${file.department.name})`],
  );
  if (existing) {
    if (existing.lifted_at !== null) {
      return {
        kind: 'hold', id: existing.id, number: existing.number, alreadyImported: true,
        message: `${file.department.name}'s legal hold ${hold.number} “${hold.name}” was lifted here already on ${existing.lifted_at.slice(0, 10)}: this file changes nothing.`,
      };
    }
    if (hold.liftedAt !== null) {
      const result = recordedChange(context, `Take in the lifting of ${file.department.name}'s legal hold ${hold.number}`, () => {
        context.db.run('UPDATE legal_hold SET fingerprint = ?, taken_in_at = ?, taken_in_by = ? WHERE id = ?', [file.fingerprint, now, actor, existing.id]);
        return releaseHoldings(context, existing, {
          at: hold.liftedAt!, by: `${file.department.name} (taken in by ${actor})`, reason: hold.liftReason || 'lifted by the department', who: `${file.department.name}'s legal hold`,
        });
      });
      const still = result.stillHeld > 0 ? ` ${heldWords(0, result.stillHeld)} stay${result.stillHeld === 1 ? 's' : ''} held by another hold or by the department's own record.` : '';
      return {
        kind: 'hold', id: existing.id, number: existing.number, alreadyImported: false,
        message: `${file.department.name} lifted legal hold ${hold.number} “${hold.name}”${hold.liftReason ? ` (${hold.liftReason})` : ''}: ${heldWords(0, result.released)} held by it here ${result.released === 1 ? 'is' : 'are'} released.${still}`,
      };
    }
    // The same hold, written again after more of its boxes were sent: add what is new.
    const fresh = added(coverageOf(context, existing.id), coverage);
    recordedChange(context, `Take in ${file.department.name}'s legal hold ${hold.number} again`, () => {
      context.db.run('UPDATE legal_hold SET fingerprint = ?, taken_in_at = ?, taken_in_by = ? WHERE id = ?', [file.fingerprint, now, actor, existing.id]);
      insertItems(context, existing.id, fresh);
      holdHoldings(context, { number: existing.number, name: hold.name, text }, fresh, now);
    });
    const more = fresh.folders.size + fresh.wholeBoxes.size === 0 ? 'it names nothing new' : `it now also holds ${heldWords(fresh.wholeBoxes.size, [...fresh.folders.values()].filter((boxId) => !fresh.wholeBoxes.has(boxId)).length)}`;
    return {
      kind: 'hold', id: existing.id, number: existing.number, alreadyImported: false,
      message: `${file.department.name}'s legal hold ${hold.number} “${hold.name}” was here already: ${more}. They will not go on a disposition notice until it is lifted.`,
    };
  }

  const taken = context.db.get('SELECT 1 AS found FROM legal_hold WHERE number = ?', [hold.number]);
  const number = taken ? `${hold.number} (${file.department.name})` : hold.number;
  // The scope, as the center knows it: the boxes held whole and the single folders.
  const scope = normalizeScope({
    boxIds: [...coverage.wholeBoxes],
    folderIds: [...coverage.folders].filter(([, boxId]) => !coverage.wholeBoxes.has(boxId)).map(([id]) => id),
  });
  const id = recordedChange(context, `Take in ${file.department.name}'s legal hold ${hold.number} “${hold.name}”`, () => {
    const holdId = insertHold(
      context,
      {
        number, name: hold.name, matter: hold.matter, requestedBy: hold.requestedBy, scope, origin: 'department-file', departmentId: department.id,
        fingerprint: file.fingerprint, placedAt: hold.placedAt, placedBy: `${file.department.name} (taken in by ${actor})`,
      },
      coverage,
    );
    context.db.run('UPDATE legal_hold SET taken_in_at = ?, taken_in_by = ? WHERE id = ?', [now, actor, holdId]);
    if (hold.liftedAt === null) {
      holdHoldings(context, { number, name: hold.name, text }, coverage, now);
    } else {
      // Lifted before it ever reached the center: kept for the record, holding nothing.
      context.db.run('UPDATE legal_hold SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE id = ?', [hold.liftedAt, file.department.name, hold.liftReason, holdId]);
    }
    return holdId;
  });
  if (hold.liftedAt !== null) {
    return {
      kind: 'hold', id, number, alreadyImported: false,
      message: `${file.department.name} placed and lifted legal hold ${hold.number} “${hold.name}” before it reached this records center: it is kept for the record and holds nothing here.`,
    };
  }
  return {
    kind: 'hold', id, number, alreadyImported: false,
    message: `${file.department.name} placed legal hold ${hold.number} “${hold.name}” on ${what} here: they will not go on a disposition notice until it is lifted.`,
  };
}
