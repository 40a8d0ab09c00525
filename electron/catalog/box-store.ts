// Boxes as the department labels them: listing (paged, for catalogs of 100,000 boxes), editing, deleting.
import type { BoxFilter, Page } from '../../shared/api/contract';
import { AppError } from '../../shared/domain/errors';
import type { Box, BoxInput } from '../../shared/domain/types';
import type { CatalogContext } from './context';
import { toBox, type BoxRow } from './rows';
import { UNKNOWN_WHERE, whereOfBoxes } from '../retrieval/where-now';
import { assertNotSent, SENT_IN_SQL } from './custody';
import { assertNotUnderHold } from './hold-guard';
import { BOX_STATUS_SQL } from '../custody/box-status';
import { likePattern } from './search-query';
import { boxSortKey } from '../../shared/import/read-cells';

const BOX_SELECT = `
  SELECT b.*,
    (SELECT count(*) FROM folder f WHERE f.box_id = b.id) AS folder_count,
    (SELECT min(f.first_day) FROM folder f WHERE f.box_id = b.id) AS date_from,
    (SELECT max(f.last_day) FROM folder f WHERE f.box_id = b.id) AS date_to,
    (SELECT json_group_array(DISTINCT s.title) FROM folder f JOIN schedule_item s ON s.id = f.schedule_item_id
      WHERE f.box_id = b.id) AS series_titles,
    ${SENT_IN_SQL} AS sent_in,
    ${BOX_STATUS_SQL} AS status,
    p.center_name AS center_name, p.accession_number AS accession_number, p.center_box_number AS center_box_number,
    p.location AS center_location, p.status AS center_status
  FROM box b LEFT JOIN box_at_center p ON p.box_id = b.id`;

function boxWhere(filter: BoxFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const query = filter.query?.trim();
  if (query) {
    const pattern = likePattern(query);
    clauses.push(`(b.label LIKE ? ESCAPE '\\' OR b.office_location LIKE ? ESCAPE '\\' OR b.notes LIKE ? ESCAPE '\\')`);
    params.push(pattern, pattern, pattern);
  }
  if (filter.status) {
    clauses.push(`${BOX_STATUS_SQL} = ?`);
    params.push(filter.status);
  }
  if (filter.scheduleItemId) {
    clauses.push('EXISTS (SELECT 1 FROM folder f WHERE f.box_id = b.id AND f.schedule_item_id = ?)');
    params.push(filter.scheduleItemId);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listBoxes(context: CatalogContext, filter: BoxFilter, offset: number, limit: number): Page<Box> {
  const where = boxWhere(filter);
  const total = context.db.get<{ total: number }>(`SELECT count(*) AS total FROM box b ${where.sql}`, where.params)!.total;
  const rows = context.db.all<BoxRow>(`${BOX_SELECT} ${where.sql} ORDER BY b.label_key, b.id LIMIT ? OFFSET ?`, [
    ...where.params,
    limit,
    offset,
  ]);
  return { total, offset, rows: withWhere(context, rows) };
}

export function getBox(context: CatalogContext, id: number): Box {
  const row = context.db.get<BoxRow>(`${BOX_SELECT} WHERE b.id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no box with id ${id}. It may have been deleted.`, { field: 'boxId' });
  return withWhere(context, [row])[0];
}

/** The rows as boxes, with where each is now read for the whole page at once. */
function withWhere(context: CatalogContext, rows: BoxRow[]): Box[] {
  const where = whereOfBoxes(context, rows.map((row) => row.id));
  return rows.map((row) => toBox(row, where.get(row.id) ?? UNKNOWN_WHERE));
}

export function findBoxByLabel(context: CatalogContext, label: string): Box | undefined {
  const row = context.db.get<{ id: number }>('SELECT id FROM box WHERE label = ? COLLATE NOCASE ORDER BY id LIMIT 1', [label.trim()]);
  return row ? getBox(context, row.id) : undefined;
}

/** After a label changes: the sort key that lists boxes as people count ("2" before "10"), in the same change. */
export function keepLabelKey(context: CatalogContext, id: number): void {
  const label = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [id])?.label;
  if (label !== undefined) context.db.run('UPDATE box SET label_key = ? WHERE id = ?', [boxSortKey(label), id]);
}

/** A new box starts in the office: where it goes from there is told by its transfers and custody events. */
export function insertBox(context: CatalogContext, box: BoxInput): number {
  const now = context.now();
  return context.db.run(
    `INSERT INTO box (label, label_key, cubic_feet, office_location, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [box.label, boxSortKey(box.label), box.cubicFeet, box.officeLocation, box.notes, now, now],
  ).lastInsertRowid;
}

export function createBox(context: CatalogContext, box: BoxInput): Box {
  return context.history.change(`Add box ${box.label}`, (change) => {
    const id = insertBox(context, box);
    change.record('box', id, 'create', undefined, context.history.snapshot('box', id));
    return getBox(context, id);
  });
}

const BOX_COLUMNS: Record<keyof BoxInput, string> = {
  label: 'label',
  cubicFeet: 'cubic_feet',
  officeLocation: 'office_location',
  notes: 'notes',
};

export function updateBox(context: CatalogContext, id: number, changes: Partial<BoxInput>): Box {
  const box = getBox(context, id);
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof BoxInput, unknown][];
  if (entries.length === 0) return box;
  assertNotSent(context, [id], 'edit');
  return context.history.change(`Edit box ${changes.label ?? box.label}`, (change) => {
    const before = context.history.snapshot('box', id);
    context.db.run(
      `UPDATE box SET ${entries.map(([key]) => `${BOX_COLUMNS[key]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      [...entries.map(([, value]) => value as string | number), context.now(), id],
    );
    keepLabelKey(context, id);
    change.record('box', id, 'update', before, context.history.snapshot('box', id));
    return getBox(context, id);
  });
}

/** Deletes boxes and their folders; each folder is logged so undo brings everything back. */
export function deleteBoxes(context: CatalogContext, ids: number[]): number {
  const labels = ids.map((id) => getBox(context, id).label);
  assertNotSent(context, ids, 'delete');
  assertNotUnderHold(context, { boxIds: ids }, 'delete');
  const label = ids.length === 1 ? `Delete box ${labels[0]}` : `Delete ${ids.length} boxes`;
  return context.history.change(label, (change) => {
    for (const id of ids) {
      // Its place on a (draft) transfer is deleted through the history too, not by the foreign key's cascade, so
      // undo puts the box back on its transfer instead of cutting it loose.
      for (const memberId of context.db.column<number>('SELECT id FROM transfer_box WHERE box_id = ?', [id])) {
        const member = context.history.snapshot('transfer_box', memberId);
        context.db.run('DELETE FROM transfer_box WHERE id = ?', [memberId]);
        change.record('transfer_box', memberId, 'delete', member, undefined);
      }
      const folders = context.db.column<number>('SELECT id FROM folder WHERE box_id = ? ORDER BY position DESC', [id]);
      for (const folderId of folders) {
        const before = context.history.snapshot('folder', folderId);
        context.db.run('DELETE FROM folder WHERE id = ?', [folderId]);
        change.record('folder', folderId, 'delete', before, undefined);
      }
      const before = context.history.snapshot('box', id);
      context.db.run('DELETE FROM box WHERE id = ?', [id]);
      change.record('box', id, 'delete', before, undefined);
    }
    return ids.length;
  });
}
