// Real box lists mix series: moving folders between boxes, and re-boxing a box by disposition date or series.
import { describe, expect, it } from 'vitest';
import { moveFolders, planRebox, rebox } from '../../../electron/catalog/move-folders';
import { getFolder } from '../../../electron/catalog/folder-store';
import { sendTransfer } from '../../../electron/transfer/send-transfer';
import { getTransferDetail } from '../../../electron/transfer/transfer-detail';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import { checkTransfer } from '../../../electron/transfer/transfer-validation';
import { addFolder, transferCatalog } from '../transfer/transfer-fixtures';

const foldersOf = (context: Awaited<ReturnType<typeof transferCatalog>>['context'], boxId: number) =>
  context.db.all<{ id: number; position: number; title: string }>('SELECT id, position, title FROM folder WHERE box_id = ? ORDER BY position', [boxId]);

describe('moving folders between boxes', () => {
  it('moves chosen folders to the end of another box in one undoable change', async () => {
    const { context, boxes } = await transferCatalog({ boxes: 2, foldersPerBox: 3 });
    const [first, , third] = foldersOf(context, boxes.get('PW-001')!);
    const result = moveFolders(context, { folderIds: [third.id, first.id], toBoxId: boxes.get('PW-002')! });
    expect(result).toEqual({ moved: 2, toBoxId: boxes.get('PW-002')!, toBoxLabel: 'PW-002' });
    expect(foldersOf(context, boxes.get('PW-002')!).map((row) => [row.position, row.title])).toEqual([
      [1, 'Oak Street permits 2.1'], [2, 'Oak Street permits 2.2'], [3, 'Oak Street permits 2.3'],
      [4, 'Oak Street permits 1.1'], [5, 'Oak Street permits 1.3'],
    ]);
    expect(foldersOf(context, boxes.get('PW-001')!).map((row) => row.title)).toEqual(['Oak Street permits 1.2']);
    context.history.undo();
    expect(getFolder(context, first.id)).toMatchObject({ boxId: boxes.get('PW-001')!, position: 1 });
    expect(getFolder(context, third.id)).toMatchObject({ boxId: boxes.get('PW-001')!, position: 3 });
  });

  it('refuses to move folders out of or into a sent box, and changes nothing', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 2 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!] });
    await sendTransfer(context, transfer.id, 'Evidence in an open appeal');
    const [sent] = foldersOf(context, boxes.get('PW-001')!);
    const [office] = foldersOf(context, boxes.get('PW-002')!);
    expect(() => moveFolders(context, { folderIds: [sent.id], toBoxId: boxes.get('PW-002')! })).toThrow(/Box “PW-001” was sent to State Records Center/);
    expect(() => moveFolders(context, { folderIds: [office.id], toBoxId: boxes.get('PW-001')! })).toThrow(/cannot move folders in or out of it/);
    expect(getFolder(context, office.id).boxId).toBe(boxes.get('PW-002')!);
  });

  it('says so when the folders are already in that box', async () => {
    const { context, boxes } = await transferCatalog({ boxes: 1 });
    const [folder] = foldersOf(context, boxes.get('PW-001')!);
    expect(() => moveFolders(context, { folderIds: [folder.id], toBoxId: boxes.get('PW-001')! })).toThrow(/already in box PW-001/);
  });
});

describe('re-boxing by disposition date', () => {
  async function mixedBox() {
    const catalog = await transferCatalog({ boxes: 1, foldersPerBox: 3 });
    const { context, boxes, minutesItemId } = catalog;
    const box = boxes.get('PW-001')!;
    addFolder(context, box, { title: 'Council minutes 2019', scheduleItemId: minutesItemId, beginDate: '2019' });
    addFolder(context, box, { title: 'Old permits', scheduleItemId: catalog.permitsItemId, beginDate: '2001', endDate: '2002' });
    return { ...catalog, box };
  }

  it('proposes one box per date, the largest group staying, and changes nothing until applied', async () => {
    const { context, box } = await mixedBox();
    const plan = planRebox(context, { boxId: box, by: 'date' });
    expect(plan.groups.map((group) => [group.label, group.isNew, group.describes, group.folders])).toEqual([
      ['PW-001', false, 'disposition from 2023-01-01', 3],
      ['PW-001-2', true, 'disposition from 2006-01-01', 1],
      ['PW-001-3', true, 'kept permanently', 1],
    ]);
    expect(foldersOf(context, box)).toHaveLength(5);
  });

  it('applies the plan as one undoable change, adding the new boxes to the draft transfer, which then passes the mixed-series check', async () => {
    const { context, centerId, box } = await mixedBox();
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, boxIds: [box] });
    expect(checkTransfer(context, transfer.id).issues.some((issue) => issue.code === 'box-mixed-series' && issue.level === 'error')).toBe(true);
    const result = rebox(context, { boxId: box, by: 'date', expectFolders: 5 });
    expect(result.created.map((each) => [each.label, each.folders])).toEqual([['PW-001-2', 1], ['PW-001-3', 1]]);
    expect(result.transferNumbers).toEqual([transfer.number]);
    expect(getTransferDetail(context, transfer.id).boxes.map((each) => each.label)).toEqual(['PW-001', 'PW-001-2', 'PW-001-3']);
    expect(foldersOf(context, result.created[1].boxId).map((row) => [row.position, row.title])).toEqual([[1, 'Council minutes 2019']]);
    expect(checkTransfer(context, transfer.id).issues.filter((issue) => issue.code === 'box-mixed-series')).toEqual([]);
    context.history.undo();
    expect(foldersOf(context, box)).toHaveLength(5);
    expect(getTransferDetail(context, transfer.id).boxes.map((each) => each.label)).toEqual(['PW-001']);
    expect(context.db.get<{ n: number }>("SELECT count(*) AS n FROM box WHERE label LIKE 'PW-001-%'")!.n).toBe(0);
  });

  it('refuses a plan the box no longer matches, and a box with one date only', async () => {
    const { context, box } = await mixedBox();
    expect(() => rebox(context, { boxId: box, by: 'date', expectFolders: 4 })).toThrow(/changed since the plan was shown/);
    const plain = await transferCatalog({ boxes: 1 });
    expect(() => rebox(plain.context, { boxId: plain.boxes.get('PW-001')!, by: 'date', expectFolders: 2 })).toThrow(/nothing to re-box/);
  });

  it('can split by series instead', async () => {
    const { context, box } = await mixedBox();
    const plan = planRebox(context, { boxId: box, by: 'series' });
    expect(plan.groups.map((group) => [group.label, group.describes, group.folders])).toEqual([
      ['PW-001', 'GS 1010 Building permits', 4],
      ['PW-001-2', 'GS 2020 Council minutes', 1],
    ]);
  });
});
