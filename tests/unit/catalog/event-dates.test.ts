// Event-based retention: recording the event date in bulk, for folders in the office and folders already sent.
import { describe, expect, it } from 'vitest';
import { setEventDates } from '../../../electron/catalog/event-dates';
import { getFolder, updateFolder } from '../../../electron/catalog/folder-store';
import { createScheduleItem } from '../../../electron/schedule/schedule-store';
import { amendmentsOf } from '../../../electron/transfer/amend-transfer';
import { sendTransfer } from '../../../electron/transfer/send-transfer';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import { recordCustody, transferCatalog } from '../transfer/transfer-fixtures';

async function catalogWithPermitsClosedSeries() {
  const catalog = await transferCatalog({ boxes: 3, foldersPerBox: 2 });
  const { context, boxes } = catalog;
  const closed = createScheduleItem(context, {
    itemNumber: 'GS 4040', title: 'Closed permits', description: '', retentionText: '10 years after permit closed', disposition: 'destroy',
    citation: 'RCW 40.14', rule: { kind: 'period', years: 10, months: 0, trigger: 'event', eventName: 'permit closed' },
  });
  // Every folder of every box follows the event-based series.
  for (const id of context.db.column<number>('SELECT id FROM folder')) updateFolder(context, id, { scheduleItemId: closed.id });
  return { ...catalog, closedItemId: closed.id, folderIds: (label: string) => context.db.column<number>('SELECT id FROM folder WHERE box_id = ? ORDER BY position', [boxes.get(label)!]) };
}

describe('recording event dates', () => {
  it('sets the date on every folder of chosen boxes in one undoable change, and the disposition dates follow', async () => {
    const { context, folderIds } = await catalogWithPermitsClosedSeries();
    const [first] = folderIds('PW-001');
    expect(getFolder(context, first)).toMatchObject({ eventDate: '', dispositionStatus: 'awaiting-event', dispositionDate: null });
    const boxIds = ['PW-001', 'PW-002'].map((label) => context.db.get<{ id: number }>('SELECT id FROM box WHERE label = ?', [label])!.id);
    const result = setEventDates(context, { boxIds, eventDate: '2024-05-31' });
    expect(result).toEqual({ updated: 4, amended: 0, unchanged: 0, transferNumbers: [] });
    for (const id of [...folderIds('PW-001'), ...folderIds('PW-002')]) {
      // Ten years after the day after the event, as the schedule's rule says.
      expect(getFolder(context, id)).toMatchObject({ eventDate: '2024-05-31', dispositionStatus: 'scheduled', dispositionDate: '2034-06-01' });
    }
    expect(getFolder(context, folderIds('PW-003')[0]).eventDate).toBe('');
    context.history.undo();
    for (const id of folderIds('PW-001')) expect(getFolder(context, id)).toMatchObject({ eventDate: '', dispositionStatus: 'awaiting-event' });
  });

  it('says nothing changed when every folder already has the date', async () => {
    const { context, folderIds } = await catalogWithPermitsClosedSeries();
    setEventDates(context, { folderIds: folderIds('PW-001'), eventDate: '2024' });
    expect(setEventDates(context, { folderIds: folderIds('PW-001'), eventDate: '2024' })).toEqual({ updated: 0, amended: 0, unchanged: 2, transferNumbers: [] });
  });

  it('records an amendment for the center on a folder already sent, with the reason given, undone with the date', async () => {
    const { context, centerId, boxes, folderIds } = await catalogWithPermitsClosedSeries();
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!] });
    const sent = await sendTransfer(context, transfer.id);
    const [sentFolder] = folderIds('PW-001');
    const [officeFolder] = folderIds('PW-002');
    const result = setEventDates(context, { folderIds: [sentFolder, officeFolder], eventDate: '2025-02-14', reason: 'Permit 19-22 closed' });
    expect(result).toEqual({ updated: 1, amended: 1, unchanged: 0, transferNumbers: [sent.number] });
    expect(getFolder(context, sentFolder)).toMatchObject({ eventDate: '2025-02-14', dispositionDate: '2035-02-15' });
    const amendments = amendmentsOf(context, sent.id);
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toMatchObject({ field: 'eventDate', before: '', after: '2025-02-14', reason: 'Permit 19-22 closed', box: { sequence: 1, label: 'PW-001' }, folder: { position: 1 } });
    context.history.undo();
    expect(amendmentsOf(context, sent.id)).toHaveLength(0);
    expect(getFolder(context, sentFolder).eventDate).toBe('');
    expect(getFolder(context, officeFolder).eventDate).toBe('');
  });

  it('refuses a box at the center with no transfer of this catalog, and changes nothing', async () => {
    const { context, boxes, folderIds } = await catalogWithPermitsClosedSeries();
    recordCustody(context, boxes.get('PW-003')!, 'recorded-at-center');
    const officeFolder = folderIds('PW-001')[0];
    expect(() => setEventDates(context, { folderIds: [officeFolder, ...folderIds('PW-003')], eventDate: '2024' })).toThrow(/no transfer of this catalog to amend.*Nothing was changed/);
    expect(getFolder(context, officeFolder).eventDate).toBe('');
  });

  it('refuses a date that is not a date, naming the field', async () => {
    const { context, folderIds } = await catalogWithPermitsClosedSeries();
    expect(() => setEventDates(context, { folderIds: folderIds('PW-001'), eventDate: 'last spring' })).toThrow(/event/i);
  });

  it('refuses a box with no folders', async () => {
    const { context, boxes } = await catalogWithPermitsClosedSeries();
    for (const id of context.db.column<number>('SELECT id FROM folder WHERE box_id = ?', [boxes.get('PW-003')!])) context.db.run('DELETE FROM folder WHERE id = ?', [id]);
    expect(() => setEventDates(context, { boxIds: [boxes.get('PW-003')!], eventDate: '2024' })).toThrow(/has no folders/);
  });
});
