// What the person sees before importing: counts, every problem, every skipped row and why, duplicates, unlinked
// series, and the first records as they will be written. Long lists are cut to a readable length; the counts always
// cover every row.
import {
  PREVIEW_LIST_LIMIT,
  PREVIEW_SAMPLE,
  rowsWithProblems,
  type ImportDuplicate,
  type ImportPreview,
} from '../../shared/api/contract-import';
import { describeRule } from '../../shared/schedule/disposition';
import type { CatalogContext } from '../catalog/context';
import type { InventoryPlan } from './inventory-plan';
import type { SchedulePlan } from './schedule-plan';

const folderName = (box: string, position: number | undefined, title: string, fileCode: string) =>
  `Box ${box}, ${position !== undefined ? `folder ${position} ` : ''}“${title}”${fileCode ? ` (${fileCode})` : ''}`;

function itemNumbers(context: CatalogContext): Map<number, string> {
  return new Map(context.db.all<{ id: number; item_number: string }>('SELECT id, item_number FROM schedule_item').map((row) => [row.id, row.item_number]));
}

export function previewInventory(context: CatalogContext, plan: InventoryPlan): ImportPreview {
  const duplicates: ImportDuplicate[] = [];
  const unlinked = new Map<string, { value: string; folders: number; firstRow: number }>();
  const numbers = itemNumbers(context);
  const rows: ImportPreview['sample']['rows'] = [];
  let folders = 0;
  let duplicateBoxes = 0;
  let duplicateFolders = 0;
  for (const box of plan.boxes) {
    if (box.existingId !== null) {
      duplicateBoxes += 1;
      if (duplicates.length < PREVIEW_LIST_LIMIT) duplicates.push({ entity: 'box', row: box.row, description: `Box ${box.label}` });
    }
    if (box.folders.length === 0 && rows.length < PREVIEW_SAMPLE) {
      rows.push({ row: box.row, cells: [box.label, '', box.box.notes, '', '', '', '', '', ''], duplicate: box.existingId !== null });
    }
    for (const { folder, row, existingId, unmatched } of box.folders) {
      folders += 1;
      if (existingId !== null) {
        duplicateFolders += 1;
        if (duplicates.length < PREVIEW_LIST_LIMIT) {
          duplicates.push({ entity: 'folder', row, description: folderName(box.label, folder.position, folder.title, folder.fileCode) });
        }
      }
      if (unmatched !== null) {
        const entry = unlinked.get(unmatched.toLowerCase()) ?? { value: unmatched, folders: 0, firstRow: row };
        entry.folders += 1;
        unlinked.set(unmatched.toLowerCase(), entry);
      }
      if (rows.length < PREVIEW_SAMPLE) {
        const series = folder.scheduleItemId !== null ? (numbers.get(folder.scheduleItemId) ?? '') : unmatched ? `${unmatched} (not in your schedule)` : '';
        rows.push({
          row,
          cells: [box.label, folder.position?.toString() ?? '', folder.title, folder.fileCode, series, folder.beginDate, folder.endDate, folder.confidential ? 'Yes' : 'No', folder.notes],
          duplicate: existingId !== null,
        });
      }
    }
  }
  return {
    kind: 'inventory',
    fileName: plan.fileName,
    sheet: plan.sheet,
    report: plan.report,
    skippedRows: plan.skippedRows,
    rowsWithProblems: rowsWithProblems(plan.report),
    counts: { boxes: plan.boxes.length, folders, scheduleItems: 0 },
    duplicateCounts: { boxes: duplicateBoxes, folders: duplicateFolders, scheduleItems: 0 },
    duplicates,
    sample: { columns: ['Box', 'No.', 'Title', 'File code', 'Schedule item', 'Begin date', 'End date', 'Confidential', 'Notes'], rows },
    unlinked: [...unlinked.values()].sort((a, b) => b.folders - a.folders).slice(0, PREVIEW_LIST_LIMIT),
    unparsedRules: [],
  };
}

export function previewSchedule(plan: SchedulePlan): ImportPreview {
  const existing = plan.items.filter((item) => item.existingId !== null);
  return {
    kind: 'schedule',
    fileName: plan.fileName,
    sheet: plan.sheet,
    report: plan.report,
    skippedRows: plan.skippedRows,
    rowsWithProblems: rowsWithProblems(plan.report),
    counts: { boxes: 0, folders: 0, scheduleItems: plan.items.length },
    duplicateCounts: { boxes: 0, folders: 0, scheduleItems: existing.length },
    duplicates: existing
      .slice(0, PREVIEW_LIST_LIMIT)
      .map(({ row, item }) => ({ entity: 'schedule-item', row, description: `${item.itemNumber} ${item.title}` })),
    sample: {
      columns: ['Item number', 'Series title', 'Retention as written', 'Counted as', 'Disposition', 'Citation'],
      rows: plan.items.slice(0, PREVIEW_SAMPLE).map(({ row, item, ruleParsed, existingId }) => ({
        row,
        cells: [item.itemNumber, item.title, item.retentionText, ruleParsed ? describeRule(item.rule) : 'Set by hand', item.disposition, item.citation],
        duplicate: existingId !== null,
      })),
    },
    unlinked: [],
    unparsedRules: plan.items
      .filter((item) => !item.ruleParsed)
      .slice(0, PREVIEW_LIST_LIMIT)
      .map(({ row, item }) => ({ row, itemNumber: item.itemNumber, retentionText: item.retentionText })),
  };
}
