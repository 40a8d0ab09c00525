// A box list read against the catalog, before anything is written: every folder checked as the catalog would
// check it, matched to boxes and folders already there (duplicates), and linked to the retention schedule.
import { fieldLabel } from '../../shared/domain/validation';
import type { ColumnMapping, ImportReport, InventoryField, RowProblem, SkippedRow } from '../../shared/import/types';
import { interpretInventory } from '../../shared/import/interpret-inventory';
import { boxInputSchema, folderInputSchema, type BoxInput, type FolderInput } from '../../shared/domain/types';
import { fiscalYearStartMonth, type CatalogContext } from '../catalog/context';
import { sheetOf, type StoredFile } from './imported-files';
import { scheduleLinks } from './schedule-links';

export interface PlannedFolder {
  row: number;
  folder: FolderInput;
  /** The folder already in the catalog with the same box, title and file code (and number, when the file gives one). */
  existingId: number | null;
  /** What the file named as the series when it matched nothing in the schedule. */
  unmatched: string | null;
}

export interface PlannedBox {
  label: string;
  row: number;
  box: BoxInput;
  /** Only what the file says about the box, for updating a box already in the catalog. */
  changes: Partial<BoxInput>;
  existingId: number | null;
  folders: PlannedFolder[];
}

export interface InventoryPlan {
  kind: 'inventory';
  fileName: string;
  sheet: string;
  report: ImportReport;
  skippedRows: SkippedRow[];
  boxes: PlannedBox[];
}

interface ExistingFolder {
  id: number;
  title: string;
  file_code: string;
  position: number;
}

const folderKey = (title: string, fileCode: string, position?: number) => `${title}\u0000${fileCode}\u0000${position ?? ''}`;

/** Finds, for one box already in the catalog, the folder an imported one duplicates. */
function folderMatcher(context: CatalogContext, boxId: number | null): (folder: FolderInput) => number | null {
  if (boxId === null) return () => null;
  const byKey = new Map<string, number>();
  for (const each of context.db.all<ExistingFolder>('SELECT id, title, file_code, position FROM folder WHERE box_id = ? ORDER BY position, id', [boxId])) {
    for (const key of [folderKey(each.title, each.file_code, each.position), folderKey(each.title, each.file_code)]) {
      if (!byKey.has(key)) byKey.set(key, each.id);
    }
  }
  return (folder) => byKey.get(folderKey(folder.title, folder.fileCode, folder.position)) ?? null;
}

/** How a folder's notes keep the series the file named when the retention schedule had no such item. */
export const UNLINKED_NOTE = 'Series in the imported file (not in the retention schedule then): ';

const joinNotes = (notes: string, more: string) => (notes ? `${notes}\n${more}` : more);

export function planInventory(context: CatalogContext, file: StoredFile, mapping: ColumnMapping<InventoryField>): InventoryPlan {
  const table = sheetOf(file, mapping.sheet);
  const { boxes, report, skippedRows } = interpretInventory(table, mapping, { fiscalYearStartMonth: fiscalYearStartMonth(context) });
  const problems: RowProblem[] = [...report.problems];
  const refusedRows = new Set(problems.map((problem) => problem.row));
  let newlyRefused = 0;
  const refused = (row: number, column: string, reason: string) => {
    problems.push({ sheet: table.name, row, column, reason });
    if (!refusedRows.has(row)) newlyRefused += 1;
    refusedRows.add(row);
  };

  const existingBoxes = new Map<string, number>();
  for (const box of context.db.all<{ id: number; label: string }>('SELECT id, label FROM box ORDER BY id')) {
    const key = box.label.toLowerCase();
    if (!existingBoxes.has(key)) existingBoxes.set(key, box.id);
  }
  const links = scheduleLinks(context);

  const planned: PlannedBox[] = [];
  for (const imported of boxes) {
    const row = imported.sourceRows[0] ?? imported.folders[0]?.sourceRow ?? 0;
    const changes: Partial<BoxInput> = {};
    if (imported.cubicFeet !== undefined) changes.cubicFeet = imported.cubicFeet;
    if (imported.officeLocation) changes.officeLocation = imported.officeLocation;
    if (imported.title) changes.notes = imported.title;
    const box = boxInputSchema.safeParse({ label: imported.label, ...changes });
    if (!box.success) {
      const issue = box.error.issues[0];
      for (const sourceRow of imported.sourceRows) refused(sourceRow, fieldLabel(issue.path), issue.message);
      continue;
    }
    const existingId = existingBoxes.get(box.data.label.toLowerCase()) ?? null;
    const duplicateOf = folderMatcher(context, existingId);
    const folders: PlannedFolder[] = [];
    for (const each of imported.folders) {
      const link = links.find(each.itemNumber, each.seriesTitle);
      const parsed = folderInputSchema.safeParse({
        position: each.position,
        title: each.title,
        fileCode: each.fileCode,
        scheduleItemId: link.id,
        beginDate: each.beginDate,
        endDate: each.endDate,
        eventDate: each.eventDate ?? '',
        confidential: each.confidential,
        // A series the schedule does not (yet) have is kept with the folder, so linking it later loses nothing.
        notes: link.unmatched ? joinNotes(each.notes, `${UNLINKED_NOTE}${link.unmatched}`) : each.notes,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        refused(each.sourceRow, fieldLabel(issue.path), issue.message);
        continue;
      }
      folders.push({ row: each.sourceRow, folder: parsed.data, existingId: duplicateOf(parsed.data), unmatched: link.unmatched });
    }
    // A box all of whose rows were refused is not imported either: it would be an empty box nobody described.
    const described = imported.folders.length > 0 ? folders.length > 0 : !imported.sourceRows.every((sourceRow) => refusedRows.has(sourceRow));
    if (described) planned.push({ label: box.data.label, row, box: box.data, changes, existingId, folders });
  }

  problems.sort((a, b) => a.row - b.row);
  return {
    kind: 'inventory',
    fileName: file.fileName,
    sheet: table.name,
    report: { ...report, rowsImported: Math.max(0, report.rowsImported - newlyRefused), problems },
    skippedRows,
    boxes: planned,
  };
}
