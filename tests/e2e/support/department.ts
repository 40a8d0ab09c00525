// A department set up through the API, as the end-to-end tests start from it: its profile, a records center that
// has stated everything a receipt promises, and (when asked) a one-box transfer ready to send.
import type { WebApp } from './web-app';

type Call = WebApp['call'];

/** The department "Public Works" and "City Records Center"; answers the center. */
export async function departmentWithCenter(call: Call) {
  await call('catalog.create', { fileName: 'Public Works', department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' } });
  return call('centers.create', {
    name: 'City Records Center', address: '1 Archive Way', contactPhone: '555-0199', retrievalInstructions: 'Email the box number',
    turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.',
  });
}

/** The same, with box PW-001 (one folder of 2018–2019 permits, CY+3) on a draft transfer to the center. */
export async function transferReadyToSend(call: Call) {
  const center = await departmentWithCenter(call);
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const box = await call('boxes.create', { label: 'PW-001' });
  await call('folders.create', { boxId: box.id, folder: { title: 'Oak Street permits', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds: [box.id] });
  return { center, box, transfer };
}

/** Why the sample boxes (due in 2023) go anyway: sending asks for a reason once per transfer. */
export const ELIGIBLE_REASON = 'The boxes are evidence in an open appeal';

/** Sends the transfer and packages it (into `outDir` if given), waiting for the package: answers the zip and the bag folder. */
export async function sendAndPackage(call: Call, transferId: number, outDir?: string): Promise<{ zip: string; folder: string }> {
  await call('transfers.send', { id: transferId, eligibleReason: ELIGIBLE_REASON });
  const started = await call('transfers.package', { id: transferId, ...(outDir === undefined ? {} : { outDir }) });
  for (;;) {
    const job = await call('jobs.get', { id: started.jobId });
    if (job.state === 'done') break;
    if (job.state !== 'running') throw new Error(job.error?.message ?? job.state);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return { zip: started.zip, folder: started.folder };
}
