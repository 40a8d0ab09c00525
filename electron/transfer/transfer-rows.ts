// Reading transfers from the catalog: the list with its totals, and the boxes in one transfer. A sent transfer is
// read from its frozen manifest (what left the office), a draft from the catalog as it stands.
import type { TransferBox, TransferSummary } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import type { BoxStatus } from '../../shared/domain/types';
import type { TransferStatus } from '../../shared/transfer/statuses';
import type { CatalogContext } from '../catalog/context';
import { BOX_STATUS_SQL } from '../custody/box-status';

export interface TransferRow {
  id: number;
  number: string;
  records_center_id: number;
  status: TransferStatus;
  notes: string;
  access_restrictions: string;
  created_at: string;
  sent_at: string | null;
  fingerprint: string | null;
}

/** Totals of a draft come from its boxes now; of a sent transfer, from the manifest it was sent with. */
const SUMMARY_SELECT = `
  SELECT t.id, t.number, t.records_center_id, t.status, t.notes, t.access_restrictions, t.created_at, t.sent_at, t.fingerprint,
    c.name AS center_name,
    CASE WHEN t.manifest_json IS NULL THEN
      (SELECT count(*) FROM transfer_box tb WHERE tb.transfer_id = t.id)
      ELSE json_extract(t.manifest_json, '$.transfer.totals.boxes') END AS box_count,
    CASE WHEN t.manifest_json IS NULL THEN
      (SELECT count(*) FROM transfer_box tb JOIN folder f ON f.box_id = tb.box_id WHERE tb.transfer_id = t.id)
      ELSE json_extract(t.manifest_json, '$.transfer.totals.folders') END AS folder_count,
    CASE WHEN t.manifest_json IS NULL THEN
      (SELECT coalesce(sum(b.cubic_feet), 0) FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = t.id)
      ELSE json_extract(t.manifest_json, '$.transfer.totals.cubicFeet') END AS cubic_feet,
    CASE WHEN t.manifest_json IS NULL THEN
      (SELECT CASE WHEN f.begin_date <> '' THEN f.begin_date ELSE f.end_date END FROM transfer_box tb
        JOIN folder f ON f.box_id = tb.box_id WHERE tb.transfer_id = t.id AND f.first_day IS NOT NULL ORDER BY f.first_day LIMIT 1)
      ELSE json_extract(t.manifest_json, '$.transfer.dateSpan.from') END AS date_from,
    CASE WHEN t.manifest_json IS NULL THEN
      (SELECT CASE WHEN f.end_date <> '' THEN f.end_date ELSE f.begin_date END FROM transfer_box tb
        JOIN folder f ON f.box_id = tb.box_id WHERE tb.transfer_id = t.id AND f.last_day IS NOT NULL ORDER BY f.last_day DESC LIMIT 1)
      ELSE json_extract(t.manifest_json, '$.transfer.dateSpan.to') END AS date_to
  FROM transfer t LEFT JOIN records_center c ON c.id = t.records_center_id`;

type SummaryRow = TransferRow & {
  center_name: string | null; box_count: number; folder_count: number; cubic_feet: number; date_from: string | null; date_to: string | null;
};

/** Sums of box sizes such as 1.2 + 1.2 + 1.2 read 3.6, not 3.5999999999999996. */
export const roundCubicFeet = (value: number) => Math.round(value * 100) / 100;

function toSummary(row: SummaryRow): TransferSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    recordsCenterId: row.records_center_id,
    recordsCenterName: row.center_name,
    notes: row.notes,
    accessRestrictions: row.access_restrictions,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    fingerprint: row.fingerprint,
    totals: { boxes: row.box_count ?? 0, folders: row.folder_count ?? 0, cubicFeet: roundCubicFeet(row.cubic_feet ?? 0) },
    dateSpan: { from: row.date_from ?? null, to: row.date_to ?? null },
  };
}

export function listTransfers(context: CatalogContext): TransferSummary[] {
  return context.db.all<SummaryRow>(`${SUMMARY_SELECT} ORDER BY t.created_at DESC, t.id DESC`).map(toSummary);
}

export function getTransferSummary(context: CatalogContext, id: number): TransferSummary {
  const row = context.db.get<SummaryRow>(`${SUMMARY_SELECT} WHERE t.id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no transfer with id ${id}. It may have been undone.`, { field: 'id' });
  return toSummary(row);
}

export function getTransferRow(context: CatalogContext, id: number): TransferRow {
  const row = context.db.get<TransferRow>(
    'SELECT id, number, records_center_id, status, notes, access_restrictions, created_at, sent_at, fingerprint FROM transfer WHERE id = ?',
    [id],
  );
  if (!row) throw new AppError('not-found', `There is no transfer with id ${id}. It may have been undone.`, { field: 'id' });
  return row;
}

export function frozenManifestJson(context: CatalogContext, id: number): string | null {
  return context.db.get<{ manifest_json: string | null }>('SELECT manifest_json FROM transfer WHERE id = ?', [id])?.manifest_json ?? null;
}

type BoxRow = {
  sequence: number; box_id: number; label: string; cubic_feet: number; status: BoxStatus; folders: number;
  date_from: string | null; date_to: string | null; confidential: number | null; item_numbers: string | null;
};

/** The boxes of a transfer not yet sent, as the catalog describes them now, in transfer order. */
export function draftBoxes(context: CatalogContext, transferId: number): TransferBox[] {
  const rows = context.db.all<BoxRow>(
    `SELECT tb.sequence, b.id AS box_id, b.label, b.cubic_feet, ${BOX_STATUS_SQL} AS status,
       (SELECT count(*) FROM folder f WHERE f.box_id = b.id) AS folders,
       (SELECT CASE WHEN f.begin_date <> '' THEN f.begin_date ELSE f.end_date END FROM folder f
         WHERE f.box_id = b.id AND f.first_day IS NOT NULL ORDER BY f.first_day LIMIT 1) AS date_from,
       (SELECT CASE WHEN f.end_date <> '' THEN f.end_date ELSE f.begin_date END FROM folder f
         WHERE f.box_id = b.id AND f.last_day IS NOT NULL ORDER BY f.last_day DESC LIMIT 1) AS date_to,
       (SELECT max(f.confidential) FROM folder f WHERE f.box_id = b.id) AS confidential,
       (SELECT json_group_array(DISTINCT s.item_number) FROM folder f JOIN schedule_item s ON s.id = f.schedule_item_id
         WHERE f.box_id = b.id) AS item_numbers
     FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = ? ORDER BY tb.sequence`,
    [transferId],
  );
  // Numbered by position: a box deleted from the catalog leaves a gap in the stored sequence until sending closes it.
  return rows.map((row, index) => ({
    boxId: row.box_id,
    sequence: index + 1,
    label: row.label,
    cubicFeet: row.cubic_feet,
    folders: row.folders,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    status: row.status,
    confidential: row.confidential === 1,
    itemNumbers: row.item_numbers ? (JSON.parse(row.item_numbers) as (string | null)[]).filter((each): each is string => !!each) : [],
  }));
}

interface FrozenBox {
  sequence: number; label: string; cubicFeet: number; folders: unknown[]; dateSpan: { from: string | null; to: string | null };
  confidential: boolean; itemNumbers: string[];
}

/** The boxes of a sent transfer as its manifest lists them, linked to the catalog's boxes where they still exist. */
export function frozenBoxes(context: CatalogContext, transferId: number, manifestJson: string): TransferBox[] {
  const catalog = new Map(
    context.db
      .all<{ sequence: number; box_id: number; status: BoxStatus }>(
        `SELECT tb.sequence, tb.box_id, ${BOX_STATUS_SQL} AS status FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = ?`,
        [transferId],
      )
      .map((row) => [row.sequence, row]),
  );
  const boxes = (JSON.parse(manifestJson) as { boxes: FrozenBox[] }).boxes;
  return boxes.map((box) => ({
    boxId: catalog.get(box.sequence)?.box_id ?? null,
    sequence: box.sequence,
    label: box.label,
    cubicFeet: box.cubicFeet,
    folders: box.folders.length,
    dateFrom: box.dateSpan.from,
    dateTo: box.dateSpan.to,
    status: catalog.get(box.sequence)?.status ?? null,
    confidential: box.confidential,
    itemNumbers: box.itemNumbers,
  }));
}
