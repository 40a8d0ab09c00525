// One read of a transfer with everything about it that a check or a manifest needs: its row, its boxes in order
// (with any other open transfer each is on), their folders, the department and the records center. The pre-send
// check and the manifest builder both work from this, so a send reads the catalog once, and both see the same rows.
import type { Department, Folder, RecordsCenter } from '../../shared/domain/types';
import type { CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { toRecordsCenter, type RecordsCenterRow } from '../catalog/rows';
import { getTransferRow, type TransferRow } from './transfer-rows';

export interface LoadedFolder {
  id: number; box_id: number; position: number; title: string; file_code: string; notes: string; schedule_item_id: number | null;
  item_number: string | null; series_title: string | null; begin_date: string; end_date: string; event_date: string; confidential: number;
  medium: Folder['medium']; legal_hold: number; legal_hold_reason: string; disposition_date: string | null;
  disposition_status: Folder['dispositionStatus']; first_day: string | null; last_day: string | null;
}

export interface LoadedBox {
  id: number;
  label: string;
  cubicFeet: number;
  officeLocation: string;
  /** Numbers of the other transfers, not yet accessioned, that this box is also on. */
  otherOpenTransfers: string[];
  folders: LoadedFolder[];
}

export interface LoadedTransfer {
  transfer: TransferRow;
  department: Department;
  recordsCenter: RecordsCenter | null;
  boxes: LoadedBox[];
  /** Every folder, box by box in transfer order, then by position. */
  folders: LoadedFolder[];
}

export function loadTransfer(context: CatalogContext, transferId: number): LoadedTransfer {
  const transfer = getTransferRow(context, transferId);
  const centerRow = context.db.get<RecordsCenterRow>('SELECT * FROM records_center WHERE id = ?', [transfer.records_center_id]);
  const boxRows = context.db.all<{ id: number; label: string; cubic_feet: number; office_location: string; other: string | null }>(
    `SELECT b.id, b.label, b.cubic_feet, b.office_location,
       (SELECT group_concat(t.number, ', ') FROM transfer_box other JOIN transfer t ON t.id = other.transfer_id
         WHERE other.box_id = b.id AND other.transfer_id <> tb.transfer_id AND t.status <> 'accessioned') AS other
     FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = ? ORDER BY tb.sequence`,
    [transferId],
  );
  const folders = context.db.all<LoadedFolder>(
    `SELECT f.id, f.box_id, f.position, f.title, f.file_code, f.notes, f.schedule_item_id, s.item_number, s.title AS series_title,
       f.begin_date, f.end_date, f.event_date, f.confidential, f.medium, f.legal_hold, f.legal_hold_reason, f.disposition_date,
       f.disposition_status, f.first_day, f.last_day
     FROM transfer_box tb JOIN folder f ON f.box_id = tb.box_id LEFT JOIN schedule_item s ON s.id = f.schedule_item_id
     WHERE tb.transfer_id = ? ORDER BY tb.sequence, f.position, f.id`,
    [transferId],
  );
  const boxes = new Map<number, LoadedBox>(
    boxRows.map((box) => [
      box.id,
      { id: box.id, label: box.label, cubicFeet: box.cubic_feet, officeLocation: box.office_location, otherOpenTransfers: box.other ? box.other.split(', ') : [], folders: [] },
    ]),
  );
  for (const folder of folders) boxes.get(folder.box_id)?.folders.push(folder);
  return {
    transfer,
    department: getDepartment(context),
    recordsCenter: centerRow ? toRecordsCenter(centerRow) : null,
    boxes: [...boxes.values()],
    folders,
  };
}
