// Creating transfers and choosing their boxes: numbers, box statuses, undo, and the boxes a transfer may take.
import { describe, expect, it } from 'vitest';
import { updateBox } from '../../../electron/catalog/box-store';
import { getTransferDetail } from '../../../electron/transfer/transfer-detail';
import { listTransfers } from '../../../electron/transfer/transfer-rows';
import { addBoxes, createTransfer, removeBoxes } from '../../../electron/transfer/transfer-store';
import { AppError } from '../../../shared/domain/errors';
import { boxStatus, recordCustody, transferCatalog } from './transfer-fixtures';

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const sequenceOf = (detail: ReturnType<typeof getTransferDetail>) => detail.boxes.map((box) => `${box.sequence}:${box.label}`);

describe('transfer store', () => {
  it('numbers transfers by department code and year, and undo takes a new one back', async () => {
    const { context, centerId } = await transferCatalog();
    const first = createTransfer(context, { recordsCenterId: centerId, notes: 'First shipment' });
    const second = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    expect([first.number, second.number]).toEqual(['PW-2026-001', 'PW-2026-002']);
    expect(first).toMatchObject({ status: 'draft', recordsCenterName: 'State Records Center', notes: 'First shipment', totals: { boxes: 0 } });
    expect(context.history.undoLabel).toBe('Create transfer PW-2026-002 to State Records Center');
    context.history.undo();
    expect(listTransfers(context).map((transfer) => transfer.number)).toEqual(['PW-2026-001']);
    expect(caught(() => createTransfer(context, { recordsCenterId: 99, notes: '' })).code).toBe('not-found');
  });

  it('puts added boxes "in transfer" in label order, and undo sends them back to the office', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 3 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    const ids = [boxes.get('PW-003')!, boxes.get('PW-001')!];
    expect(addBoxes(context, { id: transfer.id, boxIds: ids })).toEqual({ added: 2, alreadyIn: 0, skipped: [] });
    expect(ids.map((id) => boxStatus(context, id))).toEqual(['in-transfer', 'in-transfer']);
    expect(sequenceOf(getTransferDetail(context, transfer.id))).toEqual(['1:PW-001', '2:PW-003']);
    expect(addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!] })).toEqual({ added: 0, alreadyIn: 1, skipped: [] });

    context.history.undo();
    expect(ids.map((id) => boxStatus(context, id))).toEqual(['in-office', 'in-office']);
    expect(getTransferDetail(context, transfer.id).boxes).toEqual([]);
    context.history.redo();
    expect(sequenceOf(getTransferDetail(context, transfer.id))).toEqual(['1:PW-001', '2:PW-003']);
  });

  it('adds every box still in the office with all, leaving boxes of other transfers and at the center alone', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 4 });
    const other = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: other.id, boxIds: [boxes.get('PW-002')!] });
    // Where a box is follows from what happened to it (here, as a center's check-in will record it), never an edit.
    recordCustody(context, boxes.get('PW-004')!, 'recorded-at-center');
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    expect(addBoxes(context, { id: transfer.id, all: true })).toEqual({ added: 2, alreadyIn: 0, skipped: [] });
    expect(sequenceOf(getTransferDetail(context, transfer.id))).toEqual(['1:PW-001', '2:PW-003']);
    expect(addBoxes(context, { id: transfer.id, all: true })).toEqual({ added: 0, alreadyIn: 0, skipped: [] });
  });

  it('refuses a box already in another open transfer, or no longer in the office, naming it', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 2 });
    const first = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: first.id, boxIds: [boxes.get('PW-001')!] });
    const second = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    const taken = caught(() => addBoxes(context, { id: second.id, boxIds: [boxes.get('PW-001')!] }));
    expect(taken.message).toBe('Box PW-001 is already in transfer PW-2026-001. Remove it from that transfer first.');
    recordCustody(context, boxes.get('PW-002')!, 'checked-out');
    expect(caught(() => addBoxes(context, { id: second.id, boxIds: [boxes.get('PW-002')!] })).message).toMatch(/^Box PW-002 is checked out/);
    expect(caught(() => addBoxes(context, { id: second.id, boxIds: [999] })).code).toBe('not-found');
    // Once the first transfer went, its box cannot be "removed from that transfer": the message says what is true.
    recordCustody(context, boxes.get('PW-001')!, 'received');
    expect(caught(() => addBoxes(context, { id: second.id, boxIds: [boxes.get('PW-001')!] })).message).toBe(
      'Box PW-001 went with transfer PW-2026-001 and is at records center: it cannot go in another transfer.',
    );
  });

  it('adds a range of labels in natural order', async () => {
    const { context, centerId } = await transferCatalog({ boxes: 12 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    expect(addBoxes(context, { id: transfer.id, fromLabel: 'pw-009', toLabel: 'PW-011' })).toEqual({ added: 3, alreadyIn: 0, skipped: [] });
    expect(sequenceOf(getTransferDetail(context, transfer.id))).toEqual(['1:PW-009', '2:PW-010', '3:PW-011']);
    expect(caught(() => addBoxes(context, { id: transfer.id, fromLabel: 'X-1', toLabel: 'X-9' })).message).toBe(
      'No box in your office has a label from X-1 to X-9.',
    );
  });

  it('says which boxes of a range it did not add, and why, and adds the rest', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 4 });
    const other = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: other.id, boxIds: [boxes.get('PW-002')!] });
    recordCustody(context, boxes.get('PW-003')!, 'recorded-at-center');
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    expect(addBoxes(context, { id: transfer.id, fromLabel: 'PW-001', toLabel: 'PW-004' })).toEqual({
      added: 2,
      alreadyIn: 0,
      skipped: [
        { label: 'PW-002', reason: 'Box PW-002 is already in transfer PW-2026-001. Remove it from that transfer first.' },
        { label: 'PW-003', reason: 'Box PW-003 is at records center: only boxes in your office can go into a transfer.' },
      ],
    });
  });

  it('takes boxes out: back in the office, the rest renumbered, and undo restores the order', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 3 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, all: true });
    expect(removeBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-002')!] })).toEqual({ removed: 1 });
    expect(boxStatus(context, boxes.get('PW-002')!)).toBe('in-office');
    expect(sequenceOf(getTransferDetail(context, transfer.id))).toEqual(['1:PW-001', '2:PW-003']);
    expect(context.history.undoLabel).toBe('Remove box PW-002 from transfer PW-2026-001');
    context.history.undo();
    expect(boxStatus(context, boxes.get('PW-002')!)).toBe('in-transfer');
    expect(sequenceOf(getTransferDetail(context, transfer.id))).toEqual(['1:PW-001', '2:PW-002', '3:PW-003']);
  });

  it('is ready exactly while the check finds no errors, and goes back to draft when boxes change', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 2 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    const empty = getTransferDetail(context, transfer.id);
    expect(empty.status).toBe('draft');
    expect(empty.validation?.issues.map((issue) => issue.code)).toEqual(['no-boxes']);
    addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!] });
    const ready = getTransferDetail(context, transfer.id);
    expect(ready).toMatchObject({ status: 'ready', totals: { boxes: 1, folders: 2, cubicFeet: 1.2 }, dateSpan: { from: '2018-03', to: '2019' } });
    expect(ready.validation).toMatchObject({ valid: true, errors: 0 });
    addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-002')!] });
    expect(listTransfers(context)[0]).toMatchObject({ status: 'draft', totals: { boxes: 2, folders: 4, cubicFeet: 2.4 } });
  });
});
