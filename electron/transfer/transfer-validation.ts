// Checks a transfer against the catalog as it stands now (shared/transfer/validate.ts holds the rules), and keeps
// "ready" true to the last check: ready is derived, like a folder's disposition date, so it is not an undo step.
import type { TransferValidation } from '../../shared/api/contract-transfers';
import { isEditable } from '../../shared/transfer/statuses';
import { validateTransfer, type ValidationBox, type ValidationInput } from '../../shared/transfer/validate';
import type { CatalogContext } from '../catalog/context';
import { loadTransfer, type LoadedTransfer } from './load-transfer';



/** What the pre-send check reads, from one load of the transfer. */
export function validationInputOf(loaded: LoadedTransfer, today: string): ValidationInput {
  return {
    today,
    department: loaded.department,
    recordsCenter: loaded.recordsCenter,
    boxes: loaded.boxes.map((box): ValidationBox => ({
      id: box.id,
      label: box.label,
      otherOpenTransfers: box.otherOpenTransfers,
      folders: box.folders.map((folder) => ({
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
      })),
    })),
  };
}

/** Validates an editable transfer and moves it between draft and ready to match. */
export function checkTransfer(context: CatalogContext, transferId: number): TransferValidation {
  const loaded = loadTransfer(context, transferId);
  const transfer = loaded.transfer;
  const validation = validateTransfer(validationInputOf(loaded, context.now().slice(0, 10)));
  if (isEditable(transfer.status)) {
    const status = validation.valid ? 'ready' : 'draft';
    if (status !== transfer.status) {
      // The check's verdict, not an edit of the record: kept out of the undo history, but saved like any change.
      context.history.untracked(() => context.db.run('UPDATE transfer SET status = ? WHERE id = ?', [status, transferId]));
    }
  }
  return validation;
}
