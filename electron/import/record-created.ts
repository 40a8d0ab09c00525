// Records a run of newly created rows in the history with one statement, as History.record would one by one: the
// "after" snapshot is the row as stored (every column, as JSON). An import of 100,000 folders spent half its time
// snapshotting and recording rows singly (sql.js marshals every call); in one INSERT … SELECT it takes a moment.
import type { ChangeContext, Entity } from '../catalog/history';
import type { Database } from '../storage/database';

const TABLES: Partial<Record<Entity, string>> = { box: 'box', folder: 'folder', schedule_item: 'schedule_item' };

/** Rows of `entity` with ids from `firstId` to `lastId` (all created by this change) recorded as created. */
export function recordCreatedRange(db: Database, change: ChangeContext, entity: Entity, firstId: number, lastId: number): void {
  if (lastId < firstId) return;
  const table = TABLES[entity];
  if (!table) throw new Error(`Rows of ${entity} are not recorded in bulk`);
  const columns = db.all<{ name: string }>(`PRAGMA table_info(${table})`).map((column) => column.name);
  // Our own table's column names, never a user's: still, accept only plain identifiers.
  for (const column of columns) if (!/^[a-z_]+$/.test(column)) throw new Error(`Unexpected column ${column}`);
  db.run(
    `INSERT INTO history (change_id, entity, entity_id, action, before, after)
     SELECT ?, ?, id, 'create', NULL, json_object(${columns.map((column) => `'${column}', ${column}`).join(', ')})
     FROM ${table} WHERE id BETWEEN ? AND ? ORDER BY id`,
    [change.changeId, entity, firstId, lastId],
  );
}
