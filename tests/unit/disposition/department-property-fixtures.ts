// A department and its records center, each a real catalog built through one session, for the department-side
// property: Public Works sends five boxes, the center takes them in, shelves them and acknowledges; the center writes
// its disposition notice for all five; then PW-3 is withdrawn for good (so it is back in the office, on the notice,
// and the department may add folders to it). Both catalogs are kept as bytes, so each run starts from a fresh copy.
//
// - PW-1, PW-2, PW-3: Oak, Elm and Maple Street permits 2018 and 2019 (GS 1010, CY+3), to destroy.
// - PW-4: "Smith v. City correspondence" and "Budget memos", 2020 (GS 2020, CY+2), to destroy.
// - PW-5: "Council minutes 2015" (GS 2000, permanent), to transfer to the archives.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DispositionNotice } from '../../../shared/exchange/disposition';
import type { Manifest } from '../../../shared/exchange/manifest';
import { frozenManifestJson } from '../../../electron/transfer/transfer-rows';
import { centerReadyToAccession, departmentTransfer } from '../center/center-fixtures';
import { clockedSession, type ClockedSession } from '../retrieval/retrieval-fixtures';

export const NOTICED = ['PW-1', 'PW-2', 'PW-3', 'PW-4', 'PW-5'] as const;
export type NoticedLabel = (typeof NOTICED)[number];
/** The box withdrawn to the office after the notice was written. */
export const WITHDRAWN: NoticedLabel = 'PW-3';
/** The day the center writes its notice; the runs start here. */
export const NOTICE_DAY = '2026-06-01T10:00:00.000Z';

export interface DepartmentAndCenter {
  t: ClockedSession;
  /** Each catalog as it stood when the runs start (the notice written, not yet taken in by the department). */
  departmentBytes: Uint8Array;
  centerBytes: Uint8Array;
  notice: DispositionNotice;
  /** The notice's id in the center's catalog. */
  centerNoticeId: number;
  /** The department's box ids by label, and each box's folder ids by position. */
  boxes: Record<NoticedLabel, number>;
  folders: Record<NoticedLabel, number[]>;
  /** The center's holding box ids by the department's label. */
  holdingBoxes: Record<NoticedLabel, number>;
}

export async function departmentAndCenter(): Promise<DepartmentAndCenter> {
  const t = await clockedSession('2026-03-02T09:00:00.000Z');
  const transferId = await departmentTransfer(t);
  const departmentPath = await currentPath(t);
  const correspondence = (await t.call('schedule.create', {
    itemNumber: 'GS 2020', title: 'Correspondence', rule: { kind: 'period', years: 2, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+2',
  })).id;
  const minutes = (await t.call('schedule.create', {
    itemNumber: 'GS 2000', title: 'Council minutes', rule: { kind: 'permanent' }, retentionText: 'Permanent', disposition: 'archives',
  })).id;
  const pw4 = (await t.call('boxes.create', { label: 'PW-4', cubicFeet: 1.2 })).id;
  await t.call('folders.create', { boxId: pw4, folder: { title: 'Smith v. City correspondence', fileCode: 'CO', scheduleItemId: correspondence, beginDate: '2020', endDate: '2020' } });
  await t.call('folders.create', { boxId: pw4, folder: { title: 'Budget memos', fileCode: 'CO', scheduleItemId: correspondence, beginDate: '2020', endDate: '2020' } });
  const pw5 = (await t.call('boxes.create', { label: 'PW-5', cubicFeet: 1.2 })).id;
  await t.call('folders.create', { boxId: pw5, folder: { title: 'Council minutes 2015', fileCode: 'CM', scheduleItemId: minutes, beginDate: '2015', endDate: '2015' } });
  await t.call('transfers.addBoxes', { id: transferId, boxIds: [pw4, pw5] });

  // Sent, taken in and shelved by the center, acknowledged back.
  const { accessionId } = await centerReadyToAccession(t, transferId);
  const centerPath = await currentPath(t);
  await t.call('center.accession', { accessionId, locations: 'auto' });
  const acknowledgment = await t.call('center.acknowledge', { accessionId, outDir: join(t.dir, 'out') });
  await t.call('catalog.open', { path: departmentPath });
  t.setNow('2026-03-12T09:00:00.000Z');
  await t.call('acknowledgments.import', { file: { path: acknowledgment.path } });
  const manifest = JSON.parse(frozenManifestJson(t.context(), transferId)!) as Manifest;
  expect(manifest.boxes.map((box) => box.label)).toEqual([...NOTICED]);

  // The center's notice for every box.
  await t.call('catalog.open', { path: centerPath });
  t.setNow(NOTICE_DAY);
  const departmentId = t.context().db.get<{ department_id: number }>('SELECT department_id FROM accession WHERE id = ?', [accessionId])!.department_id;
  const written = await t.call('center.disposition.notice', { departmentId, from: '2021-01-01', to: '2026-12-31', noticeDays: 90, outDir: join(t.dir, 'out') });
  expect(written.boxes).toBe(NOTICED.length);
  const notice = JSON.parse(await readFile(written.path, 'utf8')) as DispositionNotice;

  // PW-3 asked back for good and withdrawn: the department's again, still on the notice.
  await t.call('catalog.open', { path: departmentPath });
  const boxes = {} as Record<NoticedLabel, number>;
  const folders = {} as Record<NoticedLabel, number[]>;
  for (const box of (await t.call('boxes.list', { offset: 0, limit: 100, filter: { query: '' } })).rows) {
    boxes[box.label as NoticedLabel] = box.id;
    folders[box.label as NoticedLabel] = (await t.call('folders.list', { offset: 0, limit: 100, filter: { query: '', boxId: box.id } })).rows.map((folder) => folder.id);
  }
  const request = await t.call('retrievals.request', { boxIds: [boxes[WITHDRAWN]], folderIds: [], service: 'withdrawal', outDir: join(t.dir, 'out') });
  await t.call('catalog.open', { path: centerPath });
  const taken = await t.call('center.requests.import', { file: { path: request.path } });
  await t.call('center.request.record', { id: taken.request.id, action: 'withdraw' });
  const update = await t.call('center.request.writeUpdate', { id: taken.request.id, outDir: join(t.dir, 'out') });
  const holdingBoxes = {} as Record<NoticedLabel, number>;
  for (const row of t.context().db.all<{ id: number; label: string }>('SELECT id, label FROM holding_box WHERE accession_id = ?', [accessionId])) {
    holdingBoxes[row.label as NoticedLabel] = row.id;
  }
  const centerBytes = t.context().db.export();
  await t.call('catalog.open', { path: departmentPath });
  await t.call('retrievals.importUpdate', { file: { path: update.path } });
  expect((await t.call('boxes.get', { id: boxes[WITHDRAWN] })).status).toBe('in-office');
  expect((await t.call('boxes.get', { id: boxes['PW-1'] })).status).toBe('at-records-center');
  const departmentBytes = t.context().db.export();
  return { t, departmentBytes, centerBytes, notice, centerNoticeId: written.id, boxes, folders, holdingBoxes };
}

async function currentPath(t: ClockedSession): Promise<string> {
  return (await t.call('app.status', {})).catalog!.path;
}
