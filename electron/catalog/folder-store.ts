// Folders, the usual unit of description: paged listing and search over a million rows, and single-folder edits.
import { AppError } from '../../shared/domain/errors';
import { parseOrThrow } from '../../shared/domain/validation';
import { folderInputSchema, type Folder, type FolderInput } from '../../shared/domain/types';
import { fiscalYearStartMonth, type CatalogContext } from './context';
import { assertNotSent, boxesOfFolders } from './custody';
import { assertNotUnderHold } from './hold-guard';
import { deriveColumns, ruleLookup } from './derived';
import { FOLDER_SELECT, toFolder, type FolderRow } from './rows';
import { UNKNOWN_WHERE, whereOfFolders } from '../retrieval/where-now';

export function getFolder(context: CatalogContext, id: number): Folder {
  const row = context.db.get<FolderRow>(`${FOLDER_SELECT} WHERE f.id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no folder with id ${id}. It may have been deleted.`, { field: 'id' });
  return foldersWithWhere(context, [row])[0];
}

/** The rows as folders, with where each is now read for the whole page at once (never a query a row). */
export function foldersWithWhere(context: CatalogContext, rows: FolderRow[]): Folder[] {
  const where = whereOfFolders(context, rows.map((row) => row.id));
  return rows.map((row) => toFolder(row, where.get(row.id) ?? UNKNOWN_WHERE));
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
  /** False when the caller indexes a run of new folders at once afterwards (indexFolderRange). */
  index = true,
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
  if (index) context.db.run('INSERT INTO folder_search (docid, title, file_code, notes) VALUES (?, ?, ?, ?)', [id, folder.title, folder.fileCode, folder.notes]);
  return id;
}

/** Adds a new folder row to the search index (inserts are not indexed by a trigger: see migration 001). */
export function indexFolder(context: CatalogContext, id: number): void {
  context.db.run('INSERT INTO folder_search (docid, title, file_code, notes) SELECT id, title, file_code, notes FROM folder WHERE id = ?', [id]);
}

/** Indexes the new folders with ids from `firstId` to `lastId` in one statement (a bulk insert's fast path). */
export function indexFolderRange(context: CatalogContext, firstId: number, lastId: number): void {
  if (lastId < firstId) return;
  context.db.run('INSERT INTO folder_search (docid, title, file_code, notes) SELECT id, title, file_code, notes FROM folder WHERE id BETWEEN ? AND ?', [
    firstId,
    lastId,
  ]);
}

export function createFolder(context: CatalogContext, boxId: number, folder: FolderInput): Folder {
  const box = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [boxId]);
  if (!box) throw new AppError('not-found', `There is no box with id ${boxId}.`, { field: 'boxId' });
  assertNotSent(context, [boxId], 'add folders to');
  assertScheduleItem(context, folder.scheduleItemId);
  return context.history.change(`Add folder "${folder.title.slice(0, 40)}" to box ${box.label}`, (change) => {
    const id = insertFolder(context, boxId, folder);
    change.record('folder', id, 'create', undefined, context.history.snapshot('folder', id));
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
  assertNotSent(context, [current.boxId], 'edit its folders');
  if (changes.legalHold === false && current.legalHold) assertNotUnderHold(context, { folderIds: [id] }, 'untick the legal hold of');
  // The folder as a whole must stay valid (an end date before its begin date is refused, naming the field).
  const next = parseOrThrow(folderInputSchema, { ...folderInputOf(current), ...stripUndefined(changes) });
  assertScheduleItem(context, next.scheduleItemId);
  return context.history.change(`Edit folder "${next.title.slice(0, 40)}"`, (change) => {
    const before = context.history.snapshot('folder', id);
    writeFolder(context, id, next);
    change.record('folder', id, 'update', before, context.history.snapshot('folder', id));
    return getFolder(context, id);
  });
}

export function deleteFolders(context: CatalogContext, ids: number[]): number {
  const first = getFolder(context, ids[0]);
  for (const id of ids.slice(1)) getFolder(context, id);
  assertNotSent(context, boxesOfFolders(context, ids), 'delete its folders');
  assertNotUnderHold(context, { folderIds: ids }, 'delete');
  const label = ids.length === 1 ? `Delete folder "${first.title.slice(0, 40)}"` : `Delete ${ids.length} folders`;
  return context.history.change(label, (change) => {
    for (const id of ids) {
      const before = context.history.snapshot('folder', id);
      context.db.run('DELETE FROM folder WHERE id = ?', [id]);
      change.record('folder', id, 'delete', before, undefined);
    }
    return ids.length;
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as Partial<T>;
}
