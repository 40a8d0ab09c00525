// The records center's retrieval requests in the catalog: the request rows as received, the holding box (and folder)
// each item concerns, the custody events numbered for each request, and the few holdings facts taking one in needs.
// All SQL of the center's retrieval side lives here and in request-queue.ts.
import { locationInWords } from '../../../shared/center/locations';
import type { HoldingBoxStatus } from '../../../shared/center/holdings';
import { AppError } from '../../../shared/domain/errors';
import type { RetrievalItemStatus, RetrievalService, RetrievalStatus, RetrievalUrgency } from '../../../shared/exchange/retrieval';
import type { CatalogContext } from '../../catalog/context';

export interface RequestRow {
  id: number;
  department_id: number;
  number: string;
  fingerprint: string;
  service: RetrievalService;
  urgency: RetrievalUrgency;
  needed_by: string | null;
  due_by: string | null;
  requested_by: string;
  needed_for: string;
  deliver_to: string;
  note: string;
  received_at: string;
  received_by: string;
  status: RetrievalStatus;
  queue_date: string;
  answer_note: string | null;
  answer_files: string | null;
  refusal: string | null;
  closed_at: string | null;
}

const REQUEST_COLUMNS = `id, department_id, number, fingerprint, service, urgency, needed_by, due_by, requested_by, needed_for, deliver_to, note,
  received_at, received_by, status, queue_date, answer_note, answer_files, refusal, closed_at`;

/** Where a box is, as the address columns of its location (null when it has none). */
export interface LocationColumns {
  building: string | null;
  room: string | null;
  row_label: string | null;
  bay: string | null;
  shelf: string | null;
  position: string | null;
}

export function locationWords(row: LocationColumns): string | null {
  if (row.building === null) return null;
  return locationInWords({ building: row.building, room: row.room ?? '', row: row.row_label ?? '', bay: row.bay ?? '', shelf: row.shelf ?? '', position: row.position ?? '' });
}

/** The same address, as SQL over a location aliased `l`, for the queue's one query. */
export const LOCATION_COLUMNS_SQL = 'l.building, l.room, l.row_label, l.bay, l.shelf, l.position';

/** One item of a request with its holding box, accession, folder and shelf. */
export interface RequestItemRow extends LocationColumns {
  id: number;
  request_id: number;
  holding_box_id: number;
  folder_position: number | null;
  status: RetrievalItemStatus;
  checked_out_to: string | null;
  checked_out_at: string | null;
  due_back: string | null;
  accession_id: number;
  accession_number: string;
  transfer_number: string;
  sequence: number;
  box_code: string;
  label: string;
  cubic_feet: number;
  center_box_number: number | null;
  location_id: number | null;
  withdrawn_at: string | null;
  folder_id: number | null;
  folder_title: string | null;
  folder_file_code: string | null;
  /** 1 when the box's folder (or, for a whole box, any folder in it) is on legal hold. */
  legal_hold: number;
}

export function getRequestRow(context: CatalogContext, id: number): RequestRow {
  const row = context.db.get<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM center_request WHERE id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no retrieval request ${id} in this catalog.`, { field: 'id' });
  return row;
}

export function requestIdByFingerprint(context: CatalogContext, fingerprint: string): number | null {
  return context.db.get<{ id: number }>('SELECT id FROM center_request WHERE fingerprint = ?', [fingerprint])?.id ?? null;
}

export function requestByNumber(context: CatalogContext, departmentId: number, number: string): Pick<RequestRow, 'id' | 'received_at'> | undefined {
  return context.db.get('SELECT id, received_at FROM center_request WHERE department_id = ? AND number = ?', [departmentId, number]);
}

export function requestItemsOf(context: CatalogContext, requestId: number): RequestItemRow[] {
  return context.db.all<RequestItemRow>(
    `SELECT i.id, i.request_id, i.holding_box_id, i.folder_position, i.status, i.checked_out_to, i.checked_out_at, i.due_back,
       a.id AS accession_id, a.accession_number, a.transfer_number, b.sequence, b.box_code, b.label, b.cubic_feet, b.center_box_number,
       b.location_id, b.withdrawn_at, f.id AS folder_id, f.title AS folder_title, f.file_code AS folder_file_code,
       CASE WHEN i.folder_position IS NULL
         THEN EXISTS (SELECT 1 FROM holding_folder h WHERE h.box_id = b.id AND h.legal_hold = 1) ELSE coalesce(f.legal_hold, 0) END AS legal_hold,
       ${LOCATION_COLUMNS_SQL}
     FROM center_request_item i JOIN holding_box b ON b.id = i.holding_box_id JOIN accession a ON a.id = b.accession_id
     LEFT JOIN holding_folder f ON f.box_id = b.id AND f.position = i.folder_position LEFT JOIN location l ON l.id = b.location_id
     WHERE i.request_id = ? ORDER BY i.id`,
    [requestId],
  );
}

export interface RequestEventRow {
  seq: number;
  box_code: string;
  folder_position: number | null;
  kind: string;
  at: string;
  actor: string;
  detail: string;
}

export function requestEventsOf(context: CatalogContext, requestId: number): RequestEventRow[] {
  return context.db.all<RequestEventRow>(
    `SELECT r.seq, b.box_code, f.position AS folder_position, e.kind, e.at, e.actor, e.detail
     FROM center_request_event r JOIN custody_event e ON e.id = r.custody_event_id JOIN holding_box b ON b.id = e.box_id
     LEFT JOIN holding_folder f ON f.id = e.folder_id WHERE r.request_id = ? ORDER BY r.seq`,
    [requestId],
  );
}

// Taking a request in.

export function accessionByManifest(context: CatalogContext, fingerprint: string) {
  return context.db.get<{ id: number; department_id: number; accession_number: string; department_name: string }>(
    `SELECT a.id, a.department_id, a.accession_number, d.name AS department_name
     FROM accession a JOIN center_department d ON d.id = a.department_id WHERE a.manifest_fingerprint = ?`,
    [fingerprint],
  );
}

export function departmentHoldsAnything(context: CatalogContext, departmentId: number): boolean {
  return context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM accession WHERE department_id = ?', [departmentId])!.n > 0;
}

export function holdingBoxByCode(context: CatalogContext, accessionId: number, boxCode: string) {
  return context.db.get<{ id: number; sequence: number; label: string; status: HoldingBoxStatus; checked_in_at: string | null; withdrawn_at: string | null }>(
    'SELECT id, sequence, label, status, checked_in_at, withdrawn_at FROM holding_box WHERE accession_id = ? AND box_code = ?',
    [accessionId, boxCode],
  );
}

export function holdingFolderAt(context: CatalogContext, boxId: number, position: number): { id: number; title: string } | undefined {
  return context.db.get('SELECT id, title FROM holding_folder WHERE box_id = ? AND position = ?', [boxId, position]);
}

export interface NewRequest {
  departmentId: number;
  number: string;
  fingerprint: string;
  service: RetrievalService;
  urgency: RetrievalUrgency;
  neededBy: string | null;
  dueBy: string | null;
  requestedBy: string;
  neededFor: string;
  deliverTo: string;
  note: string;
  json: string;
  receivedAt: string;
  receivedBy: string;
  queueDate: string;
  items: { holdingBoxId: number; folderPosition: number | null }[];
}

/** Inside the caller's change: the request and its items; answers the request id. */
export function insertRequest(context: CatalogContext, request: NewRequest): number {
  const id = context.db.run(
    `INSERT INTO center_request (department_id, number, fingerprint, service, urgency, needed_by, due_by, requested_by, needed_for, deliver_to, note,
       json, received_at, received_by, status, queue_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
    [
      request.departmentId, request.number, request.fingerprint, request.service, request.urgency, request.neededBy, request.dueBy, request.requestedBy,
      request.neededFor, request.deliverTo, request.note, request.json, request.receivedAt, request.receivedBy, request.queueDate,
    ],
  ).lastInsertRowid;
  context.db.runMany(
    'INSERT INTO center_request_item (request_id, holding_box_id, folder_position) VALUES (?, ?, ?)',
    request.items.map((item) => [id, item.holdingBoxId, item.folderPosition]),
  );
  return id;
}

/**
 * Inside the caller's change, right after appendCustodyEvents: numbers the last `count` custody events (oldest
 * first) as the request's next events. The chain is append-only and written in this same transaction, so the newest
 * ids are exactly the ones just appended.
 */
export function numberRequestEvents(context: CatalogContext, requestId: number, count: number): void {
  if (count === 0) return;
  const ids = context.db.column<number>('SELECT id FROM custody_event ORDER BY id DESC LIMIT ?', [count]).reverse();
  const last = context.db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM center_request_event WHERE request_id = ?', [requestId])!.seq ?? 0;
  context.db.runMany(
    'INSERT INTO center_request_event (request_id, seq, custody_event_id) VALUES (?, ?, ?)',
    ids.map((eventId, index) => [requestId, last + index + 1, eventId]),
  );
}

// Each step.

export function setRequestStatus(
  context: CatalogContext,
  id: number,
  changes: { status: RetrievalStatus; closedAt?: string | null; answer?: { note: string; files: string[] }; refusal?: string },
): void {
  context.db.run(
    `UPDATE center_request SET status = ?, closed_at = coalesce(?, closed_at), answer_note = coalesce(?, answer_note),
       answer_files = coalesce(?, answer_files), refusal = coalesce(?, refusal) WHERE id = ?`,
    [
      changes.status, changes.closedAt ?? null, changes.answer?.note ?? null, changes.answer ? JSON.stringify(changes.answer.files) : null,
      changes.refusal ?? null, id,
    ],
  );
}

export function setItemsStatus(
  context: CatalogContext,
  itemIds: readonly number[],
  status: RetrievalItemStatus,
  checkout?: { to: string; at: string; dueBack: string },
): void {
  context.db.runMany(
    `UPDATE center_request_item SET status = ?, checked_out_to = coalesce(?, checked_out_to), checked_out_at = coalesce(?, checked_out_at),
       due_back = coalesce(?, due_back) WHERE id = ?`,
    itemIds.map((itemId) => [status, checkout?.to ?? null, checkout?.at ?? null, checkout?.dueBack ?? null, itemId]),
  );
}

export interface RefileLocation extends LocationColumns {
  id: number;
  capacity_cubic_feet: number;
  /** The box on it now, if any. */
  holder_id: number | null;
  holder_label: string | null;
  holder_accession: string | null;
}

export function locationForRefile(context: CatalogContext, locationId: number): RefileLocation | undefined {
  return context.db.get<RefileLocation>(
    `SELECT l.id, l.capacity_cubic_feet, ${LOCATION_COLUMNS_SQL}, b.id AS holder_id, b.label AS holder_label, a.accession_number AS holder_accession
     FROM location l LEFT JOIN holding_box b ON b.location_id = l.id LEFT JOIN accession a ON a.id = b.accession_id WHERE l.id = ?`,
    [locationId],
  );
}

export function shelveBox(context: CatalogContext, holdingBoxId: number, locationId: number): void {
  context.db.run('UPDATE holding_box SET location_id = ? WHERE id = ?', [locationId, holdingBoxId]);
}

/** The box leaves the holdings for good: it keeps its row (and its history), and its shelf position is free again. */
export function withdrawBox(context: CatalogContext, holdingBoxId: number, at: string): void {
  context.db.run('UPDATE holding_box SET withdrawn_at = ?, location_id = NULL WHERE id = ?', [at, holdingBoxId]);
}
