// Reading accessions back: summaries with their counts, and the detail with boxes, discrepancies and timeline.
import type { AccessionDetail, AccessionSummary, HoldingBox, HoldingEvent, ReceivedAmendment, RecordedDiscrepancy } from '../../shared/api/contract-center';
import type { AccessionStatus, HoldingBoxStatus } from '../../shared/center/holdings';
import { locationInWords } from '../../shared/center/locations';
import { AppError } from '../../shared/domain/errors';
import type { DiscrepancyKind } from '../../shared/exchange/acknowledgment';
import type { CatalogContext } from '../catalog/context';
import { toCenterDepartment, type CenterDepartmentRow } from './department-store';

export interface AccessionRow {
  id: number;
  department_id: number;
  transfer_number: string;
  accession_number: string;
  manifest_format: string;
  manifest_json: string;
  manifest_fingerprint: string;
  source: 'package' | 'manifest';
  source_name: string;
  received_at: string;
  received_by: string;
  status: AccessionStatus;
  accessioned_at: string | null;
  accessioned_by: string | null;
  acknowledged_at: string | null;
  acknowledgment_fingerprint: string | null;
}

const ACCESSION_COLUMNS = `id, department_id, transfer_number, accession_number, manifest_format, manifest_fingerprint, source, source_name,
  received_at, received_by, status, accessioned_at, accessioned_by, acknowledged_at, acknowledgment_fingerprint`;

/** The accession without its manifest text (which may run to megabytes). */
export function getAccessionRow(context: CatalogContext, id: number): Omit<AccessionRow, 'manifest_json'> {
  const row = context.db.get<Omit<AccessionRow, 'manifest_json'>>(`SELECT ${ACCESSION_COLUMNS} FROM accession WHERE id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no accession ${id} in this catalog.`, { field: 'accessionId' });
  return row;
}

export function manifestTextOf(context: CatalogContext, id: number): string {
  return context.db.get<{ manifest_json: string }>('SELECT manifest_json FROM accession WHERE id = ?', [id])?.manifest_json ?? '{}';
}

export interface HoldingBoxRow {
  id: number;
  accession_id: number;
  sequence: number | null;
  box_code: string | null;
  label: string;
  cubic_feet: number;
  item_numbers: string;
  date_from: string | null;
  date_to: string | null;
  disposition_date: string | null;
  disposition_waits_for: string | null;
  confidential: number;
  center_box_number: number | null;
  location_id: number | null;
  status: HoldingBoxStatus;
  note: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  folders: number;
  building: string | null;
  room: string | null;
  row_label: string | null;
  bay: string | null;
  shelf: string | null;
  position: string | null;
}

/** A holding box joined with its location and folder count; extra boxes (no sequence) come after the listed ones. */
export const HOLDING_BOX_SELECT = `SELECT b.*, (SELECT COUNT(*) FROM holding_folder f WHERE f.box_id = b.id) AS folders,
    l.building, l.room, l.row_label, l.bay, l.shelf, l.position
  FROM holding_box b LEFT JOIN location l ON l.id = b.location_id`;
export const HOLDING_BOX_ORDER = 'ORDER BY CASE WHEN b.sequence IS NULL THEN 1 ELSE 0 END, b.sequence, b.id';

export function locationWordsOf(row: Pick<HoldingBoxRow, 'building' | 'room' | 'row_label' | 'bay' | 'shelf' | 'position'>): string | null {
  if (row.building === null) return null;
  return locationInWords({ building: row.building, room: row.room ?? '', row: row.row_label ?? '', bay: row.bay ?? '', shelf: row.shelf ?? '', position: row.position ?? '' });
}

export function toHoldingBox(row: HoldingBoxRow): HoldingBox {
  return {
    id: row.id,
    sequence: row.sequence,
    boxCode: row.box_code,
    label: row.label,
    cubicFeet: row.cubic_feet,
    itemNumbers: JSON.parse(row.item_numbers) as string[],
    dateFrom: row.date_from,
    dateTo: row.date_to,
    dispositionDate: row.disposition_date,
    dispositionWaitsFor: row.disposition_waits_for,
    confidential: row.confidential === 1,
    folders: row.folders,
    status: row.status,
    note: row.note,
    checkedInAt: row.checked_in_at,
    checkedInBy: row.checked_in_by,
    centerBoxNumber: row.center_box_number === null ? null : String(row.center_box_number),
    locationId: row.location_id,
    location: locationWordsOf(row),
  };
}

export function holdingBoxesOf(context: CatalogContext, accessionId: number): HoldingBoxRow[] {
  return context.db.all<HoldingBoxRow>(`${HOLDING_BOX_SELECT} WHERE b.accession_id = ? ${HOLDING_BOX_ORDER}`, [accessionId]);
}

function summaryOf(context: CatalogContext, row: Omit<AccessionRow, 'manifest_json'>): AccessionSummary {
  const department = context.db.get<CenterDepartmentRow>('SELECT * FROM center_department WHERE id = ?', [row.department_id])!;
  const counts = context.db.get<Record<'boxes' | 'cubic_feet' | HoldingBoxStatus, number | null>>(
    `SELECT COUNT(sequence) AS boxes, SUM(cubic_feet) AS cubic_feet,
       SUM(CASE WHEN status = 'expected' THEN 1 ELSE 0 END) AS expected, SUM(CASE WHEN status = 'received' THEN 1 ELSE 0 END) AS received,
       SUM(CASE WHEN status = 'damaged' THEN 1 ELSE 0 END) AS damaged, SUM(CASE WHEN status = 'missing' THEN 1 ELSE 0 END) AS missing,
       SUM(CASE WHEN status = 'extra' THEN 1 ELSE 0 END) AS extra
     FROM holding_box WHERE accession_id = ?`,
    [row.id],
  )!;
  const folders = context.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM holding_folder f JOIN holding_box b ON b.id = f.box_id WHERE b.accession_id = ?',
    [row.id],
  )!.n;
  return {
    id: row.id,
    accessionNumber: row.accession_number,
    transferNumber: row.transfer_number,
    department: toCenterDepartment(department),
    status: row.status,
    manifestFingerprint: row.manifest_fingerprint,
    source: row.source,
    sourceName: row.source_name,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    accessionedAt: row.accessioned_at,
    acknowledgedAt: row.acknowledged_at,
    totals: {
      boxes: counts.boxes ?? 0,
      folders,
      cubicFeet: Math.round((counts.cubic_feet ?? 0) * 100) / 100,
      expected: counts.expected ?? 0,
      received: counts.received ?? 0,
      damaged: counts.damaged ?? 0,
      missing: counts.missing ?? 0,
      extra: counts.extra ?? 0,
    },
  };
}

export function getAccessionSummary(context: CatalogContext, id: number): AccessionSummary {
  return summaryOf(context, getAccessionRow(context, id));
}

export function listAccessions(context: CatalogContext, filter: { departmentId?: number }): AccessionSummary[] {
  const rows = filter.departmentId
    ? context.db.all<Omit<AccessionRow, 'manifest_json'>>(`SELECT ${ACCESSION_COLUMNS} FROM accession WHERE department_id = ? ORDER BY id DESC`, [filter.departmentId])
    : context.db.all<Omit<AccessionRow, 'manifest_json'>>(`SELECT ${ACCESSION_COLUMNS} FROM accession ORDER BY id DESC`);
  return rows.map((row) => summaryOf(context, row));
}

/** An accession by its accession number or its transfer number (any case), for the CLI and the check-in screen. */
export function findAccessionId(context: CatalogContext, numberText: string): number | null {
  const wanted = numberText.trim().toLowerCase();
  const ids = context.db.column<number>(
    'SELECT id FROM accession WHERE lower(accession_number) = ? UNION SELECT id FROM accession WHERE lower(transfer_number) = ?',
    [wanted, wanted],
  );
  return ids.length === 1 ? ids[0] : null;
}

interface DiscrepancyRow {
  id: number;
  kind: DiscrepancyKind;
  holding_box_id: number | null;
  sequence: number | null;
  folder_position: number | null;
  description: string;
  recorded_at: string;
  recorded_by: string;
}

export function discrepanciesOf(context: CatalogContext, accessionId: number): RecordedDiscrepancy[] {
  return context.db
    .all<DiscrepancyRow>(
      `SELECT d.id, d.kind, d.holding_box_id, b.sequence, d.folder_position, d.description, d.recorded_at, d.recorded_by
       FROM discrepancy d LEFT JOIN holding_box b ON b.id = d.holding_box_id WHERE d.accession_id = ? ORDER BY d.id`,
      [accessionId],
    )
    .map((row) => ({
      id: row.id, kind: row.kind, holdingBoxId: row.holding_box_id, boxSequence: row.sequence, folderPosition: row.folder_position,
      description: row.description, recordedAt: row.recorded_at, recordedBy: row.recorded_by,
    }));
}

export function timelineOf(context: CatalogContext, accessionId: number): HoldingEvent[] {
  return context.db
    .all<{ id: number; box_id: number; sequence: number | null; kind: string; at: string; actor: string; detail: string }>(
      `SELECT e.id, e.box_id, b.sequence, e.kind, e.at, e.actor, e.detail
       FROM holding_box b JOIN custody_event e ON e.box_id = b.id AND e.transfer_id = b.accession_id WHERE b.accession_id = ? ORDER BY e.id`,
      [accessionId],
    )
    .map((row) => ({
      id: row.id, holdingBoxId: row.box_id, boxSequence: row.sequence, kind: row.kind, at: row.at, actor: row.actor,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
}

interface ReceivedAmendmentRow {
  amendment_id: number; box_sequence: number; box_label: string; folder_position: number | null; folder_title: string | null; field: string;
  before_value: string; after_value: string; reason: string; at: string; actor: string; received_at: string; received_by: string;
  applied_at: string | null; conflict: string | null;
}

type AmendedValue = ReceivedAmendment['before'];

/** The department's corrections received for an accession (see amendments-intake.ts), in its numbering. */
export function receivedAmendmentsOf(context: CatalogContext, accessionId: number): ReceivedAmendment[] {
  return context.db
    .all<ReceivedAmendmentRow>('SELECT * FROM center_amendment WHERE accession_id = ? ORDER BY amendment_id', [accessionId])
    .map((row) => ({
      amendmentId: row.amendment_id, boxSequence: row.box_sequence, boxLabel: row.box_label, folderPosition: row.folder_position, folderTitle: row.folder_title,
      field: row.field, before: JSON.parse(row.before_value) as AmendedValue, after: JSON.parse(row.after_value) as AmendedValue, reason: row.reason,
      at: row.at, actor: row.actor, receivedAt: row.received_at, receivedBy: row.received_by, appliedAt: row.applied_at, conflict: row.conflict,
    }));
}

export function getAccessionDetail(context: CatalogContext, id: number): AccessionDetail {
  return {
    ...getAccessionSummary(context, id),
    boxes: holdingBoxesOf(context, id).map(toHoldingBox),
    discrepancies: discrepanciesOf(context, id),
    timeline: timelineOf(context, id),
    amendments: receivedAmendmentsOf(context, id),
  };
}
