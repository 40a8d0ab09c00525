// Getting a sent transfer's package into a records center's catalog through a real session: the department side
// sends and packages (as the app does), then the same session opens a new records center catalog.
import { expect } from 'vitest';
import type { RecordsCenterInput } from '../../../shared/domain/types';
import { department, waitForJob, type TestSession } from '../catalog/session-helpers';

export const CENTER = { name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example' };

/** Sends the transfer and writes its package into the session's folder; answers the zip's path. */
export async function packageSent(t: TestSession, transferId: number): Promise<{ zip: string; folder: string; fingerprint: string }> {
  await t.call('transfers.send', { id: transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
  const started = await t.call('transfers.package', { id: transferId, outDir: t.dir });
  const job = await waitForJob(t, started.jobId);
  expect(job.state, job.error?.message ?? job.message).toBe('done');
  return { zip: started.zip, folder: started.folder, fingerprint: started.fingerprint };
}

export async function openCenterCatalog(t: TestSession, fileName = 'City Records Center'): Promise<void> {
  const info = await t.call('catalog.create', { fileName, department: CENTER, role: 'records-center' });
  expect(info.role).toBe('records-center');
}

/** The department's transfer sent, packaged and taken in by a new records center catalog. */
export async function centerWithAccession(t: TestSession, transferId: number): Promise<{ accessionId: number; zip: string }> {
  const { zip } = await packageSent(t, transferId);
  await openCenterCatalog(t);
  const { accession } = await t.call('center.intake', { file: { path: zip } });
  return { accessionId: accession.id, zip };
}

/** …and every listed box checked in as received, with shelf positions enough for them. */
export async function centerReadyToAccession(t: TestSession, transferId: number): Promise<{ accessionId: number }> {
  const { accessionId } = await centerWithAccession(t, transferId);
  const detail = await t.call('center.accession.get', { id: accessionId });
  await t.call('center.checkIn', { accessionId, boxes: detail.boxes.map((box) => ({ box: box.boxCode!, status: 'received' as const })) });
  await t.call('center.addLocations', { building: 'A', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 2 }, positionsPerShelf: 4, capacityCubicFeet: 1.5 });
  return { accessionId };
}

export const centerProfile: RecordsCenterInput = {
  name: 'City Records Center', address: '1 Archive Way', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example',
  retrievalInstructions: 'Email the transfer and box number.', turnaround: 'Next working day', turnaroundWorkingDays: 1,
  dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day.', acceptsMixedBoxes: false,
};

/** A department catalog with a transfer of three boxes of two folders each; answers the transfer id. */
export async function departmentTransfer(session: TestSession): Promise<number> {
  await session.call('catalog.create', { fileName: 'Public Works', department });
  await session.call('department.update', { ...department, code: 'PW', address: '1 Main St', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
  const centerId = (await session.call('centers.create', centerProfile)).id;
  const itemId = (await session.call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+3' })).id;
  const boxIds: number[] = [];
  for (const [index, street] of ['Oak', 'Elm', 'Maple'].entries()) {
    const boxId = (await session.call('boxes.create', { label: `PW-${index + 1}`, cubicFeet: 1.2 })).id;
    boxIds.push(boxId);
    for (const year of ['2018', '2019']) {
      await session.call('folders.create', { boxId, folder: { title: `${street} Street permits ${year}`, fileCode: `BP-${street}`, scheduleItemId: itemId, beginDate: year, endDate: year } });
    }
  }
  const transferId = (await session.call('transfers.create', { recordsCenterId: centerId })).id;
  await session.call('transfers.addBoxes', { id: transferId, boxIds });
  return transferId;
}
