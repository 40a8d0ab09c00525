// Corrections after sending: what was signed never changes; an amendment records the correction, is listed on the
// transfer, undoes as one change, and goes to the center as a transmittal-amendments/1 file.
import type { RecordsCenterInput } from '../../../shared/domain/types';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { amendmentsFileSchema, canonicalAmendmentsJson } from '../../../shared/exchange/amendments';
import { department, testSession, type TestSession } from '../catalog/session-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const center: RecordsCenterInput = {
  name: 'City Records Center', address: '1 Archive Way', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'src@city.example',
  retrievalInstructions: 'Email the transfer and box number.', turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.', acceptsMixedBoxes: false,
};

async function sentTransfer() {
  t = await testSession();
  await t.call('catalog.create', { fileName: 'Amendments', department });
  await t.call('department.update', { ...department, code: 'PW', address: '1 Main St', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
  const centerId = (await t.call('centers.create', center)).id;
  const itemId = (await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+3' })).id;
  const boxId = (await t.call('boxes.create', { label: 'PW-1' })).id;
  const folderId = (await t.call('folders.create', { boxId, folder: { title: 'Oak Street permits', scheduleItemId: itemId, beginDate: '2018', endDate: '2019' } })).id;
  const transferId = (await t.call('transfers.create', { recordsCenterId: centerId })).id;
  await t.call('transfers.addBoxes', { id: transferId, boxIds: [boxId] });
  const sent = await t.call('transfers.send', { id: transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
  return { boxId, folderId, transferId, fingerprint: sent.fingerprint! };
}

describe('amending a sent transfer', () => {
  it('refuses a box that was not sent: it is edited directly', async () => {
    const { transferId } = await sentTransfer();
    const office = (await t.call('boxes.create', { label: 'PW-9' })).id;
    const refused = await t.fail('transfers.amend', { target: { boxId: office }, changes: { notes: 'x' }, reason: 'because' });
    expect(refused.message).toBe('Box “PW-9” has not been sent: there is nothing signed to amend, so edit it directly.');
    expect((await t.call('transfers.get', { id: transferId })).amendments).toEqual([]);
  });

  it('corrects the catalog, lists the correction against the value as sent, and never touches the manifest', async () => {
    const { boxId, folderId, transferId, fingerprint } = await sentTransfer();
    const manifestBefore = (await t.call('transfers.get', { id: transferId })).boxes;
    // A plain edit is still refused, and says what to do instead.
    const edit = await t.fail('folders.update', { id: folderId, changes: { title: 'Oak St permits' } });
    expect(edit.message).toMatch(/record an amendment on the transfer\.$/);

    const { amendments: made, transferNumber } = await t.call('transfers.amend', { target: { folderId }, changes: { title: 'Oak Street permits (1 of 2)', endDate: '2020' }, reason: 'The label inside says 1 of 2' });
    expect(made.map((each) => [each.field, each.before, each.after])).toEqual([
      ['title', 'Oak Street permits', 'Oak Street permits (1 of 2)'],
      ['endDate', '2019', '2020'],
    ]);
    expect(transferNumber).toBe('PW-2026-001');
    expect(made[0]).toMatchObject({ box: { sequence: 1, label: 'PW-1' }, folder: { position: 1, title: 'Oak Street permits' }, reason: 'The label inside says 1 of 2', actor: 'tester' });
    const folder = (await t.call('folders.list', { filter: { boxId }, offset: 0, limit: 10 })).rows[0];
    expect(folder.title).toBe('Oak Street permits (1 of 2)');
    // The disposition date follows the corrected end date (CY+3 from 2020).
    expect(folder.dispositionDate).toBe('2024-01-01');

    const detail = await t.call('transfers.get', { id: transferId });
    expect(detail.fingerprint).toBe(fingerprint);
    expect(detail.boxes).toEqual(manifestBefore);
    expect(detail.amendments).toHaveLength(2);

    // One change: undo takes back the correction and its record together; redo brings both back.
    expect((await t.call('app.status', {})).undoLabel).toBe('Correct folder “Oak Street permits” in box PW-1 after sending (PW-2026-001)');
    await t.call('history.undo', {});
    expect((await t.call('transfers.get', { id: transferId })).amendments).toEqual([]);
    expect((await t.call('folders.list', { filter: { boxId }, offset: 0, limit: 10 })).rows[0].title).toBe('Oak Street permits');
    await t.call('history.redo', {});
    expect((await t.call('transfers.get', { id: transferId })).amendments).toHaveLength(2);
  });

  it('refuses a correction that changes nothing or breaks the folder, naming the field, and changes nothing', async () => {
    const { folderId, boxId, transferId } = await sentTransfer();
    expect((await t.fail('transfers.amend', { target: { boxId }, changes: { label: 'PW-1' }, reason: 'same label' })).message).toMatch(/changes nothing/);
    const backwards = await t.fail('transfers.amend', { target: { folderId }, changes: { endDate: '2010' }, reason: 'typo' });
    expect(backwards.code).toBe('invalid-input');
    expect(backwards.message).toMatch(/end date is before the begin date/i);
    expect((await t.fail('transfers.amend', { target: { folderId }, changes: { title: 'x' }, reason: '' })).message).toMatch(/Say why/);
    expect((await t.fail('transfers.amend', { target: { folderId }, changes: { legalHold: true }, reason: 'not a correction' })).code).toBe('invalid-input');
    expect((await t.call('transfers.get', { id: transferId })).amendments).toEqual([]);
  });

  it('writes the amendments for the center: valid transmittal-amendments/1 naming the manifest fingerprint', async () => {
    const { boxId, transferId, fingerprint } = await sentTransfer();
    expect((await t.fail('transfers.writeAmendments', { id: transferId, outDir: t.dir })).message).toMatch(/no corrections after sending/);
    await t.call('transfers.amend', { target: { boxId }, changes: { cubicFeet: 1, label: 'PW-001' }, reason: 'Relabelled to the center’s numbering' });
    const written = await t.call('transfers.writeAmendments', { id: transferId, outDir: t.dir });
    expect(written.path).toBe(join(t.dir, 'PW-2026-001-amendments.json'));
    expect(written.count).toBe(2);
    const file = amendmentsFileSchema.parse(JSON.parse(await readFile(written.path, 'utf8')));
    expect(file.transfer).toEqual({ number: 'PW-2026-001', manifestFingerprint: fingerprint });
    expect(file.amendments.map((each) => each.field).sort()).toEqual(['cubicFeet', 'label']);
    expect(written.fingerprint).toBe(createHash('sha256').update(canonicalAmendmentsJson(file)).digest('hex'));
    expect(written.download.url).toMatch(/^\/download\/[0-9a-f]{32}\/PW-2026-001-amendments\.json$/);
    // Sent boxes keep their custody: the box is still in transit under its corrected label.
    expect(await t.call('boxes.get', { id: boxId })).toMatchObject({ label: 'PW-001', status: 'in-transit', cubicFeet: 1 });
  });
});
