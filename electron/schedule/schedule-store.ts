// The department's retention schedule: items with their structured rule, and the folders' dates that follow them.
import type { ScheduleItemWithUse } from '../../shared/api/contract';
import { AppError } from '../../shared/domain/errors';
import type { ScheduleItem, ScheduleItemInput } from '../../shared/domain/types';
import type { CatalogContext } from '../catalog/context';
import { recomputeFolders } from '../catalog/derived';
import { toScheduleItem, type ScheduleItemRow } from '../catalog/rows';

export function listScheduleItems(context: CatalogContext): ScheduleItemWithUse[] {
  const rows = context.db.all<ScheduleItemRow & { folder_count: number }>(
    `SELECT s.*, (SELECT count(*) FROM folder f WHERE f.schedule_item_id = s.id) AS folder_count
     FROM schedule_item s ORDER BY s.item_number COLLATE NOCASE`,
  );
  return rows.map((row) => ({ ...toScheduleItem(row), folderCount: row.folder_count }));
}

export function getScheduleItem(context: CatalogContext, id: number): ScheduleItem {
  const row = context.db.get<ScheduleItemRow>('SELECT * FROM schedule_item WHERE id = ?', [id]);
  if (!row) throw new AppError('not-found', `There is no schedule item with id ${id}.`, { field: 'scheduleItemId' });
  return toScheduleItem(row);
}

export function findScheduleItemByNumber(context: CatalogContext, itemNumber: string): ScheduleItem | undefined {
  const row = context.db.get<ScheduleItemRow>('SELECT * FROM schedule_item WHERE item_number = ? COLLATE NOCASE', [
    itemNumber.trim(),
  ]);
  return row ? toScheduleItem(row) : undefined;
}

function refuseDuplicateNumber(context: CatalogContext, itemNumber: string, exceptId?: number): void {
  const existing = findScheduleItemByNumber(context, itemNumber);
  if (existing && existing.id !== exceptId) {
    throw new AppError('invalid-input', `Item number: "${itemNumber}" is already in your schedule (${existing.title}).`, {
      field: 'itemNumber',
    });
  }
}

function itemParams(item: ScheduleItemInput) {
  return [item.itemNumber, item.title, item.description, JSON.stringify(item.rule), item.retentionText, item.disposition, item.citation];
}

export function insertScheduleItem(context: CatalogContext, item: ScheduleItemInput, record: (id: number) => void): number {
  refuseDuplicateNumber(context, item.itemNumber);
  const { lastInsertRowid } = context.db.run(
    `INSERT INTO schedule_item (item_number, title, description, rule, retention_text, disposition, citation)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    itemParams(item),
  );
  record(lastInsertRowid);
  return lastInsertRowid;
}

export function createScheduleItem(context: CatalogContext, item: ScheduleItemInput): ScheduleItem {
  return context.history.change(`Add schedule item ${item.itemNumber}`, (change) => {
    const id = insertScheduleItem(context, item, (newId) =>
      change.record('schedule_item', newId, 'create', undefined, context.history.snapshot('schedule_item', newId)),
    );
    return getScheduleItem(context, id);
  });
}

export function updateScheduleItem(context: CatalogContext, id: number, item: ScheduleItemInput): ScheduleItem {
  getScheduleItem(context, id);
  refuseDuplicateNumber(context, item.itemNumber, id);
  return context.history.change(`Edit schedule item ${item.itemNumber}`, (change) => {
    const before = context.history.snapshot('schedule_item', id);
    context.db.run(
      `UPDATE schedule_item SET item_number = ?, title = ?, description = ?, rule = ?, retention_text = ?,
       disposition = ?, citation = ? WHERE id = ?`,
      [...itemParams(item), id],
    );
    change.record('schedule_item', id, 'update', before, context.history.snapshot('schedule_item', id));
    recomputeFolders(context, 'schedule_item_id = ?', [id]);
    return getScheduleItem(context, id);
  });
}

export function deleteScheduleItem(context: CatalogContext, id: number): number {
  const item = getScheduleItem(context, id);
  const used = context.db.get<{ count: number }>('SELECT count(*) AS count FROM folder WHERE schedule_item_id = ?', [id])!.count;
  if (used > 0) {
    throw new AppError(
      'invalid-input',
      `${item.itemNumber} is used by ${used.toLocaleString('en-US')} folder${used === 1 ? '' : 's'}. Move those folders to another item first.`,
      { field: 'id', folders: used },
    );
  }
  return context.history.change(`Delete schedule item ${item.itemNumber}`, (change) => {
    const before = context.history.snapshot('schedule_item', id);
    context.db.run('DELETE FROM schedule_item WHERE id = ?', [id]);
    change.record('schedule_item', id, 'delete', before, undefined);
    return 1;
  });
}
