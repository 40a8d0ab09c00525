// The records center's requests queue: soonest queue day first, each request with its first item in the
// department's own words and where to walk to for it. One query reads a whole page (its first items, boxes,
// accessions and shelves joined in), so a queue of ten thousand open requests costs what its page costs.
import type { Page } from '../../../shared/api/contract-catalog';
import type { CenterRequestSummary } from '../../../shared/api/contract-retrieval';
import type { RetrievalService, RetrievalStatus, RetrievalUrgency } from '../../../shared/exchange/retrieval';
import type { CatalogContext } from '../../catalog/context';
import { LOCATION_COLUMNS_SQL, locationWords, type LocationColumns } from './request-store';

export type QueueShow = 'open' | 'overdue' | 'all';

/**
 * Still being worked: not yet pulled, pulled, on loan, or answered with its box not yet back on the shelf (a copy or
 * review closes when re-filed). A request is closed once closed_at is set.
 */
const OPEN_SQL = "status IN ('open', 'pulled', 'checked-out', 'answered') AND closed_at IS NULL";
/** Open and late: not yet handed over past its queue day, or an item on loan past its due-back day. */
const OVERDUE_SQL = `${OPEN_SQL} AND ((status IN ('open', 'pulled') AND queue_date < ?) OR EXISTS (SELECT 1 FROM center_request_item i
  WHERE i.request_id = center_request.id AND i.status = 'checked-out' AND i.due_back < ?))`;

interface SummaryRow extends LocationColumns {
  id: number;
  number: string;
  service: RetrievalService;
  urgency: RetrievalUrgency;
  status: RetrievalStatus;
  received_at: string;
  needed_by: string | null;
  due_by: string | null;
  needed_for: string;
  queue_date: string;
  department_id: number;
  department_name: string;
  department_code: string;
  items: number;
  folder_position: number | null;
  folder_title: string | null;
  label: string;
  box_code: string;
  center_box_number: number | null;
  accession_number: string;
  withdrawn_at: string | null;
  checked_out_to: string | null;
  due_back: string | null;
}

/** The summary columns over `r`, a set of center_request rows already narrowed (and paged) in order. */
function summarySql(requests: string): string {
  return `SELECT r.id, r.number, r.service, r.urgency, r.status, r.received_at, r.needed_by, r.due_by, r.needed_for, r.queue_date,
      d.id AS department_id, d.name AS department_name, d.code AS department_code,
      (SELECT COUNT(*) FROM center_request_item c WHERE c.request_id = r.id) AS items,
      fi.folder_position, f.title AS folder_title, b.label, b.box_code, b.center_box_number, b.withdrawn_at, a.accession_number,
      (SELECT c.checked_out_to FROM center_request_item c WHERE c.request_id = r.id AND c.status = 'checked-out' ORDER BY c.due_back, c.id LIMIT 1) AS checked_out_to,
      (SELECT MIN(c.due_back) FROM center_request_item c WHERE c.request_id = r.id AND c.status = 'checked-out') AS due_back,
      ${LOCATION_COLUMNS_SQL}
    FROM (${requests}) r
    JOIN center_department d ON d.id = r.department_id
    JOIN center_request_item fi ON fi.id = (SELECT MIN(c.id) FROM center_request_item c WHERE c.request_id = r.id)
    JOIN holding_box b ON b.id = fi.holding_box_id
    JOIN accession a ON a.id = b.accession_id
    LEFT JOIN holding_folder f ON f.box_id = b.id AND f.position = fi.folder_position
    LEFT JOIN location l ON l.id = b.location_id
    ORDER BY r.queue_date, r.id`;
}

function filterOf(show: QueueShow, today: string): { where: string; params: string[] } {
  if (show === 'open') return { where: `WHERE ${OPEN_SQL}`, params: [] };
  if (show === 'overdue') return { where: `WHERE ${OVERDUE_SQL}`, params: [today, today] };
  return { where: '', params: [] };
}

export function requestQueue(context: CatalogContext, input: { show: QueueShow; offset: number; limit: number }, today: string): Page<CenterRequestSummary> {
  const { where, params } = filterOf(input.show, today);
  const total = context.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM center_request ${where}`, params)!.n;
  // The page is chosen first on center_request alone (its queue index), and only its rows are joined.
  const rows = context.db.all<SummaryRow>(
    summarySql(`SELECT * FROM center_request ${where} ORDER BY queue_date, id LIMIT ? OFFSET ?`),
    [...params, input.limit, input.offset],
  );
  return { total, offset: input.offset, rows: rows.map((row) => toSummary(row, today)) };
}

export function requestSummary(context: CatalogContext, id: number, today: string): CenterRequestSummary | null {
  const row = context.db.get<SummaryRow>(summarySql('SELECT * FROM center_request WHERE id = ?'), [id]);
  return row ? toSummary(row, today) : null;
}

/** "Box PW-3", or "Folder 2 “Elm Street permits 2019” in box PW-1": the department's own label, else the barcode. */
export function itemWords(item: { label: string; box_code: string; folder_position: number | null; folder_title: string | null }): string {
  const box = item.label.trim() || item.box_code;
  return item.folder_position === null ? `Box ${box}` : `Folder ${item.folder_position} “${item.folder_title ?? ''}” in box ${box}`;
}

/** "Accession PW-2026-0001, box 118, Building A / Row 1 / Bay 1 / Shelf 1 / Position 1". */
export function walkToWords(item: LocationColumns & { accession_number: string; center_box_number: number | null; box_code: string; withdrawn_at: string | null }): string {
  const box = item.center_box_number === null ? `box ${item.box_code} (no center box number yet)` : `box ${item.center_box_number}`;
  const shelf = item.withdrawn_at !== null ? `withdrawn on ${item.withdrawn_at.slice(0, 10)}` : (locationWords(item) ?? 'no shelf position recorded');
  return `Accession ${item.accession_number}, ${box}, ${shelf}`;
}

const STILL_TO_HAND_OVER: readonly RetrievalStatus[] = ['open', 'pulled'];

function toSummary(row: SummaryRow, today: string): CenterRequestSummary {
  return {
    id: row.id,
    number: row.number,
    department: { id: row.department_id, name: row.department_name, code: row.department_code },
    service: row.service,
    urgency: row.urgency,
    status: row.status,
    receivedAt: row.received_at,
    neededBy: row.needed_by,
    dueBy: row.due_by,
    neededFor: row.needed_for,
    what: `${itemWords(row)}${row.items > 1 ? ` + ${row.items - 1} more` : ''}`,
    walkTo: walkToWords(row),
    items: row.items,
    checkedOutTo: row.checked_out_to,
    dueBack: row.due_back,
    overdue: (STILL_TO_HAND_OVER.includes(row.status) && row.queue_date < today) || (row.due_back !== null && row.due_back < today),
  };
}
