// Folders, the usual unit of description: paged listing and search over a million rows, and single-folder edits.
import type { FolderFilter, Page } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { parseOrThrow } from '../../shared/api/validation';
import { folderInputSchema, type Folder, type FolderInput } from '../../shared/domain/types';
import { fiscalYearStartMonth, type CatalogContext } from './context';
import { deriveColumns, ruleLookup } from './derived';
import { FOLDER_SELECT, toFolder, type FolderRow } from './rows';
import { ftsPrefixQuery, likePattern } from './search-query';

export function folderWhere(filter: FolderFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const query = filter.query?.trim() ?? '';
  if (query) {
    const fts = ftsPrefixQuery(query);
    const pattern = likePattern(query);
    const series = `f.schedule_item_id IN (SELECT id FROM schedule_item WHERE title LIKE ? ESCAPE '\\' OR item_number LIKE ? ESCAPE '\\')`;
    if (fts) {
      clauses.push(`(f.id IN (SELECT docid FROM folder_search WHERE folder_search MATCH ?) OR ${series})`);
      params.push(fts, pattern, pattern);
    } else {
      clauses.push(series);
      params.push(pattern, pattern);
    }
  }
  if (filter.boxId) {
    clauses.push('f.box_id = ?');
    params.push(filter.boxId);
  }
  if (filter.scheduleItemId) {
    clauses.push('f.schedule_item_id = ?');
    params.push(filter.scheduleItemId);
  }
  if (filter.yearFrom) {
    clauses.push('f.last_day >= ?');
    params.push(`${filter.yearFrom}-01-01`);
  }
  if (filter.yearTo) {
    clauses.push('f.first_day <= ?');
    params.push(`${filter.yearTo}-12-31`);
  }
  if (filter.boxStatus) {
    clauses.push('f.box_id IN (SELECT id FROM box WHERE status = ?)');
    params.push(filter.boxStatus);
  }
  if (filter.dispositionYear) {
    clauses.push('f.disposition_date BETWEEN ? AND ?');
    params.push(`${filter.dispositionYear}-01-01`, `${filter.dispositionYear}-12-31`);
  }
  if (filter.dispositionStatus) {
    clauses.push('f.disposition_status = ?');
    params.push(filter.dispositionStatus);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const totals = new WeakMap<CatalogContext, { version: number; counts: Map<string, number> }>();

/** Counting a million matches costs more than a page: remember totals until the catalog changes. */
function countFolders(context: CatalogContext, where: { sql: string; params: (string | number)[] }): number {
  let cache = totals.get(context);
  if (!cache || cache.version !== context.version.value) {
    cache = { version: context.version.value, counts: new Map() };
    totals.set(context, cache);
  }
  const key = JSON.stringify(where);
  let total = cache.counts.get(key);
  if (total === undefined) {
    total = context.db.get<{ total: number }>(`SELECT count(*) AS total FROM folder f ${where.sql}`, where.params)!.total;
    if (cache.counts.size > 200) cache.counts.clear();
    cache.counts.set(key, total);
  }
  return total;
}

export function listFolders(context: CatalogContext, filter: FolderFilter, offset: number, limit: number): Page<Folder> {
  const where = folderWhere(filter);
  const total = countFolders(context, where);
  // Box then folder number: the order the department shelves them (box ids follow the order boxes were added).
  const rows = context.db.all<FolderRow>(`${FOLDER_SELECT} ${where.sql} ORDER BY f.box_id, f.position, f.id LIMIT ? OFFSET ?`, [
    ...where.params,
    limit,
    offset,
  ]);
  return { total, offset, rows: rows.map(toFolder) };
}

export function getFolder(context: CatalogContext, id: number): Folder {
  const row = context.db.get<FolderRow>(`${FOLDER_SELECT} WHERE f.id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no folder with id ${id}. It may have been deleted.`, { field: 'id' });
  return toFolder(row);
}

function assertScheduleItem(context: CatalogContext, id: number | null): void {
  if (id !== null && !context.db.get('SELECT 1 FROM schedule_item WHERE id = ?', [id])) {
    throw new AppError('invalid-input', 'Schedule item: that item is not in your retention schedule.', { field: 'scheduleItemId' });
  }
}

/** Inserts one validated folder with its derived dates; the caller records history. */
export function insertFolder(
  context: CatalogContext,
  boxId: number,
  folder: FolderInput,
  derive = ruleLookup(context),
  fiscalMonth = fiscalYearStartMonth(context),
): number {
  const position =
    folder.position ??
    (context.db.get<{ next: number }>('SELECT coalesce(max(position), 0) + 1 AS next FROM folder WHERE box_id = ?', [boxId])!.next);
  const row = {
    begin_date: folder.beginDate,
    end_date: folder.endDate,
    event_date: folder.eventDate,
    legal_hold: folder.legalHold ? 1 : 0,
    schedule_item_id: folder.scheduleItemId,
  };
  const derived = deriveColumns(row, derive(folder.scheduleItemId), fiscalMonth);
  const now = context.now();
  const id = context.db.run(
    `INSERT INTO folder (box_id, position, title, file_code, schedule_item_id, begin_date, end_date, event_date, confidential,
       medium, notes, legal_hold, legal_hold_reason, first_day, last_day, disposition_date, disposition_status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      boxId, position, folder.title, folder.fileCode, folder.scheduleItemId, folder.beginDate, folder.endDate, folder.eventDate,
      folder.confidential ? 1 : 0, folder.medium, folder.notes, folder.legalHold ? 1 : 0, folder.legalHoldReason,
      derived.first_day, derived.last_day, derived.disposition_date, derived.disposition_status, now, now,
    ],
  ).lastInsertRowid;
  context.db.run('INSERT INTO folder_search (docid, title, file_code, notes) VALUES (?, ?, ?, ?)', [id, folder.title, folder.fileCode, folder.notes]);
  return id;
}

/** Adds a new folder row to the search index (inserts are not indexed by a trigger: see migration 001). */
export function indexFolder(context: CatalogContext, id: number): void {
  context.db.run('INSERT INTO folder_search (docid, title, file_code, notes) SELECT id, title, file_code, notes FROM folder WHERE id = ?', [id]);
}

export function createFolder(context: CatalogContext, boxId: number, folder: FolderInput): Folder {
  const box = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [boxId]);
  if (!box) throw new AppError('not-found', `There is no box with id ${boxId}.`, { field: 'boxId' });
  assertScheduleItem(context, folder.scheduleItemId);
  return context.history.change(`Add folder "${folder.title.slice(0, 40)}" to box ${box.label}`, (change) => {
    const id = insertFolder(context, boxId, folder);
    change.record('folder', id, 'create', undefined, context.history.snapshot('folder', id));
    context.version.value += 1;
    return getFolder(context, id);
  });
}

/** The editable fields of a folder as the contract names them. */
export function folderInputOf(folder: Folder): FolderInput {
  return {
    position: folder.position, title: folder.title, fileCode: folder.fileCode, scheduleItemId: folder.scheduleItemId,
    beginDate: folder.beginDate, endDate: folder.endDate, eventDate: folder.eventDate, confidential: folder.confidential,
    medium: folder.medium, notes: folder.notes, legalHold: folder.legalHold, legalHoldReason: folder.legalHoldReason,
  };
}

/** Writes a folder's full new state (already validated as a whole) with its derived dates; the caller records history. */
export function writeFolder(context: CatalogContext, id: number, folder: FolderInput, derive = ruleLookup(context), fiscalMonth = fiscalYearStartMonth(context)): void {
  const derived = deriveColumns(
    { begin_date: folder.beginDate, end_date: folder.endDate, event_date: folder.eventDate, legal_hold: folder.legalHold ? 1 : 0, schedule_item_id: folder.scheduleItemId },
    derive(folder.scheduleItemId),
    fiscalMonth,
  );
  context.db.run(
    `UPDATE folder SET position = ?, title = ?, file_code = ?, schedule_item_id = ?, begin_date = ?, end_date = ?, event_date = ?,
       confidential = ?, medium = ?, notes = ?, legal_hold = ?, legal_hold_reason = ?, first_day = ?, last_day = ?,
       disposition_date = ?, disposition_status = ?, updated_at = ? WHERE id = ?`,
    [
      folder.position ?? 1, folder.title, folder.fileCode, folder.scheduleItemId, folder.beginDate, folder.endDate,
      folder.eventDate, folder.confidential ? 1 : 0, folder.medium, folder.notes, folder.legalHold ? 1 : 0,
      folder.legalHoldReason, derived.first_day, derived.last_day, derived.disposition_date, derived.disposition_status,
      context.now(), id,
    ],
  );
}

export function updateFolder(context: CatalogContext, id: number, changes: Partial<FolderInput>): Folder {
  const current = getFolder(context, id);
  // The folder as a whole must stay valid (an end date before its begin date is refused, naming the field).
  const next = parseOrThrow(folderInputSchema, { ...folderInputOf(current), ...stripUndefined(changes) });
  assertScheduleItem(context, next.scheduleItemId);
  return context.history.change(`Edit folder "${next.title.slice(0, 40)}"`, (change) => {
    const before = context.history.snapshot('folder', id);
    writeFolder(context, id, next);
    change.record('folder', id, 'update', before, context.history.snapshot('folder', id));
    context.version.value += 1;
    return getFolder(context, id);
  });
}

export function deleteFolders(context: CatalogContext, ids: number[]): number {
  const first = getFolder(context, ids[0]);
  for (const id of ids.slice(1)) getFolder(context, id);
  const label = ids.length === 1 ? `Delete folder "${first.title.slice(0, 40)}"` : `Delete ${ids.length} folders`;
  return context.history.change(label, (change) => {
    for (const id of ids) {
      const before = context.history.snapshot('folder', id);
      context.db.run('DELETE FROM folder WHERE id = ?', [id]);
      change.record('folder', id, 'delete', before, undefined);
    }
    context.version.value += 1;
    return ids.length;
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as Partial<T>;
}
