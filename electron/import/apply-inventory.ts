// Writes a planned box list into the catalog as one change: all of it, or (on any failure) none of it. Undo takes
// the whole import back. Boxes and folders already in the catalog are skipped or updated, as the person chose.
import type { ImportApplyResult } from '../../shared/api/contract-import';
import { AppError } from '../../shared/domain/errors';
import { folderInputSchema, type FolderInput } from '../../shared/domain/types';
import { insertBox } from '../catalog/box-store';
import { fiscalYearStartMonth, type CatalogContext } from '../catalog/context';
import { assertNotSent } from '../catalog/custody';
import { ruleLookup } from '../catalog/derived';
import { folderInputOf, getFolder, indexFolderRange, insertFolder, writeFolder } from '../catalog/folder-store';
import type { ChangeContext } from '../catalog/history';
import type { InventoryPlan, PlannedBox, PlannedFolder } from './inventory-plan';
import { count } from './import-words';
import { recordCreatedRange } from './record-created';

export interface ApplyOptions {
  onDuplicate: 'skip' | 'update';
  /** Called after each record is written; tests use it to fail part-way and prove nothing is left behind. */
  afterRecord?: (written: number) => void;
}

type Counts = Omit<ImportApplyResult, 'label' | 'report'>;

export function inventoryCounts(plan: InventoryPlan, onDuplicate: 'skip' | 'update'): Counts {
  const update = onDuplicate === 'update';
  const folders = plan.boxes.flatMap((box) => box.folders);
  const existingFolders = folders.filter((folder) => folder.existingId !== null).length;
  return {
    boxesCreated: plan.boxes.filter((box) => box.existingId === null).length,
    boxesUpdated: update ? plan.boxes.filter((box) => box.existingId !== null && Object.keys(box.changes).length > 0).length : 0,
    foldersCreated: folders.length - existingFolders,
    foldersUpdated: update ? existingFolders : 0,
    foldersSkipped: update ? 0 : existingFolders,
    foldersUnlinked: folders.filter((folder) => folder.unmatched !== null && (update || folder.existingId === null)).length,
    scheduleItemsCreated: 0,
    scheduleItemsUpdated: 0,
    scheduleItemsSkipped: 0,
  };
}

export function inventoryLabel(plan: InventoryPlan, counts: Counts): string {
  const folders = counts.foldersCreated + counts.foldersUpdated;
  const what = folders > 0 ? count(folders, 'folder') : count(counts.boxesCreated + counts.boxesUpdated, 'box', 'boxes');
  return `Import ${what} from ${plan.fileName}`;
}

/** The folder as it stands, with what the file says laid over it: what the file does not carry is kept. */
function mergedFolder(context: CatalogContext, planned: PlannedFolder): FolderInput {
  const current = folderInputOf(getFolder(context, planned.existingId!));
  const fromFile = planned.folder;
  const merged = folderInputSchema.safeParse({
    ...current,
    title: fromFile.title,
    fileCode: fromFile.fileCode,
    position: fromFile.position ?? current.position,
    scheduleItemId: fromFile.scheduleItemId ?? current.scheduleItemId,
    beginDate: fromFile.beginDate || current.beginDate,
    endDate: fromFile.endDate || current.endDate,
    eventDate: fromFile.eventDate || current.eventDate,
    confidential: fromFile.confidential,
    notes: fromFile.notes || current.notes,
  });
  if (!merged.success) {
    throw new AppError('invalid-input', `Row ${planned.row}: updating "${fromFile.title}" would leave it invalid: ${merged.error.issues[0].message}. Nothing was imported.`, {
      row: planned.row,
    });
  }
  return merged.data;
}

/** Writes or finds the box; a new box is recorded in the history with the others, in bulk, afterwards. */
function writeBox(context: CatalogContext, change: ChangeContext, planned: PlannedBox, update: boolean): number {
  if (planned.existingId === null) return insertBox(context, planned.box);
  const columns: [string, string | number][] = [];
  if (planned.changes.cubicFeet !== undefined) columns.push(['cubic_feet', planned.changes.cubicFeet]);
  if (planned.changes.officeLocation !== undefined) columns.push(['office_location', planned.changes.officeLocation]);
  if (planned.changes.notes !== undefined) columns.push(['notes', planned.changes.notes]);
  if (update && columns.length > 0) {
    const before = context.history.snapshot('box', planned.existingId);
    context.db.run(`UPDATE box SET ${columns.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
      ...columns.map(([, value]) => value),
      context.now(),
      planned.existingId,
    ]);
    change.record('box', planned.existingId, 'update', before, context.history.snapshot('box', planned.existingId));
  }
  return planned.existingId;
}

export function applyInventory(context: CatalogContext, plan: InventoryPlan, options: ApplyOptions): Counts & { label: string } {
  const counts = inventoryCounts(plan, options.onDuplicate);
  const label = inventoryLabel(plan, counts);
  const update = options.onDuplicate === 'update';
  // A sent box is frozen: an import may neither add folders to it nor update it (nothing is written if it would).
  const touched = plan.boxes.filter(
    (box) => box.existingId !== null && (box.folders.some((each) => each.existingId === null) || (update && (Object.keys(box.changes).length > 0 || box.folders.length > 0))),
  );
  assertNotSent(context, touched.map((box) => box.existingId!), 'import into');
  context.history.change(
    label,
    (change) => {
      const derive = ruleLookup(context);
      const fiscalMonth = fiscalYearStartMonth(context);
      // New rows get ascending ids within this one transaction, so each table's new rows are one id range.
      const boxIds = { first: Infinity, last: -Infinity };
      const folderIds = { first: Infinity, last: -Infinity };
      const created = (range: typeof boxIds, id: number) => {
        range.first = Math.min(range.first, id);
        range.last = Math.max(range.last, id);
      };
      let written = 0;
      for (const planned of plan.boxes) {
        const boxId = writeBox(context, change, planned, update);
        if (planned.existingId === null) created(boxIds, boxId);
        for (const each of planned.folders) {
          if (each.existingId === null) {
            created(folderIds, insertFolder(context, boxId, each.folder, derive, fiscalMonth, false));
          } else if (update) {
            const before = context.history.snapshot('folder', each.existingId);
            writeFolder(context, each.existingId, mergedFolder(context, each), derive, fiscalMonth);
            change.record('folder', each.existingId, 'update', before, context.history.snapshot('folder', each.existingId));
          } else continue;
          written += 1;
          options.afterRecord?.(written);
        }
      }
      indexFolderRange(context, folderIds.first, folderIds.last);
      // Boxes before folders: undo replays the history newest first, so folders go before their boxes.
      recordCreatedRange(context.db, change, 'box', boxIds.first, boxIds.last);
      recordCreatedRange(context.db, change, 'folder', folderIds.first, folderIds.last);
    },
    'import',
  );
  return { ...counts, label };
}
