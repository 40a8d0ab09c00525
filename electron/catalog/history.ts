// The append-only history and the undo it makes possible. Every user action is one "change" grouping the row-level
// entries (before/after snapshots of the raw rows). Undo writes the inverse as a new change: history is never edited.
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/api/contract';
import type { Database } from '../storage/database';

export type Entity = HistoryEntry['entity'];
export type Row = Record<string, unknown>;

const TABLES: Record<Entity, string> = {
  department: 'department',
  records_center: 'records_center',
  schedule_item: 'schedule_item',
  box: 'box',
  folder: 'folder',
  transfer: 'transfer',
  transfer_box: 'transfer_box',
  amendment: 'amendment',
  transfer_file: 'transfer_file',
};

/** Column names come from our own snapshots of our own tables, never from users: still, accept only identifiers. */
function columnList(row: Row): string[] {
  const columns = Object.keys(row);
  for (const column of columns) if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`Unexpected column ${column}`);
  return columns;
}

export function readRow(db: Database, entity: Entity, id: number): Row | undefined {
  return db.get<Row>(`SELECT * FROM ${TABLES[entity]} WHERE id = ?`, [id]);
}

export interface ChangeContext {
  changeId: number;
  record(entity: Entity, entityId: number, action: HistoryEntry['action'], before: Row | undefined, after: Row | undefined): void;
}

/** What an undo or redo would do that a legal hold may forbid. */
export interface InvertEffects {
  deletes: { entity: Entity; id: number }[];
  /** Folders whose legal hold mark it would clear. */
  unholds: number[];
}

export class History {
  private undoStack: number[] = [];
  private redoStack: number[] = [];

  constructor(
    private readonly db: Database,
    readonly actor: string,
    private readonly clock: () => Date,
    /** Called after undo/redo restored a row, so derived values (disposition dates) follow. */
    private readonly onRestored: (entity: Entity, entityId: number, action: HistoryEntry['action']) => void = () => {},
    /**
     * Called once after every committed change (edits, imports, undo, redo, untracked writes): the one place that
     * marks the catalog changed, so autosave and cached counts can never miss a change.
     */
    private readonly onChanged: () => void = () => {},
    /**
     * Asked before an undo or redo is applied, with the boxes and folders it would delete and the folders whose hold
     * mark it would clear: it throws to refuse (a legal hold in force covers them), and then nothing changes.
     */
    private readonly beforeInvert: (effects: InvertEffects) => void = () => {},
  ) {}

  /** Runs one user action as one transaction and one change in the history. */
  change<T>(label: string, work: (context: ChangeContext) => T, kind: 'edit' | 'undo' | 'redo' | 'import' = 'edit'): T {
    const value = this.db.transaction(() => {
      const { lastInsertRowid: changeId } = this.db.run('INSERT INTO change (at, actor, label, kind) VALUES (?, ?, ?, ?)', [
        this.clock().toISOString(),
        this.actor,
        label,
        kind,
      ]);
      const insert = this.db.raw.prepare(
        'INSERT INTO history (change_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)',
      );
      try {
        const result = work({
          changeId,
          record: (entity, entityId, action, before, after) => {
            insert.run([changeId, entity, entityId, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]);
          },
        });
        return { changeId, result };
      } finally {
        insert.free();
      }
    });
    if (kind === 'edit' || kind === 'import') {
      this.undoStack.push(value.changeId);
      this.redoStack = [];
    }
    this.onChanged();
    return value.result;
  }

  /**
   * A write kept out of the undo history, for state that is not the user's record: a saved column mapping, the
   * "ready" mark a transfer check leaves. One transaction; it marks the catalog changed like any other change.
   */
  untracked<T>(work: () => T): T {
    const value = this.db.transaction(work);
    this.onChanged();
    return value;
  }

  /** Re-reads rows after a change so history holds exactly what was stored. */
  snapshot(entity: Entity, id: number): Row | undefined {
    return readRow(this.db, entity, id);
  }

  get undoLabel(): string | null {
    return this.labelOf(this.undoStack.at(-1));
  }

  get redoLabel(): string | null {
    return this.labelOf(this.redoStack.at(-1))?.replace(/^Undo /, '') ?? null;
  }

  undo(): string {
    const changeId = this.undoStack.at(-1);
    if (changeId === undefined) throw new AppError('nothing-to-undo', 'There is nothing to undo.');
    const label = this.labelOf(changeId) ?? 'change';
    const inverseId = this.invert(changeId, `Undo ${label}`, 'undo');
    this.undoStack.pop();
    this.redoStack.push(inverseId);
    return label;
  }

  redo(): string {
    const inverseId = this.redoStack.at(-1);
    if (inverseId === undefined) throw new AppError('nothing-to-undo', 'There is nothing to redo.');
    const label = (this.labelOf(inverseId) ?? 'Undo change').replace(/^Undo /, '');
    const redoneId = this.invert(inverseId, label, 'redo');
    this.redoStack.pop();
    this.undoStack.push(redoneId);
    return label;
  }

  /** Forget the session's stacks (a catalog was closed or reloaded); the stored history stays. */
  reset(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  list(filter: { entity?: Entity; entityId?: number; limit: number }): HistoryEntry[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.entity) {
      where.push('h.entity = ?');
      params.push(filter.entity);
    }
    if (filter.entityId !== undefined) {
      where.push('h.entity_id = ?');
      params.push(filter.entityId);
    }
    params.push(filter.limit);
    const rows = this.db.all<{
      id: number; at: string; actor: string; entity: Entity; entity_id: number; action: HistoryEntry['action'];
      before: string | null; after: string | null; change_id: number; label: string;
    }>(
      `SELECT h.id, c.at, c.actor, h.entity, h.entity_id, h.action, h.before, h.after, h.change_id, c.label
       FROM history h JOIN change c ON c.id = h.change_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY h.id DESC LIMIT ?`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      before: row.before ? JSON.parse(row.before) : null,
      after: row.after ? JSON.parse(row.after) : null,
      changeId: row.change_id,
      changeLabel: row.label,
    }));
  }

  private labelOf(changeId: number | undefined): string | null {
    if (changeId === undefined) return null;
    return this.db.get<{ label: string }>('SELECT label FROM change WHERE id = ?', [changeId])?.label ?? null;
  }

  /** Applies the inverse of every entry of a change, newest first, as a new change. */
  private invert(changeId: number, label: string, kind: 'undo' | 'redo'): number {
    const entries = this.db.all<{ entity: Entity; entity_id: number; action: HistoryEntry['action']; before: string | null; after: string | null }>(
      'SELECT entity, entity_id, action, before, after FROM history WHERE change_id = ? ORDER BY id DESC',
      [changeId],
    );
    const effects: InvertEffects = { deletes: [], unholds: [] };
    for (const entry of entries) {
      if (entry.action === 'create') effects.deletes.push({ entity: entry.entity, id: entry.entity_id });
      if (entry.action === 'update' && entry.entity === 'folder' && entry.before) {
        const heldBefore = (JSON.parse(entry.before) as Row).legal_hold;
        const heldNow = readRow(this.db, 'folder', entry.entity_id)?.legal_hold;
        if (!heldBefore && heldNow) effects.unholds.push(entry.entity_id);
      }
    }
    this.beforeInvert(effects);
    let newChangeId = 0;
    const inverseAction = { create: 'delete', delete: 'create', update: 'update' } as const;
    this.change(
      label,
      (context) => {
        newChangeId = context.changeId;
        for (const entry of entries) {
          const table = TABLES[entry.entity];
          const before = entry.before ? (JSON.parse(entry.before) as Row) : undefined;
          const after = entry.after ? (JSON.parse(entry.after) as Row) : undefined;
          const current = readRow(this.db, entry.entity, entry.entity_id);
          if (entry.action === 'create') {
            this.db.run(`DELETE FROM ${table} WHERE id = ?`, [entry.entity_id]);
            context.record(entry.entity, entry.entity_id, 'delete', current, undefined);
          } else if (entry.action === 'delete' && before) {
            const columns = columnList(before);
            this.db.run(
              `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
              columns.map((column) => before[column] as string | number | null),
            );
            context.record(entry.entity, entry.entity_id, 'create', undefined, before);
          } else if (entry.action === 'update' && before) {
            const columns = columnList(before).filter((column) => column !== 'id');
            this.db.run(
              `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`,
              [...columns.map((column) => before[column] as string | number | null), entry.entity_id],
            );
            context.record(entry.entity, entry.entity_id, 'update', current ?? after, before);
          }
          this.onRestored(entry.entity, entry.entity_id, inverseAction[entry.action]);
        }
      },
      kind,
    );
    return newChangeId;
  }
}
