// A records center holding what Public Works sent, arranged through the API as the center's end-to-end tests start
// from it: one box per label, each with one folder of 2018–2019 building permits kept CY+3 (so every box is due once
// 2022 has ended), sent, taken in by a new records center catalog, checked in and shelved.
import type { AccessionDetail } from '../../../shared/api/contract-center';
import { departmentWithCenter, sendAndPackage } from './department';
import type { WebApp } from './web-app';

type Call = WebApp['call'];

export interface CenterWithBoxes {
  /** The accession as shelved: each box with the center's box number and its location. */
  accession: AccessionDetail;
  transferNumber: string;
  /** The department's own ids of the boxes it sent, in the order of the labels. */
  boxIds: number[];
  departmentPath: string;
  centerPath: string;
}

/**
 * Public Works sends a box for each label (up to four: the center has one shelf of four positions); a new records
 * center catalog takes them in, checks them in and shelves them. `acknowledged`: the department also takes the
 * center's acknowledgment in, so a notice can name the center's boxes. Leaves the center's catalog open.
 */
export async function centerWithBoxes(call: Call, options: { labels: readonly string[]; acknowledged: boolean }): Promise<CenterWithBoxes> {
  const center = await departmentWithCenter(call);
  const departmentPath = (await call('app.status', {})).catalog!.path;
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const boxIds: number[] = [];
  for (const label of options.labels) {
    const box = await call('boxes.create', { label });
    await call('folders.create', { boxId: box.id, folder: { title: `${label} permits`, scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
    boxIds.push(box.id);
  }
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds });
  const started = await sendAndPackage(call, transfer.id);
  await call('catalog.close', {});
  const centerCatalog = await call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center', contactName: 'Lee Park' }, role: 'records-center' });
  const { accession } = await call('center.intake', { file: { path: started.zip } });
  const taken = await call('center.accession.get', { id: accession.id });
  await call('center.checkIn', { accessionId: accession.id, boxes: taken.boxes.map((each) => ({ box: each.boxCode!, status: 'received' as const, note: '' })), extra: [] });
  await call('center.addLocations', { building: 'A', room: '', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 4, capacityCubicFeet: 1.5 });
  const shelved = await call('center.accession', { accessionId: accession.id, locations: 'auto' });
  if (options.acknowledged) {
    const acknowledgment = await call('center.acknowledge', { accessionId: accession.id });
    await switchTo(call, departmentPath);
    await call('acknowledgments.import', { file: { path: acknowledgment.path } });
    await switchTo(call, centerCatalog.path);
  }
  return { accession: shelved, transferNumber: transfer.number, boxIds, departmentPath, centerPath: centerCatalog.path };
}

/** Closes the open catalog and opens the one at `path`: the other side, in the same workspace. */
export async function switchTo(call: Call, path: string): Promise<void> {
  await call('catalog.close', {});
  await call('catalog.open', { path });
}
