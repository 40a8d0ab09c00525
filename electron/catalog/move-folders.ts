// Moving folders between boxes, and re-boxing a box whose folders have different disposition dates. A box is
// destroyed or kept as a whole, so a box mixing dates keeps its earliest records too long (or cannot be sent at
// all): the plan proposes one box per date (or per series), keeps the largest group in the box, and puts each
// other group in a new box beside it (in the same draft transfer, if the box is in one). Each is one undoable change.
import type { MoveFoldersResult, ReboxGrouping, ReboxPlan, ReboxResult } from '../../shared/api/contract-catalog';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import { compareLabels } from '../../shared/transfer/label-range';
import { dispositionWaitText } from '../../shared/transfer/box-disposition';
import { backToDraft } from '../transfer/transfer-store';
import { getTransferRow } from '../transfer/transfer-rows';
import type { ChangeContext } from './history';
import type { CatalogContext } from './context';
import { getBox, insertBox } from './box-store';
import { assertNotSent, boxesOfFolders } from './custody';
import { getFolder } from './folder-store';

interface FolderRow {
  id: number; position: number; title: string; item_number: string | null; series_title: string | null;
  disposition_date: string | null; disposition_status: string;
}

function moveOne(context: CatalogContext, change: ChangeContext, folderId: number, boxId: number, position: number): void {
  const before = context.history.snapshot('folder', folderId);
  context.db.run('UPDATE folder SET box_id = ?, position = ?, updated_at = ? WHERE id = ?', [boxId, position, context.now(), folderId]);
  change.record('folder', folderId, 'update', before, context.history.snapshot('folder', folderId));
}

const nextPosition = (context: CatalogContext, boxId: number) =>
  context.db.get<{ last: number }>('SELECT coalesce(max(position), 0) AS last FROM folder WHERE box_id = ?', [boxId])!.last + 1;

/** Moves folders (from any boxes still the department's) to the end of another box, in their order. */
export function moveFolders(context: CatalogContext, input: { folderIds: number[]; toBoxId: number }): MoveFoldersResult {
  const target = getBox(context, input.toBoxId);
  const folders = [...new Set(input.folderIds)].map((id) => getFolder(context, id));
  const moving = folders.filter((folder) => folder.boxId !== target.id);
  if (moving.length === 0) {
    throw new AppError('invalid-input', `${folders.length === 1 ? 'That folder is' : 'Those folders are'} already in box ${target.label}: choose another box.`, { field: 'toBoxId' });
  }
  assertNotSent(context, [...boxesOfFolders(context, moving.map((folder) => folder.id)), target.id], 'move folders in or out of');
  moving.sort((a, b) => compareLabels(String(a.boxId), String(b.boxId)) || a.position - b.position);
  const label = `Move ${count(moving.length, 'folder', 'folders')} to box ${target.label}`;
  return context.history.change(label, (change) => {
    let position = nextPosition(context, target.id) - 1;
    for (const folder of moving) moveOne(context, change, folder.id, target.id, (position += 1));
    draftTransfersOf(context, [target.id, ...moving.map((folder) => folder.boxId)]).forEach((transferId) => backToDraft(context, change, getTransferRow(context, transferId)));
    return { moved: moving.length, toBoxId: target.id, toBoxLabel: target.label };
  });
}

function draftTransfersOf(context: CatalogContext, boxIds: number[]): number[] {
  if (boxIds.length === 0) return [];
  return context.db.column<number>(
    `SELECT DISTINCT t.id FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
     WHERE t.status IN ('draft', 'ready') AND tb.box_id IN (${boxIds.map(() => '?').join(', ')})`,
    boxIds,
  );
}

/** What decides a folder's group: its disposition date (or why it has none), or its series. */
function groupKey(folder: FolderRow, by: ReboxGrouping): string {
  if (by === 'series') return folder.item_number ?? '(no series)';
  return folder.disposition_date ?? folder.disposition_status;
}

function groupWords(folder: FolderRow, by: ReboxGrouping): string {
  if (by === 'series') return folder.item_number ? `${folder.item_number} ${folder.series_title ?? ''}`.trim() : 'no series';
  if (folder.disposition_date) return `disposition from ${folder.disposition_date}`;
  const status = folder.disposition_status as keyof typeof dispositionWaitText;
  return dispositionWaitText[status] ?? folder.disposition_status;
}

/** A label not yet used by any box: "PW-004-2", "PW-004-3"… */
function freshLabels(context: CatalogContext, base: string, wanted: number): string[] {
  const taken = new Set(context.db.column<string>('SELECT lower(label) FROM box'));
  const labels: string[] = [];
  for (let suffix = 2; labels.length < wanted; suffix += 1) {
    const label = `${base}-${suffix}`;
    if (!taken.has(label.toLowerCase())) labels.push(label);
  }
  return labels;
}

export function planRebox(context: CatalogContext, input: { boxId: number; by: ReboxGrouping }): ReboxPlan {
  const box = getBox(context, input.boxId);
  const folders = context.db.all<FolderRow>(
    `SELECT f.id, f.position, f.title, s.item_number, s.title AS series_title, f.disposition_date, f.disposition_status
     FROM folder f LEFT JOIN schedule_item s ON s.id = f.schedule_item_id WHERE f.box_id = ? ORDER BY f.position, f.id`,
    [box.id],
  );
  const groups = new Map<string, FolderRow[]>();
  for (const folder of folders) groups.set(groupKey(folder, input.by), [...(groups.get(groupKey(folder, input.by)) ?? []), folder]);
  // The biggest group stays in the box (fewest folders to move); the others go to new boxes, earliest first.
  const ordered = [...groups.entries()].sort(([a, left], [b, right]) => right.length - left.length || a.localeCompare(b));
  const [stay, ...go] = ordered;
  go.sort(([a], [b]) => a.localeCompare(b));
  const labels = freshLabels(context, box.label, go.length);
  const describe = (label: string, rows: FolderRow[], isNew: boolean) => ({
    label,
    isNew,
    describes: groupWords(rows[0], input.by),
    folderIds: rows.map((row) => row.id),
    folderTitles: rows.slice(0, 5).map((row) => `${row.position}. ${row.title}`),
    folders: rows.length,
  });
  return {
    boxId: box.id,
    label: box.label,
    by: input.by,
    groups: stay ? [describe(box.label, stay[1], false), ...go.map(([, rows], index) => describe(labels[index], rows, true))] : [],
  };
}

/** Applies the plan as it stands now (worked out again, so a plan seen earlier cannot move the wrong folders). */
export function rebox(context: CatalogContext, input: { boxId: number; by: ReboxGrouping; expectFolders: number }): ReboxResult {
  const plan = planRebox(context, input);
  const total = plan.groups.reduce((sum, group) => sum + group.folders, 0);
  if (total !== input.expectFolders) {
    throw new AppError('invalid-input', `Box ${plan.label} changed since the plan was shown (${count(total, 'folder')} now): look at the plan again.`, { field: 'boxId' });
  }
  const fresh = plan.groups.filter((group) => group.isNew);
  if (fresh.length === 0) {
    throw new AppError('invalid-input', `Box ${plan.label} has one ${input.by === 'series' ? 'series' : 'disposition date'} only: there is nothing to re-box.`, { field: 'boxId' });
  }
  assertNotSent(context, [plan.boxId], 're-box');
  const box = getBox(context, plan.boxId);
  const transfers = draftTransfersOf(context, [box.id]);
  return context.history.change(`Re-box ${box.label} into ${count(plan.groups.length, 'box', 'boxes')}`, (change) => {
    const created: { boxId: number; label: string; folders: number }[] = [];
    for (const group of fresh) {
      const id = insertBox(context, { label: group.label, cubicFeet: box.cubicFeet, officeLocation: box.officeLocation, notes: `Re-boxed from ${box.label}` });
      change.record('box', id, 'create', undefined, context.history.snapshot('box', id));
      group.folderIds.forEach((folderId, index) => moveOne(context, change, folderId, id, index + 1));
      for (const transferId of transfers) {
        const sequence = context.db.get<{ last: number }>('SELECT coalesce(max(sequence), 0) AS last FROM transfer_box WHERE transfer_id = ?', [transferId])!.last + 1;
        const { lastInsertRowid } = context.db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, ?, ?)', [transferId, id, sequence]);
        change.record('transfer_box', lastInsertRowid, 'create', undefined, context.history.snapshot('transfer_box', lastInsertRowid));
      }
      created.push({ boxId: id, label: group.label, folders: group.folders });
    }
    for (const transferId of transfers) backToDraft(context, change, getTransferRow(context, transferId));
    const numbers = transfers.map((transferId) => getTransferRow(context, transferId).number);
    return { boxId: box.id, created, transferNumbers: numbers, transferIds: transfers };
  });
}
