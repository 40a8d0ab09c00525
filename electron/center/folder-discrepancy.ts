// Folder-level differences found when a center looks inside a box: a folder listed but not there, a folder there but
// not listed, or a folder unlike its line on the manifest. Recorded as found (who, when, in the center's words),
// with a custody event on the box, and sent back in the acknowledgment; never fixed silently in the holdings.
import type { RecordedDiscrepancy } from '../../shared/api/contract-center';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import { appendCustodyEvents } from '../custody/custody-events';
import { recordedChange } from './center-change';

export const folderDiscrepancyKinds = ['folder-missing', 'folder-extra', 'folder-different'] as const;
export type FolderDiscrepancyKind = (typeof folderDiscrepancyKinds)[number];

const KIND_WORDS: Record<FolderDiscrepancyKind, string> = {
  'folder-missing': 'is listed but was not in the box',
  'folder-extra': 'was in the box but is not listed',
  'folder-different': 'is not as listed',
};

export interface FolderDiscrepancyInput {
  accessionId: number;
  holdingBoxId: number;
  /** The folder's number in the box as listed; null for a folder that is not listed (folder-extra). */
  folderPosition: number | null;
  kind: FolderDiscrepancyKind;
  /** What the center found, in its words. */
  description: string;
}

interface BoxRow { id: number; accession_id: number; sequence: number | null; label: string; status: string }

export function recordFolderDiscrepancy(context: CatalogContext, input: FolderDiscrepancyInput): RecordedDiscrepancy {
  const box = context.db.get<BoxRow>('SELECT id, accession_id, sequence, label, status FROM holding_box WHERE id = ?', [input.holdingBoxId]);
  if (!box || box.accession_id !== input.accessionId) {
    throw new AppError('not-found', 'That box is not in this accession. Nothing was recorded.', { field: 'holdingBoxId' });
  }
  if (box.status === 'expected' || box.status === 'missing') {
    throw new AppError('invalid-input', `Box ${box.sequence ?? ''} (${box.label}) has not been checked in as received: check it in before looking inside. Nothing was recorded.`, {
      field: 'holdingBoxId',
    });
  }
  let folderWords = 'A folder';
  if (input.kind === 'folder-extra') {
    if (input.folderPosition !== null) throw new AppError('invalid-input', 'A folder that is not listed has no number on the list: leave the folder number empty.', { field: 'folderPosition' });
  } else {
    if (input.folderPosition === null) throw new AppError('invalid-input', 'Give the folder’s number on the list.', { field: 'folderPosition' });
    const folder = context.db.get<{ title: string }>('SELECT title FROM holding_folder WHERE box_id = ? AND position = ?', [box.id, input.folderPosition]);
    if (!folder) throw new AppError('not-found', `Box ${box.sequence ?? ''} lists no folder ${input.folderPosition}. Nothing was recorded.`, { field: 'folderPosition' });
    folderWords = `Folder ${input.folderPosition} “${folder.title.slice(0, 120)}”`;
  }
  const description = `Box ${box.sequence ?? '(not listed)'} (${box.label}): ${folderWords} ${KIND_WORDS[input.kind]}. ${input.description.trim()}`.trim();
  const at = context.now();
  const actor = context.history.actor;
  const id = recordedChange(context, `Record a folder difference in box ${box.label}`, () => {
    const { lastInsertRowid } = context.db.run(
      'INSERT INTO discrepancy (accession_id, holding_box_id, folder_position, kind, description, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [input.accessionId, box.id, input.folderPosition, input.kind, description, at, actor],
    );
    appendCustodyEvents(context, [{ boxId: box.id, transferId: input.accessionId, kind: 'discrepancy', detail: { kind: input.kind, folderPosition: input.folderPosition, words: description } }]);
    return lastInsertRowid;
  });
  return {
    id, kind: input.kind, holdingBoxId: box.id, boxSequence: box.sequence, folderPosition: input.folderPosition, description, recordedAt: at, recordedBy: actor,
  };
}
