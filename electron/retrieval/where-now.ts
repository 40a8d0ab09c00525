// Where each box and folder is now, read in batches for a page of a list: a handful of queries a page, never one a
// row (the folder grid pages 100 rows of a catalog of a million). Read from the newest custody event that moved the
// box, the center's acknowledgment (box_at_center) and the retrieval items the center's updates filled in.
import { statusAfter, type CustodyEventKind } from '../../shared/custody/events';
import { whereWords, type WhereNow } from '../../shared/custody/where';
import type { BoxStatus } from '../../shared/domain/types';
import type { CatalogContext } from '../catalog/context';
import { parseSentIn, SENT_IN_SQL } from '../catalog/custody';

const MOVING = Object.keys(statusAfter) as CustodyEventKind[];
const MOVING_SQL = MOVING.map((kind) => `'${kind}'`).join(', ');
/** A request no longer open: the center finished it one way or another. */
export const CLOSED_REQUEST_SQL = "('returned', 'answered', 'withdrawn', 'refused')";
/** An item no longer out: back on its shelf, or home for good. */
const CLOSED_ITEMS = new Set(['refiled', 'withdrawn']);
const CHUNK = 500;

interface BoxFactsRow {
  id: number;
  sent_in: string | null;
  draft_number: string | null;
  event_id: number | null;
  kind: CustodyEventKind | null;
  at: string | null;
  detail: string | null;
  center_name: string | null;
  accession_number: string | null;
  center_box_number: string | null;
  center_location: string | null;
  center_status: string | null;
}

export interface ItemRow {
  box_id: number;
  folder_id: number | null;
  status: string;
  checked_out_to: string | null;
  checked_out_at: string | null;
  due_back: string | null;
  request_id: number;
  number: string;
  request_status: string;
  service: string;
}

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < values.length; at += CHUNK) out.push(values.slice(at, at + CHUNK));
  return out;
}
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The day of the catalog's clock, to tell an overdue loan. */
export function today(context: CatalogContext): string {
  return context.now().slice(0, 10);
}

/**
 * Whether a retrieval item still holds its box or folder on a request: off the shelf (pulled, out, back but not
 * re-filed) whatever the request's state — an answered copy whose box is not re-filed yet is still open, as at the
 * center — or not yet touched on a request that is still open.
 */
export function isOpenItem(item: Pick<ItemRow, 'status' | 'request_status'>): boolean {
  if (CLOSED_ITEMS.has(item.status)) return false;
  if (item.status !== 'requested') return true;
  return !['returned', 'answered', 'withdrawn', 'refused'].includes(item.request_status);
}

/** Every retrieval item of these boxes (or folders), oldest first. */
export function itemsOf(context: CatalogContext, column: 'box_id' | 'folder_id', ids: readonly number[]): ItemRow[] {
  return chunks([...new Set(ids)]).flatMap((chunk) =>
    context.db.all<ItemRow>(
      `SELECT ri.box_id, ri.folder_id, ri.status, ri.checked_out_to, ri.checked_out_at, ri.due_back, r.id AS request_id, r.number,
              r.status AS request_status, r.service
         FROM retrieval_item ri JOIN retrieval_request r ON r.id = ri.request_id
        WHERE ri.${column} IN (${marks(chunk)}) ORDER BY ri.id`,
      chunk,
    ),
  );
}

interface BoxWhere {
  where: WhereNow;
  /** The id of the event that last moved the box, to tell whether a folder's own event came after it. */
  eventId: number | null;
  centerName: string | null;
}

/** The certificate a "disposed" or "transferred-to-archives" event was recorded under, from its detail. */
function certificateOf(detail: string | null): { number: string; centerName: string } | null {
  if (!detail) return null;
  try {
    const parsed = JSON.parse(detail) as { certificate?: unknown; center?: unknown };
    if (typeof parsed.certificate !== 'string') return null;
    return { number: parsed.certificate, centerName: typeof parsed.center === 'string' ? parsed.center : '' };
  } catch {
    return null;
  }
}

function boxFacts(context: CatalogContext, boxIds: readonly number[]): Map<number, BoxWhere> {
  const ids = [...new Set(boxIds)];
  const out = new Map<number, BoxWhere>();
  if (ids.length === 0) return out;
  const rows = chunks(ids).flatMap((chunk) =>
    context.db.all<BoxFactsRow>(
      `SELECT b.id, ${SENT_IN_SQL} AS sent_in,
              (SELECT t.number FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
                WHERE tb.box_id = b.id AND t.status IN ('draft', 'ready') ORDER BY t.id DESC LIMIT 1) AS draft_number,
              e.id AS event_id, e.kind, e.at, CASE WHEN e.kind IN ('disposed', 'transferred-to-archives') THEN e.detail END AS detail,
              p.center_name, p.accession_number, p.center_box_number, p.location AS center_location, p.status AS center_status
         FROM box b
         LEFT JOIN custody_event e ON e.id = (SELECT e2.id FROM custody_event e2 WHERE e2.box_id = b.id AND e2.folder_id IS NULL
                                               AND e2.kind IN (${MOVING_SQL}) ORDER BY e2.id DESC LIMIT 1)
         LEFT JOIN box_at_center p ON p.box_id = b.id
        WHERE b.id IN (${marks(chunk)})`,
      chunk,
    ),
  );
  const items = itemsOf(context, 'box_id', ids).filter((item) => item.folder_id === null);
  const latestItem = new Map<number, ItemRow>();
  const openItem = new Map<number, ItemRow>();
  for (const item of items) {
    latestItem.set(item.box_id, item);
    if (isOpenItem(item)) openItem.set(item.box_id, item);
  }
  const day = today(context);
  for (const row of rows) {
    const moved = row.kind ? statusAfter[row.kind] : undefined;
    const status: BoxStatus = moved && moved !== 'from-transfers' ? moved : row.draft_number ? 'in-transfer' : 'in-office';
    const loan = latestItem.get(row.id);
    const checkedOut = row.kind === 'checked-out' && loan?.status === 'checked-out' ? loan : null;
    const sent = parseSentIn(row.sent_in);
    const words = whereWords({
      status,
      kind: row.kind,
      at: row.at,
      draftTransfer: row.draft_number,
      sentTo: sent?.centerName || null,
      atCenter: row.center_name && row.accession_number
        ? { centerName: row.center_name, accessionNumber: row.accession_number, centerBoxNumber: row.center_box_number, location: row.center_location, status: row.center_status ?? '' }
        : null,
      checkedOutTo: checkedOut?.checked_out_to ?? null,
      dueBack: checkedOut?.due_back ?? null,
      refiledAfterLoan: row.kind === 'refiled' && (loan?.service === 'box-loan' || loan?.service === 'folder-loan'),
      certificate: certificateOf(row.detail),
      today: day,
    });
    const open = openItem.get(row.id);
    out.set(row.id, {
      where: { ...words, request: open ? { id: open.request_id, number: open.number, status: open.request_status } : null },
      eventId: row.event_id,
      centerName: row.center_name ?? sent?.centerName ?? null,
    });
  }
  return out;
}

/** Where each box is now, by box id (ids not in the catalog are left out). */
export function whereOfBoxes(context: CatalogContext, boxIds: readonly number[]): Map<number, WhereNow> {
  return new Map([...boxFacts(context, boxIds)].map(([id, facts]) => [id, facts.where]));
}

/**
 * Where each folder is now, by folder id: its box's place, unless the folder was checked out on its own after its
 * box last moved (a folder loan leaves the box on the shelf).
 */
export function whereOfFolders(context: CatalogContext, folderIds: readonly number[]): Map<number, WhereNow> {
  const ids = [...new Set(folderIds)];
  const out = new Map<number, WhereNow>();
  if (ids.length === 0) return out;
  const rows = chunks(ids).flatMap((chunk) =>
    context.db.all<{ id: number; box_id: number; event_id: number | null; kind: CustodyEventKind | null; at: string | null }>(
      `SELECT f.id, f.box_id, e.id AS event_id, e.kind, e.at
         FROM folder f
         LEFT JOIN custody_event e ON e.id = (SELECT e2.id FROM custody_event e2 WHERE e2.box_id = f.box_id AND e2.folder_id = f.id
                                               AND e2.kind IN (${MOVING_SQL}) ORDER BY e2.id DESC LIMIT 1)
        WHERE f.id IN (${marks(chunk)})`,
      chunk,
    ),
  );
  const boxes = boxFacts(context, rows.map((row) => row.box_id));
  const latestItem = new Map<number, ItemRow>();
  const openItem = new Map<number, ItemRow>();
  for (const item of itemsOf(context, 'folder_id', ids)) {
    latestItem.set(item.folder_id!, item);
    if (isOpenItem(item)) openItem.set(item.folder_id!, item);
  }
  const day = today(context);
  for (const row of rows) {
    const box = boxes.get(row.box_id);
    if (!box) continue;
    const open = openItem.get(row.id);
    const request = open ? { id: open.request_id, number: open.number, status: open.request_status } : box.where.request;
    const onItsOwn = row.kind === 'checked-out' && row.event_id !== null && (box.eventId === null || row.event_id > box.eventId);
    if (!onItsOwn) {
      out.set(row.id, { ...box.where, request });
      continue;
    }
    const loan = latestItem.get(row.id);
    const checkedOut = loan?.status === 'checked-out' ? loan : null;
    const words = whereWords({
      status: 'checked-out',
      kind: 'checked-out',
      at: row.at,
      draftTransfer: null,
      sentTo: box.centerName,
      atCenter: null,
      checkedOutTo: checkedOut?.checked_out_to ?? null,
      dueBack: checkedOut?.due_back ?? null,
      today: day,
    });
    const stays = box.where.status === 'at-records-center' ? ` (its box stays ${box.where.words})` : '';
    out.set(row.id, { ...words, words: `${words.words}${stays}`, request });
  }
  return out;
}

/** The place to show when a box or folder vanished between two reads (deleted meanwhile): said, not guessed. */
export const UNKNOWN_WHERE: WhereNow = { status: 'in-office', since: null, words: 'not in this catalog any more', dueBack: null, overdue: false, request: null };
