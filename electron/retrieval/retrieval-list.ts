// The department's requests as its list and request page show them: what was asked, where it stands as the
// center's latest update said, who has it and until when.
import type { RetrievalDetail, RetrievalDetailItem, RetrievalSummary } from '../../shared/api/contract-retrieval';
import { AppError } from '../../shared/domain/errors';
import type { RetrievalItemStatus, RetrievalRequest, RetrievalService, RetrievalStatus, RetrievalUrgency } from '../../shared/exchange/retrieval';
import type { CatalogContext } from '../catalog/context';
import { itemWords } from './retrieval-options';
import { CLOSED_REQUEST_SQL, today, UNKNOWN_WHERE, whereOfBoxes, whereOfFolders } from './where-now';

interface RequestRow {
  id: number;
  number: string;
  service: RetrievalService;
  urgency: RetrievalUrgency;
  status: RetrievalStatus | 'requested';
  center_name: string;
  created_at: string;
  requested_by: string;
  needed_for: string;
  needed_by: string | null;
  due_by: string | null;
  deliver_to: string;
  note: string;
  fingerprint: string;
  json: string;
  answer_note: string | null;
  answer_files: string | null;
  updated_at: string;
}

interface ItemRow {
  id: number;
  request_id: number;
  box_id: number;
  folder_id: number | null;
  status: RetrievalItemStatus;
  checked_out_to: string | null;
  checked_out_at: string | null;
  due_back: string | null;
  location: string | null;
}

function itemsOfRequests(context: CatalogContext, requestIds: number[]): Map<number, ItemRow[]> {
  const out = new Map<number, ItemRow[]>();
  for (let at = 0; at < requestIds.length; at += 500) {
    const chunk = requestIds.slice(at, at + 500);
    for (const row of context.db.all<ItemRow>(`SELECT * FROM retrieval_item WHERE request_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`, chunk)) {
      out.set(row.request_id, [...(out.get(row.request_id) ?? []), row]);
    }
  }
  return out;
}

function summaryOf(row: RequestRow, items: ItemRow[], day: string): RetrievalSummary {
  const request = JSON.parse(row.json) as RetrievalRequest;
  const first = request.items[0];
  const more = request.items.length > 1 ? ` and ${request.items.length - 1} more` : '';
  const what = first.folder ? `Folder ${first.folder.position} “${first.folder.title}” in box ${first.boxLabel}` : `Box ${first.boxLabel}`;
  const out = items.find((item) => item.status === 'checked-out');
  return {
    id: row.id,
    number: row.number,
    service: row.service,
    urgency: row.urgency,
    status: row.status,
    centerName: row.center_name,
    createdAt: row.created_at,
    requestedBy: row.requested_by,
    neededFor: row.needed_for,
    neededBy: row.needed_by,
    dueBy: row.due_by,
    what: `${what}${more}`,
    items: request.items.length,
    checkedOutTo: out?.checked_out_to ?? null,
    dueBack: out?.due_back ?? null,
    overdue: items.some((item) => item.status === 'checked-out' && item.due_back !== null && item.due_back < day),
    updatedAt: row.updated_at,
  };
}

export function listRetrievals(context: CatalogContext, open: boolean): RetrievalSummary[] {
  const rows = context.db.all<RequestRow>(
    `SELECT * FROM retrieval_request ${open ? `WHERE status NOT IN ${CLOSED_REQUEST_SQL}` : ''} ORDER BY created_at DESC, id DESC`,
  );
  const items = itemsOfRequests(context, rows.map((row) => row.id));
  const day = today(context);
  return rows.map((row) => summaryOf(row, items.get(row.id) ?? [], day));
}

export function getRetrieval(context: CatalogContext, id: number): RetrievalDetail {
  const row = context.db.get<RequestRow>('SELECT * FROM retrieval_request WHERE id = ?', [id]);
  if (!row) throw new AppError('not-found', `There is no retrieval request with id ${id}.`, { field: 'id' });
  const items = itemsOfRequests(context, [id]).get(id) ?? [];
  const request = JSON.parse(row.json) as RetrievalRequest;
  const boxWhere = whereOfBoxes(context, items.filter((item) => item.folder_id === null).map((item) => item.box_id));
  const folderWhere = whereOfFolders(context, items.flatMap((item) => (item.folder_id === null ? [] : [item.folder_id])));
  // The request file and the item rows were written together, in the same order.
  const requestItems = request.items.map((quoted, index): RetrievalDetailItem => {
    const item = items[index];
    const where = item.folder_id === null ? boxWhere.get(item.box_id) : folderWhere.get(item.folder_id);
    return {
      ...quoted,
      boxIdInCatalog: item.box_id,
      folderIdInCatalog: item.folder_id,
      status: item.status,
      checkedOutTo: item.checked_out_to,
      dueBack: item.due_back,
      where: where ?? { ...UNKNOWN_WHERE, words: `${itemWords(quoted)} is not in this catalog any more` },
    };
  });
  const updates = context.db
    .all<{ fingerprint: string; issued_at: string; imported_at: string; status: RetrievalStatus }>(
      'SELECT fingerprint, issued_at, imported_at, status FROM retrieval_update WHERE request_id = ? ORDER BY id',
      [id],
    )
    .map((update) => ({ fingerprint: update.fingerprint, issuedAt: update.issued_at, importedAt: update.imported_at, status: update.status }));
  return {
    ...summaryOf(row, items, today(context)),
    deliverTo: row.deliver_to,
    note: row.note,
    fingerprint: row.fingerprint,
    requestItems,
    answer: row.answer_note !== null ? { note: row.answer_note, files: row.answer_files ? (JSON.parse(row.answer_files) as string[]) : [] } : null,
    updates,
  };
}
