// What a records center's disposition reads from its holdings: the boxes on hand with their accession, department and
// shelf, and the facts that keep a box from going now (a legal hold, a retrieval, a notice, its destruction). Every
// check is read at the moment it is asked: a hold placed a minute ago counts.
import { locationInWords } from '../../../shared/center/locations';
import type { ManifestScheduleItem } from '../../../shared/exchange/manifest';
import type { CatalogContext } from '../../catalog/context';
import { standingCoverage } from '../holds/standing-scope';

export interface CandidateBoxRow {
  id: number;
  accession_id: number;
  sequence: number | null;
  box_code: string | null;
  label: string;
  item_numbers: string;
  disposition_date: string | null;
  disposition_waits_for: string | null;
  confidential: number;
  center_box_number: number | null;
  checked_in_at: string | null;
  folders: number;
  /** The latest date any of its folders is eligible, for a box that waits (a folder on hold, an event). */
  latest_folder_date: string | null;
  accession_number: string;
  transfer_number: string;
  manifest_fingerprint: string;
  received_at: string;
  department_id: number;
  department_name: string;
  department_code: string;
  building: string | null;
  room: string | null;
  row_label: string | null;
  bay: string | null;
  shelf: string | null;
  position: string | null;
}

const CANDIDATE_SELECT = `SELECT b.id, b.accession_id, b.sequence, b.box_code, b.label, b.item_numbers, b.disposition_date, b.disposition_waits_for,
    b.confidential, b.center_box_number, b.checked_in_at,
    (SELECT COUNT(*) FROM holding_folder f WHERE f.box_id = b.id) AS folders,
    (SELECT MAX(f.disposition_date) FROM holding_folder f WHERE f.box_id = b.id) AS latest_folder_date,
    a.accession_number, a.transfer_number, a.manifest_fingerprint, a.received_at, a.department_id,
    d.name AS department_name, d.code AS department_code,
    l.building, l.room, l.row_label, l.bay, l.shelf, l.position
  FROM holding_box b
  JOIN accession a ON a.id = b.accession_id
  JOIN center_department d ON d.id = a.department_id
  LEFT JOIN location l ON l.id = b.location_id`;

/**
 * Boxes the center has on hand: listed in a manifest (an extra box has no barcode a department could answer for),
 * checked in as received, damaged or extra, and not withdrawn. Destroyed ones are told apart by `isDisposedOf`.
 */
export function boxesOnHand(context: CatalogContext, within?: { from: string; to: string; departmentId?: number }): CandidateBoxRow[] {
  // Within a period only boxes dated in it can be due, and boxes without a date of their own (permanent, or waiting):
  // the rest are not read at all, so a due list costs what is due, not the whole holdings.
  const period = within ? ' AND (b.disposition_date IS NULL OR b.disposition_date BETWEEN ? AND ?)' : '';
  const department = within?.departmentId !== undefined ? ' AND a.department_id = ?' : '';
  const params = within ? [within.from, within.to, ...(within.departmentId !== undefined ? [within.departmentId] : [])] : [];
  return context.db.all<CandidateBoxRow>(
    `${CANDIDATE_SELECT}
     WHERE b.withdrawn_at IS NULL AND b.status IN ('received', 'damaged', 'extra') AND b.box_code IS NOT NULL AND b.sequence IS NOT NULL${period}${department}
     ORDER BY d.name, d.id, a.accession_number, b.sequence, b.id`,
    params,
  );
}

export function candidateBox(context: CatalogContext, boxId: number): CandidateBoxRow | undefined {
  return context.db.get<CandidateBoxRow>(`${CANDIDATE_SELECT} WHERE b.id = ?`, [boxId]);
}

export function locationOf(row: CandidateBoxRow): string | null {
  if (row.building === null) return null;
  return locationInWords({ building: row.building, room: row.room ?? '', row: row.row_label ?? '', bay: row.bay ?? '', shelf: row.shelf ?? '', position: row.position ?? '' });
}

/** The schedule items of each accession's manifest, read once per accession. */
export function scheduleItemsReader(context: CatalogContext): (accessionId: number) => Map<string, ManifestScheduleItem> {
  const cache = new Map<number, Map<string, ManifestScheduleItem>>();
  return (accessionId) => {
    let items = cache.get(accessionId);
    if (!items) {
      // Only the schedule items, read inside SQLite: a manifest of 25,000 folders is megabytes of JSON.
      const json = context.db.get<{ items: string | null }>("SELECT json_extract(manifest_json, '$.scheduleItems') AS items FROM accession WHERE id = ?", [accessionId])?.items ?? '[]';
      let listed: ManifestScheduleItem[] = [];
      try {
        const parsed = JSON.parse(json) as unknown;
        listed = Array.isArray(parsed) ? (parsed as ManifestScheduleItem[]) : [];
      } catch {
        // A manifest was checked when it was taken in; one that does not parse now simply gives no schedule items.
      }
      items = new Map(listed.map((item) => [item.itemNumber, item]));
      cache.set(accessionId, items);
    }
    return items;
  };
}

/** Destroyed or transferred already: by its custody events or a notice row carried out. */
export function isDisposedOf(context: CatalogContext, boxId: number): boolean {
  return (
    context.db.get(
      `SELECT 1 AS found WHERE EXISTS (SELECT 1 FROM custody_event WHERE box_id = ? AND kind IN ('disposed', 'transferred-to-archives'))
         OR EXISTS (SELECT 1 FROM disposition_notice_box n JOIN disposition_notice dn ON dn.id = n.notice_id
                    WHERE n.box_id = ? AND n.executed IS NOT NULL AND dn.department_id IS NOT NULL)`,
      [boxId, boxId],
    ) !== undefined
  );
}

/**
 * The legal hold keeping the box now, in words, or null: an active hold naming the box or one of its folders, or a
 * folder marked on hold (what the department sent, or a hold the center placed on the folder itself).
 */
export function holdOnBox(context: CatalogContext, boxId: number): string | null {
  const hold = context.db.get<{ name: string; folder_id: number | null }>(
    `SELECT h.name, i.folder_id FROM legal_hold_item i JOIN legal_hold h ON h.id = i.hold_id
     WHERE h.lifted_at IS NULL AND (i.box_id = ? OR i.folder_id IN (SELECT id FROM holding_folder WHERE box_id = ?))
     ORDER BY h.id LIMIT 1`,
    [boxId, boxId],
  );
  if (hold) return `under the legal hold “${hold.name}”`;
  const standing = standingCoverage(context).boxes.get(boxId);
  if (standing) return `under the legal hold “${standing}”`;
  const folder = context.db.get<{ position: number; title: string }>(
    'SELECT position, title FROM holding_folder WHERE box_id = ? AND legal_hold = 1 ORDER BY position LIMIT 1',
    [boxId],
  );
  if (folder) return `under a legal hold: folder ${folder.position} “${folder.title}” is on legal hold`;
  return null;
}

const OPEN_RETRIEVAL_SELECT = `SELECT i.holding_box_id AS box_id, r.number, i.status, i.checked_out_to, d.name AS department FROM center_request_item i
     JOIN center_request r ON r.id = i.request_id JOIN center_department d ON d.id = r.department_id
     WHERE r.status IN ('open', 'pulled', 'checked-out') AND i.status IN ('requested', 'pulled', 'checked-out')`;
const RETRIEVAL_ORDER = `ORDER BY CASE i.status WHEN 'checked-out' THEN 0 WHEN 'pulled' THEN 1 ELSE 2 END, r.id`;
interface OpenRetrievalRow {
  box_id: number;
  number: string;
  status: string;
  checked_out_to: string | null;
  department: string;
}

/** Why the box is off its shelf or promised to someone now, in words, or null. */
export function retrievalOnBox(context: CatalogContext, boxId: number): string | null {
  const item = context.db.get<OpenRetrievalRow>(`${OPEN_RETRIEVAL_SELECT} AND i.holding_box_id = ? ${RETRIEVAL_ORDER} LIMIT 1`, [boxId]);
  return item ? retrievalWords(item) : null;
}

function retrievalWords(item: OpenRetrievalRow): string {
  if (item.status === 'checked-out') {
    return `checked out${item.checked_out_to ? ` to ${item.checked_out_to}` : ''} on ${item.department}’s retrieval request ${item.number}`;
  }
  if (item.status === 'pulled') return `pulled from the shelf for ${item.department}’s retrieval request ${item.number}`;
  return `asked for on ${item.department}’s open retrieval request ${item.number}`;
}

/**
 * The same facts as isDisposedOf, holdOnBox, retrievalOnBox and latestNoticeOf, read for every box at once (a few
 * queries in all, never one per box): what a due list of thousands of boxes needs.
 */
export interface BoxFacts {
  disposed: Set<number>;
  hold: (boxId: number) => string | null;
  retrieval: Map<number, string>;
  latestNotice: Map<number, NoticeBoxRow>;
}

export function boxFacts(context: CatalogContext): BoxFacts {
  const disposed = new Set([
    ...context.db.column<number>("SELECT DISTINCT box_id FROM custody_event WHERE kind IN ('disposed', 'transferred-to-archives')"),
    ...context.db.column<number>(
      'SELECT n.box_id FROM disposition_notice_box n JOIN disposition_notice dn ON dn.id = n.notice_id WHERE n.executed IS NOT NULL AND dn.department_id IS NOT NULL',
    ),
  ]);
  // Holds by their lists (the earliest placed first), then standing scopes, then a folder's own hold mark.
  const listed = new Map<number, string>();
  for (const row of context.db.all<{ box_id: number; name: string }>(
    `SELECT coalesce(f.box_id, i.box_id) AS box_id, h.name FROM legal_hold_item i JOIN legal_hold h ON h.id = i.hold_id
     LEFT JOIN holding_folder f ON f.id = i.folder_id WHERE h.lifted_at IS NULL ORDER BY h.id`,
  )) {
    if (!listed.has(row.box_id)) listed.set(row.box_id, row.name);
  }
  const standing = standingCoverage(context).boxes;
  const marked = new Map<number, { position: number; title: string }>();
  for (const row of context.db.all<{ box_id: number; position: number; title: string }>(
    'SELECT box_id, position, title FROM holding_folder WHERE legal_hold = 1 ORDER BY box_id, position',
  )) {
    if (!marked.has(row.box_id)) marked.set(row.box_id, row);
  }
  const hold = (boxId: number): string | null => {
    const name = listed.get(boxId) ?? standing.get(boxId);
    if (name !== undefined) return `under the legal hold “${name}”`;
    const folder = marked.get(boxId);
    return folder ? `under a legal hold: folder ${folder.position} “${folder.title}” is on legal hold` : null;
  };
  const retrieval = new Map<number, string>();
  for (const item of context.db.all<OpenRetrievalRow>(`${OPEN_RETRIEVAL_SELECT} ${RETRIEVAL_ORDER}`)) {
    if (!retrieval.has(item.box_id)) retrieval.set(item.box_id, retrievalWords(item));
  }
  const latestNotice = new Map<number, NoticeBoxRow>();
  for (const row of context.db.all<NoticeBoxRow>(
    `SELECT nb.*, n.number, n.respond_by FROM disposition_notice_box nb JOIN disposition_notice n ON n.id = nb.notice_id
     WHERE n.department_id IS NOT NULL ORDER BY n.id DESC`,
  )) {
    if (!latestNotice.has(row.box_id)) latestNotice.set(row.box_id, row);
  }
  return { disposed, hold, retrieval, latestNotice };
}

export interface NoticeBoxRow {
  id: number;
  notice_id: number;
  box_id: number;
  box_code: string;
  action: 'destroy' | 'secure-destroy' | 'transfer-to-archives';
  answer: 'approve' | 'refuse' | 'extend' | null;
  reason: string;
  review_date: string | null;
  extend_to: string | null;
  answered_at: string | null;
  response_id: number | null;
  executed: 'destroyed' | 'transferred-to-archives' | null;
  executed_at: string | null;
  number: string;
  respond_by: string;
}

/** The box on the center's latest notice that names it (a department's own notices have no department_id). */
export function latestNoticeOf(context: CatalogContext, boxId: number): NoticeBoxRow | undefined {
  return context.db.get<NoticeBoxRow>(
    `SELECT nb.*, n.number, n.respond_by FROM disposition_notice_box nb JOIN disposition_notice n ON n.id = nb.notice_id
     WHERE nb.box_id = ? AND n.department_id IS NOT NULL ORDER BY n.id DESC LIMIT 1`,
    [boxId],
  );
}

export function noticeBoxesOf(context: CatalogContext, noticeId: number): NoticeBoxRow[] {
  return context.db.all<NoticeBoxRow>(
    `SELECT nb.*, n.number, n.respond_by FROM disposition_notice_box nb JOIN disposition_notice n ON n.id = nb.notice_id
     WHERE nb.notice_id = ? ORDER BY nb.id`,
    [noticeId],
  );
}

export interface HoldingFolderRow {
  id: number;
  position: number;
  title: string;
  file_code: string;
  item_number: string | null;
  begin_date: string;
  end_date: string;
}

export function foldersOf(context: CatalogContext, boxId: number): HoldingFolderRow[] {
  return context.db.all<HoldingFolderRow>(
    'SELECT id, position, title, file_code, item_number, begin_date, end_date FROM holding_folder WHERE box_id = ? ORDER BY position',
    [boxId],
  );
}

export interface CenterNoticeRow {
  id: number;
  department_id: number;
  number: string;
  center_name: string;
  period_from: string;
  period_to: string;
  issued_at: string;
  respond_by: string;
  json: string;
  fingerprint: string;
}

export function centerNoticeByNumber(context: CatalogContext, number: string): CenterNoticeRow | undefined {
  return context.db.get<CenterNoticeRow>('SELECT * FROM disposition_notice WHERE number = ? AND department_id IS NOT NULL', [number]);
}

export function centerNotice(context: CatalogContext, id: number): CenterNoticeRow | undefined {
  return context.db.get<CenterNoticeRow>('SELECT * FROM disposition_notice WHERE id = ? AND department_id IS NOT NULL', [id]);
}

export interface CenterDepartmentWords {
  id: number;
  name: string;
  code: string;
}

export function centerDepartment(context: CatalogContext, id: number): CenterDepartmentWords | undefined {
  return context.db.get<CenterDepartmentWords>('SELECT id, name, code FROM center_department WHERE id = ?', [id]);
}
