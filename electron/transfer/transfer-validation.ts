// Checks a transfer against the catalog as it stands now (shared/transfer/validate.ts holds the rules), and keeps
// "ready" true to the last check: ready is derived, like a folder's disposition date, so it is not an undo step.
import type { TransferValidation } from '../../shared/api/contract-transfers';
import type { DispositionStatus, RecordsCenter } from '../../shared/domain/types';
import { isEditable } from '../../shared/transfer/statuses';
import { validateTransfer, type ValidationBox, type ValidationInput } from '../../shared/transfer/validate';
import type { CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { toRecordsCenter, type RecordsCenterRow } from '../catalog/rows';
import { getTransferRow } from './transfer-rows';

interface FolderRow {
  id: number; box_id: number; position: number; title: string; file_code: string; notes: string; schedule_item_id: number | null; item_number: string | null;
  series_title: string | null; begin_date: string; end_date: string; confidential: number; disposition_date: string | null;
  disposition_status: DispositionStatus;
}

export function recordsCenterOf(context: CatalogContext, centerId: number): RecordsCenter | null {
  const row = context.db.get<RecordsCenterRow>('SELECT * FROM records_center WHERE id = ?', [centerId]);
  return row ? toRecordsCenter(row) : null;
}

export function validationInput(context: CatalogContext, transferId: number): ValidationInput {
  const transfer = getTransferRow(context, transferId);
  const boxes = context.db.all<{ id: number; label: string; other: string | null }>(
    `SELECT b.id, b.label,
       (SELECT group_concat(t.number, ', ') FROM transfer_box other JOIN transfer t ON t.id = other.transfer_id
         WHERE other.box_id = b.id AND other.transfer_id <> tb.transfer_id AND t.status <> 'accessioned') AS other
     FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = ? ORDER BY tb.sequence`,
    [transferId],
  );
  const byBox = new Map<number, ValidationBox>(
    boxes.map((box) => [box.id, { id: box.id, label: box.label, folders: [], otherOpenTransfers: box.other ? box.other.split(', ') : [] }]),
  );
  const folders = context.db.all<FolderRow>(
    `SELECT f.id, f.box_id, f.position, f.title, f.file_code, f.notes, f.schedule_item_id, s.item_number, s.title AS series_title, f.begin_date,
       f.end_date, f.confidential, f.disposition_date, f.disposition_status
     FROM transfer_box tb JOIN folder f ON f.box_id = tb.box_id LEFT JOIN schedule_item s ON s.id = f.schedule_item_id
     WHERE tb.transfer_id = ? ORDER BY tb.sequence, f.position, f.id`,
    [transferId],
  );
  for (const folder of folders) {
    byBox.get(folder.box_id)?.folders.push({
      id: folder.id,
      position: folder.position,
      title: folder.title,
      fileCode: folder.file_code,
      notes: folder.notes,
      scheduleItemId: folder.schedule_item_id,
      itemNumber: folder.item_number,
      seriesTitle: folder.series_title,
      beginDate: folder.begin_date,
      endDate: folder.end_date,
      confidential: folder.confidential === 1,
      dispositionDate: folder.disposition_date,
      dispositionStatus: folder.disposition_status,
    });
  }
  return {
    department: getDepartment(context),
    recordsCenter: recordsCenterOf(context, transfer.records_center_id),
    boxes: [...byBox.values()],
  };
}

/** Validates an editable transfer and moves it between draft and ready to match. */
export function checkTransfer(context: CatalogContext, transferId: number): TransferValidation {
  const transfer = getTransferRow(context, transferId);
  const validation = validateTransfer(validationInput(context, transferId));
  if (isEditable(transfer.status)) {
    const status = validation.valid ? 'ready' : 'draft';
    if (status !== transfer.status) {
      // The check's verdict, not an edit of the record: kept out of the undo history, but saved like any change.
      context.history.untracked(() => context.db.run('UPDATE transfer SET status = ? WHERE id = ?', [status, transferId]));
    }
  }
  return validation;
}
