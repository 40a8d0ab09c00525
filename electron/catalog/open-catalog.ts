// Wires a catalog database to its history: undo restores rows, then derived dates follow the restored values.
import type { Database } from '../storage/database';
import type { CatalogContext } from './context';
import { recomputeFolders } from './derived';
import { indexFolder } from './folder-store';
import { History, type Entity, type InvertEffects } from './history';
import { assertNotUnderHold } from './hold-guard';

export function catalogContext(db: Database, actor: string, clock: () => Date): CatalogContext {
  const context = {} as CatalogContext;
  const restored = (entity: Entity, entityId: number, action: 'create' | 'update' | 'delete') => {
    if (entity === 'folder' && action === 'create') indexFolder(context, entityId);
    if (entity === 'folder' && action !== 'delete') recomputeFolders(context, 'id = ?', [entityId]);
    else if (entity === 'schedule_item') recomputeFolders(context, 'schedule_item_id = ?', [entityId]);
    else if (entity === 'department') recomputeFolders(context, '1 = 1', []);
  };
  // Undo and redo cannot get round a legal hold: what a hold in force covers is not deleted nor unheld by them either.
  const guard = (effects: InvertEffects) => {
    const ids = (entity: Entity) => effects.deletes.filter((each) => each.entity === entity).map((each) => each.id);
    assertNotUnderHold(context, { boxIds: ids('box'), folderIds: ids('folder') }, 'undo adding');
    if (effects.unholds.length > 0) assertNotUnderHold(context, { folderIds: effects.unholds }, 'undo ticking the legal hold of');
  };
  const version = { value: 0 };
  Object.assign(context, {
    db,
    history: new History(db, actor, clock, restored, () => (version.value += 1), guard),
    now: () => clock().toISOString(),
    version,
  });
  return context;
}

export function readMeta(db: Database, key: string): string | null {
  return db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key])?.value ?? null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}
