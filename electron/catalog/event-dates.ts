// Recording the event a retention clock waits for ("6 years after employee separated", "superseded + 2 years"),
// for many folders at once: chosen folders, or every folder of chosen boxes. A folder still in the office takes
// the date directly; a folder already sent takes it too, and an amendment tells the center, which cannot see the
// event itself (the receipt says the department reports it this way). One undoable change; the disposition dates
// follow from the new event dates.
import type { EventDatesResult, SetEventDatesInput } from '../../shared/api/contract-catalog';
import { AppError } from '../../shared/domain/errors';
import { folderInputSchema } from '../../shared/domain/types';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Manifest } from '../../shared/exchange/manifest';
import { count } from '../../shared/domain/words';
import { lastSentTransfer, recordAmendment } from '../transfer/amend-transfer';
import type { CatalogContext } from './context';
import { lockedReasonOf } from './custody';
import { folderInputOf, getFolder, writeFolder } from './folder-store';

function folderIdsOf(context: CatalogContext, input: SetEventDatesInput): number[] {
  if ('folderIds' in input) {
    for (const id of input.folderIds) getFolder(context, id);
    return [...new Set(input.folderIds)];
  }
  const ids: number[] = [];
  for (const boxId of input.boxIds) {
    const box = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [boxId]);
    if (!box) throw new AppError('not-found', `There is no box with id ${boxId}. It may have been deleted or undone.`, { field: 'boxIds' });
    const inBox = context.db.column<number>('SELECT id FROM folder WHERE box_id = ? ORDER BY position, id', [boxId]);
    if (inBox.length === 0) throw new AppError('invalid-input', `Box “${box.label}” has no folders to record an event date on.`, { field: 'boxIds' });
    ids.push(...inBox);
  }
  return [...new Set(ids)];
}

export function setEventDates(context: CatalogContext, input: SetEventDatesInput): EventDatesResult {
  const ids = folderIdsOf(context, input);
  const folders = ids.map((id) => getFolder(context, id));
  // Check everything first: one refusal changes nothing.
  const plans = folders.map((folder) => {
    const next = parseOrThrow(folderInputSchema, { ...folderInputOf(folder), eventDate: input.eventDate });
    const sent = lastSentTransfer(context, folder.boxId);
    const locked = lockedReasonOf(context, folder.boxId);
    if (locked && !sent) {
      throw new AppError('forbidden', `The box of “${folder.title.slice(0, 60)}” was ${locked}, with no transfer of this catalog to amend: ` +
        'ask the records center to note the event date. Nothing was changed.', { field: 'folderIds', folderId: folder.id });
    }
    return { folder, next, sent: locked ? sent : null };
  });
  const changing = plans.filter((plan) => plan.folder.eventDate !== plan.next.eventDate);
  if (changing.length === 0) {
    return { updated: 0, amended: 0, unchanged: plans.length, transferNumbers: [] };
  }
  const reason = input.reason?.trim() || (input.eventDate ? `Event recorded on ${input.eventDate}` : 'Event date cleared');
  const label = `${input.eventDate ? `Record event date ${input.eventDate}` : 'Clear the event date'} on ${count(changing.length, 'folder', 'folders')}`;
  return context.history.change(label, (change) => {
    const transfers = new Set<string>();
    let amended = 0;
    for (const { folder, next, sent } of changing) {
      const before = context.history.snapshot('folder', folder.id);
      writeFolder(context, folder.id, next);
      change.record('folder', folder.id, 'update', before, context.history.snapshot('folder', folder.id));
      if (!sent) continue;
      const manifest = JSON.parse(sent.manifest_json) as Manifest;
      const sentBox = manifest.boxes.find((each) => each.sequence === sent.sequence);
      const sentFolder = sentBox?.folders.find((each) => each.position === folder.position);
      recordAmendment(
        context, change,
        { transfer: sent, boxId: folder.boxId, boxLabel: sentBox?.label ?? '', folder: { id: folder.id, position: folder.position, title: sentFolder?.title ?? folder.title } },
        'eventDate', folder.eventDate, next.eventDate, reason,
      );
      transfers.add(sent.number);
      amended += 1;
    }
    return { updated: changing.length - amended, amended, unchanged: plans.length - changing.length, transferNumbers: [...transfers].sort() };
  });
}
