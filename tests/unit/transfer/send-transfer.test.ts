// Sending freezes what was sent: later catalog edits change neither the stored manifest nor its fingerprint.
import { describe, expect, it } from 'vitest';
import { deleteBoxes, updateBox } from '../../../electron/catalog/box-store';
import { updateFolder } from '../../../electron/catalog/folder-store';
import { getDepartment, setDepartment } from '../../../electron/catalog/profile-store';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { sendTransfer } from '../../../electron/transfer/send-transfer';
import { getTransferDetail } from '../../../electron/transfer/transfer-detail';
import { frozenManifestJson, listTransfers } from '../../../electron/transfer/transfer-rows';
import { addBoxes, createTransfer, removeBoxes, updateTransfer } from '../../../electron/transfer/transfer-store';
import { AppError } from '../../../shared/domain/errors';
import { manifestSchema, type Manifest } from '../../../shared/exchange/manifest';
import { addFolder, boxStatus, transferCatalog } from './transfer-fixtures';

async function rejection(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

async function sentTransfer() {
  const catalog = await transferCatalog({ boxes: 3 });
  const { context, centerId, boxes, minutesItemId } = catalog;
  // PW-002 holds two series: its permits are on legal hold (so they wait with the permanent minutes), else the check
  // would refuse a box mixing series with different disposition dates.
  for (const id of context.db.column<number>('SELECT id FROM folder WHERE box_id = ?', [boxes.get('PW-002')!])) {
    updateFolder(context, id, { legalHold: true, legalHoldReason: 'Audit 2026' });
  }
  addFolder(context, boxes.get('PW-002')!, { title: 'Council minutes 2019', scheduleItemId: minutesItemId, beginDate: 'FY2019', confidential: true });
  const created = createTransfer(context, { recordsCenterId: centerId, notes: 'Spring clean-out' });
  const transfer = updateTransfer(context, { id: created.id, accessRestrictions: 'Minutes: clerk’s office staff only' });
  addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!, boxes.get('PW-002')!] });
  catalog.advance(60_000);
  const sent = await sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal');
  return { ...catalog, transfer, sent };
}

describe('sending a transfer', () => {
  it('freezes a manifest that matches the schema, with box ids, dates as written and the fingerprint of its canonical form', async () => {
    const { context, sent, boxes } = await sentTransfer();
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-03-01T10:01:00.000Z', totals: { boxes: 2, folders: 5, cubicFeet: 2.4 } });
    const manifest = manifestSchema.parse(JSON.parse(frozenManifestJson(context, sent.id)!)) as Manifest;
    expect(sent.fingerprint).toBe(manifestFingerprint(manifest));
    expect(manifest.transfer).toMatchObject({ number: 'PW-2026-001', sentAt: sent.sentAt, notes: 'Spring clean-out', dateSpan: { from: '2018-03', to: '2019' } });
    expect(manifest.boxes.map((box) => [box.boxId, box.sequence, box.of, box.label, box.confidential])).toEqual([
      ['PW-2026-001-001', 1, 2, 'PW-001', false],
      ['PW-2026-001-002', 2, 2, 'PW-002', true],
    ]);
    expect(manifest.boxes[1].itemNumbers).toEqual(['GS 1010', 'GS 2020']);
    expect(manifest.boxes[1].folders[2]).toMatchObject({ position: 3, title: 'Council minutes 2019', beginDate: 'FY2019', beginPrecision: 'fiscal-year', dispositionStatus: 'permanent' });
    expect(manifest.boxes[0].folders[0]).toMatchObject({ beginPrecision: 'month', endPrecision: 'year', dispositionDate: '2023-01-01' });
    expect(manifest.boxes[0]).toMatchObject({ dispositionDate: '2023-01-01', dispositionWaitsFor: null, eligibleWhenSent: true });
    // PW-002's permits are on legal hold and its minutes are permanent: nothing in it has a date to be destroyed.
    expect(manifest.boxes[1].folders[0]).toMatchObject({ dispositionStatus: 'on-hold', dispositionDate: '2023-01-01' });
    expect(manifest.boxes[1]).toMatchObject({ dispositionDate: null, dispositionWaitsFor: 'on-hold', eligibleWhenSent: false });
    expect(manifest.scheduleItems.map((item) => item.itemNumber)).toEqual(['GS 1010', 'GS 2020']);
    expect(manifest.recordsCenter).not.toHaveProperty('id');
    // What a records center expects on the transmittal: the access restrictions and the releasing official.
    expect(manifest.transfer.accessRestrictions).toBe('Minutes: clerk’s office staff only');
    expect(manifest.department).toMatchObject({ officialName: 'Sam Ortiz', officialTitle: 'Public Works Director' });
    expect([boxes.get('PW-001')!, boxes.get('PW-002')!, boxes.get('PW-003')!].map((id) => boxStatus(context, id))).toEqual(['in-transit', 'in-transit', 'in-office']);
  });

  it('keeps the manifest and fingerprint whatever happens to the catalog afterwards', async () => {
    const { context, sent, boxes } = await sentTransfer();
    const frozen = frozenManifestJson(context, sent.id);
    const folderId = context.db.column<number>('SELECT id FROM folder WHERE box_id = ? ORDER BY position', [boxes.get('PW-001')!])[0];
    // The sent boxes and folders refuse edits outright.
    expect(() => updateFolder(context, folderId, { title: 'Renamed after sending', beginDate: '2001' })).toThrow(/^Box “PW-001” was sent to State Records Center on /);
    expect(() => updateBox(context, boxes.get('PW-001')!, { label: 'Relabelled', cubicFeet: 2 })).toThrow(/so you cannot edit it\. To correct it, record an amendment on the transfer\.$/);
    expect(() => deleteBoxes(context, [boxes.get('PW-002')!])).toThrow(/so you cannot delete it\.$/);
    // What can still change does not reach the manifest: the profiles, and a box row removed behind the app's back
    // (as versions before the custody guard allowed).
    setDepartment(context, { ...getDepartment(context), name: 'Renamed department', code: 'XX' });
    context.db.run("UPDATE records_center SET address = 'Moved'");
    context.db.run('DELETE FROM box WHERE id = ?', [boxes.get('PW-002')!]);

    expect(frozenManifestJson(context, sent.id)).toBe(frozen);
    const detail = getTransferDetail(context, sent.id);
    expect(detail).toMatchObject({ fingerprint: sent.fingerprint, totals: sent.totals, validation: null });
    expect(detail.boxes.map((box) => [box.label, box.boxId])).toEqual([
      ['PW-001', boxes.get('PW-001')],
      ['PW-002', null],
    ]);
    expect(manifestFingerprint(JSON.parse(frozen!))).toBe(sent.fingerprint);
    expect(listTransfers(context)[0].totals).toEqual({ boxes: 2, folders: 5, cubicFeet: 2.4 });
  });

  it('keeps a draft’s notes and access restrictions editable and undoable, and refuses to edit them once sent', async () => {
    const { context, centerId, sent } = await sentTransfer();
    await expect(Promise.resolve().then(() => updateTransfer(context, { id: sent.id, notes: 'Changed after' }))).rejects.toThrow(/no longer change/);
    const draft = createTransfer(context, { recordsCenterId: centerId, notes: 'First', accessRestrictions: 'None' });
    expect(updateTransfer(context, { id: draft.id, accessRestrictions: 'HR only' })).toMatchObject({ notes: 'First', accessRestrictions: 'HR only' });
    context.history.undo();
    expect(getTransferDetail(context, draft.id)).toMatchObject({ notes: 'First', accessRestrictions: 'None' });
  });

  it('cannot be undone, nor can the changes before it, and the boxes can no longer change', async () => {
    const { context, sent, boxes } = await sentTransfer();
    expect(context.history.undoLabel).toBeNull();
    expect(() => context.history.undo()).toThrow(/nothing to undo/);
    expect((await rejection(sendTransfer(context, sent.id, 'The boxes are evidence in an open appeal'))).message).toMatch(/^Transfer PW-2026-001 is sent: its boxes can no longer change/);
    expect(() => removeBoxes(context, { id: sent.id, boxIds: [boxes.get('PW-001')!] })).toThrow(/can no longer change/);
    expect(() => addBoxes(context, { id: sent.id, all: true })).toThrow(/can no longer change/);
    // A box still in a transfer that is not accessioned cannot go into another one.
    const next = createTransfer(context, { recordsCenterId: sent.recordsCenterId, notes: '' });
    expect(addBoxes(context, { id: next.id, all: true })).toEqual({ added: 1, alreadyIn: 0, skipped: [] });
  });

  it('numbers boxes without the gap a box deleted from a draft leaves, and links each sent box to its catalog box', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 3 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, all: true });
    deleteBoxes(context, [boxes.get('PW-002')!]);
    expect(getTransferDetail(context, transfer.id).boxes.map((box) => `${box.sequence}:${box.label}`)).toEqual(['1:PW-001', '2:PW-003']);
    await sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal');
    const manifest = JSON.parse(frozenManifestJson(context, transfer.id)!) as Manifest;
    expect(manifest.boxes.map((box) => [box.boxId, box.label])).toEqual([
      ['PW-2026-001-001', 'PW-001'],
      ['PW-2026-001-002', 'PW-003'],
    ]);
    expect(getTransferDetail(context, transfer.id).boxes.map((box) => [box.sequence, box.label, box.boxId])).toEqual([
      [1, 'PW-001', boxes.get('PW-001')],
      [2, 'PW-003', boxes.get('PW-003')],
    ]);
  });

  it('is refused while the check finds errors, saying which, and nothing changes', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 1 });
    addFolder(context, boxes.get('PW-001')!, { title: 'Undated permits', scheduleItemId: null });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, all: true });
    const error = await rejection(sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal'));
    expect(error.message).toBe(
      'Transfer PW-2026-001 cannot be sent yet: Folder 3 “Undated permits” in box PW-001 has no series (schedule item). ' +
        'Choose one so the center knows when it may be destroyed. (and 1 more problem)',
    );
    expect(getTransferDetail(context, transfer.id)).toMatchObject({ status: 'draft', fingerprint: null, sentAt: null });
    expect(frozenManifestJson(context, transfer.id)).toBeNull();
    expect(boxStatus(context, boxes.get('PW-001')!)).toBe('in-transfer');
  });
});

describe('one load of the transfer feeds the check and the manifest', () => {
  it('reads the transfer row once during a send', async () => {
    const { context, boxes } = await transferCatalog({ boxes: 2 });
    const draft = createTransfer(context, { recordsCenterId: 1, notes: '' });
    addBoxes(context, { id: draft.id, boxIds: [...boxes.values()] });
    const get = context.db.get.bind(context.db);
    let rowReads = 0;
    context.db.get = ((sql: string, params?: never) => {
      // The transfer row as the loader reads it (the history snapshots the row separately, before and after).
      if (sql.startsWith("SELECT id, number, records_center_id")) rowReads += 1;
      return get(sql, params);
    }) as typeof context.db.get;
    await sendTransfer(context, draft.id, 'The boxes are evidence in an open appeal');
    expect(rowReads).toBe(1);
  });
});
