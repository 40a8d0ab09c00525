// Once a box is on a sent transfer it is frozen: the API refuses every edit, delete and addition with a plain reason,
// the box says so in its lockedReason, and a refused call changes nothing. Undo never cuts a box from its transfer.
import type { RecordsCenterInput } from '../../../shared/domain/types';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { department, testSession, uploaded, waitForJob, type TestSession } from './session-helpers';
import { BOX_STATUS_SQL } from '../../../electron/custody/box-status';

let t: TestSession;
afterEach(async () => t?.dispose());

const center: RecordsCenterInput = {
  name: 'City Records Center', address: '1 Archive Way', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'src@city.example',
  retrievalInstructions: 'Email the transfer and box number.', turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.', acceptsMixedBoxes: false,
};
const cy3 = { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' } as const;

async function catalogWithSentBox() {
  t = await testSession();
  await t.call('catalog.create', { fileName: 'Custody', department });
  await t.call('department.update', { ...department, code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
  const centerId = (await t.call('centers.create', center)).id;
  const itemId = (await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', rule: cy3, retentionText: 'CY+3' })).id;
  const sent = await t.call('boxes.create', { label: 'PW-1' });
  const folder = await t.call('folders.create', { boxId: sent.id, folder: { title: 'Oak Street permits', scheduleItemId: itemId, endDate: '2019' } });
  const office = await t.call('boxes.create', { label: 'PW-2' });
  const transfer = await t.call('transfers.create', { recordsCenterId: centerId });
  await t.call('transfers.addBoxes', { id: transfer.id, boxIds: [sent.id] });
  await t.call('transfers.send', { id: transfer.id, eligibleReason: 'The boxes are evidence in an open appeal' });
  return { sent, folder, office, transfer, itemId, centerId };
}

describe('a sent box is frozen', () => {
  it('says why in the box itself, and the office box is still free', async () => {
    const { sent, office, transfer } = await catalogWithSentBox();
    const box = await t.call('boxes.get', { id: sent.id });
    expect(box.lockedReason).toMatch(new RegExp(`^sent to City Records Center on [A-Z][a-z]+ \\d{1,2}, \\d{4} in ${transfer.number}$`));
    expect((await t.call('boxes.get', { id: office.id })).lockedReason).toBeNull();
  });

  it('refuses every change to it or its folders, naming the transfer, and changes nothing', async () => {
    const { sent, folder, office, transfer } = await catalogWithSentBox();
    const before = t.session.current()!.version.value;
    const attempts: [string, unknown][] = [
      ['boxes.update', { id: sent.id, changes: { notes: 'moved' } }],
      ['boxes.delete', { ids: [office.id, sent.id] }],
      ['folders.create', { boxId: sent.id, folder: { title: 'A late folder' } }],
      ['folders.update', { id: folder.id, changes: { title: 'Renamed' } }],
      ['folders.delete', { ids: [folder.id] }],
      ['folders.paste', { boxId: sent.id, startRow: 0, columns: ['title'], rows: [['Pasted over']] }],
    ];
    for (const [method, input] of attempts) {
      const refused = await t.fail(method as never, input);
      expect(refused.code, method).toBe('forbidden');
      expect(refused.message, method).toContain(`Box “PW-1” was sent to City Records Center on`);
      expect(refused.message, method).toContain(transfer.number);
    }
    expect(t.session.current()!.version.value).toBe(before);
    expect((await t.call('boxes.list', {})).rows.map((box) => box.label)).toEqual(['PW-1', 'PW-2']);
    expect((await t.call('folders.list', { filter: { boxId: sent.id } })).rows.map((row) => row.title)).toEqual(['Oak Street permits']);
  });

  it('a box’s status is never typed: it follows from its transfers', async () => {
    const { office, sent } = await catalogWithSentBox();
    const typed = await t.fail('boxes.update', { id: office.id, changes: { status: 'at-records-center' } });
    expect(typed.code).toBe('invalid-input');
    expect((await t.fail('boxes.create', { label: 'PW-9', status: 'disposed' })).code).toBe('invalid-input');
    expect((await t.call('boxes.get', { id: office.id })).status).toBe('in-office');
    expect((await t.call('boxes.get', { id: sent.id })).status).toBe('in-transit');
  });

  it('an import may not add folders to a sent box', async () => {
    await catalogWithSentBox();
    const { jobId } = await t.call('import.open', { file: await uploaded(t, 'late.csv', 'Box,Folder title\nPW-1,Smuggled in\n') });
    const file = await t.call('import.result', { jobId });
    const applying = await t.call('import.apply', { importId: file.importId, kind: 'inventory', mapping: file.sheets[0].suggested.inventory } as never);
    const job = await waitForJob(t, applying.jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/^Box “PW-1” was sent to .* so you cannot import into it\.$/);
    expect((await t.call('folders.list', { filter: { query: 'Smuggled' } })).total).toBe(0);
  });
});

// Random sequences of what people do to boxes, folders and transfers, with undo and redo among them: afterwards
// every transfer's boxes exist and are on it, and every box's status agrees with the transfers it is on.
type Step =
  | { kind: 'addBox' }
  | { kind: 'editBox'; pick: number }
  | { kind: 'deleteBox'; pick: number }
  | { kind: 'addFolder'; pick: number }
  | { kind: 'deleteFolder'; pick: number }
  | { kind: 'newTransfer' }
  | { kind: 'addToTransfer'; pick: number; transfer: number }
  | { kind: 'removeFromTransfer'; pick: number; transfer: number }
  | { kind: 'send'; transfer: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

// Weighted towards what breaks custody: boxes going onto transfers, being deleted, and undo and redo right after.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'addBox' } as const) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editBox' as const), pick: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteBox' as const), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addFolder' as const), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteFolder' as const), pick: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'newTransfer' } as const) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addToTransfer' as const), pick: fc.nat(20), transfer: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeFromTransfer' as const), pick: fc.nat(20), transfer: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('send' as const), transfer: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' } as const) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' } as const) },
);

async function run(step: Step, ids: { centerId: number; itemId: number }, counter: { next: number }): Promise<void> {
  const boxes = (await t.call('boxes.list', { limit: 1000 })).rows;
  const transfers = await t.call('transfers.list', {});
  const box = boxes.length ? boxes[('pick' in step ? step.pick : 0) % boxes.length] : undefined;
  const transfer = transfers.length ? transfers[('transfer' in step ? step.transfer : 0) % transfers.length] : undefined;
  const attempt = (method: string, input: unknown) => t.session.dispatch(method, input);
  switch (step.kind) {
    case 'addBox':
      await attempt('boxes.create', { label: `B-${(counter.next += 1)}` });
      break;
    case 'editBox':
      if (box) await attempt('boxes.update', { id: box.id, changes: { notes: `note ${(counter.next += 1)}` } });
      break;
    case 'deleteBox':
      if (box) await attempt('boxes.delete', { ids: [box.id] });
      break;
    case 'addFolder':
      if (box) await attempt('folders.create', { boxId: box.id, folder: { title: `F-${(counter.next += 1)}`, scheduleItemId: ids.itemId, endDate: '2019' } });
      break;
    case 'deleteFolder': {
      const folders = (await t.call('folders.list', { limit: 1000 })).rows;
      if (folders.length) await attempt('folders.delete', { ids: [folders[step.pick % folders.length].id] });
      break;
    }
    case 'newTransfer':
      await attempt('transfers.create', { recordsCenterId: ids.centerId });
      break;
    case 'addToTransfer':
      if (box && transfer) await attempt('transfers.addBoxes', { id: transfer.id, boxIds: [box.id] });
      break;
    case 'removeFromTransfer':
      if (box && transfer) await attempt('transfers.removeBoxes', { id: transfer.id, boxIds: [box.id] });
      break;
    case 'send':
      if (transfer) await attempt('transfers.send', { id: transfer.id, eligibleReason: 'The boxes are evidence in an open appeal' });
      break;
    case 'undo':
      await attempt('history.undo', {});
      break;
    case 'redo':
      await attempt('history.redo', {});
      break;
  }
}

async function checkInvariants(): Promise<void> {
  const db = t.session.current()!.db;
  // Every sent transfer still lists, as members, exactly the boxes its frozen manifest names.
  for (const sent of db.all<{ id: number; manifest_json: string }>("SELECT id, manifest_json FROM transfer WHERE manifest_json IS NOT NULL")) {
    const manifestBoxes = (JSON.parse(sent.manifest_json) as { boxes: { boxId: string }[] }).boxes.length;
    const members = db.column<number>('SELECT count(*) FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = ?', [sent.id])[0];
    expect(members, `sent transfer ${sent.id} lost boxes`).toBe(manifestBoxes);
  }
  // Every box's status agrees with the transfers it is on.
  for (const box of db.all<{ id: number; status: string; open_draft: number; sent: number }>(
    `SELECT b.id, ${BOX_STATUS_SQL} AS status,
       (SELECT count(*) FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id WHERE tb.box_id = b.id AND t.manifest_json IS NULL) AS open_draft,
       (SELECT count(*) FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id WHERE tb.box_id = b.id AND t.manifest_json IS NOT NULL) AS sent
     FROM box b`,
  )) {
    const expected = box.sent > 0 ? 'in-transit' : box.open_draft > 0 ? 'in-transfer' : 'in-office';
    expect(box.status, `box ${box.id} (on ${box.open_draft} draft, ${box.sent} sent transfers)`).toBe(expected);
  }
}

describe('undo and redo never cut a box from its transfer', () => {
  it('random edits, deletes, transfers, sends, undos and redos keep transfers and box statuses consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        t = await testSession();
        try {
          await t.call('catalog.create', { fileName: 'Property', department });
          await t.call('department.update', { ...department, code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
          const centerId = (await t.call('centers.create', center)).id;
          const itemId = (await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', rule: cy3, retentionText: 'CY+3' })).id;
          const counter = { next: 0 };
          for (const each of steps) {
            await run(each, { centerId, itemId }, counter);
            await checkInvariants();
          }
        } finally {
          await t.dispose();
        }
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
