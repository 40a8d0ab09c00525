// A records center's due list (by department, permanent boxes to the archives, what is left out and why) and the
// notice it writes: sealed, valid, its PDF beside it, its rows and each box's custody event.
import { readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { DueList } from '../../../shared/api/contract-disposition';
import { dispositionNoticeSchema, type DispositionNotice } from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { requestFor } from '../center/request-fixtures';
import type { Manifest } from '../../../shared/exchange/manifest';
import { dispositionCenter, dispositionCounts, eventKinds, noticeJson, PERIOD, placeHold, type DispositionCenter } from './disposition-fixtures';

const pwArchives = (due: DueList) => due.departments[0].archives.map((box) => [box.boxLabel, box.dispositionDate]);

let open: DispositionCenter | null = null;
afterEach(async () => {
  await open?.t.dispose();
  open = null;
});

async function center(): Promise<DispositionCenter> {
  open = await dispositionCenter();
  return open;
}

describe('center.disposition.due', () => {
  it('groups the due boxes by department, sends the permanent box to the archives and tells why the held box is left out', async () => {
    const c = await center();
    const due = await c.t.call('center.disposition.due', PERIOD);
    expect(due.period).toEqual(PERIOD);
    expect(due.departments).toHaveLength(1);
    const [pw] = due.departments;
    expect(pw.department).toEqual({ id: c.departmentId, name: 'Public Works', code: 'PW' });
    expect(pw.boxes.map((box) => [box.boxLabel, box.action, box.dispositionDate])).toEqual([
      ['PW-1', 'destroy', '2023-01-01'],
      ['PW-2', 'destroy', '2023-01-01'],
      ['PW-3', 'destroy', '2023-01-01'],
      ['PW-4', 'secure-destroy', '2021-01-01'],
    ]);
    expect(pw.archives.map((box) => [box.boxLabel, box.action])).toEqual([['PW-5', 'transfer-to-archives']]);
    const first = pw.boxes[0];
    expect(first).toMatchObject({ boxId: c.boxes['PW-1'], boxCode: c.codes['PW-1'], accessionNumber: c.accessionNumber, itemNumbers: ['GS 1010'], folders: 2, confidential: false });
    expect(first.centerBoxNumber).not.toBeNull();
    expect(first.location).toMatch(/Building A/);
    expect(pw.boxes[3].confidential).toBe(true);
    expect(due.leftOut).toEqual([expect.objectContaining({ boxLabel: 'PW-6', department: 'Public Works', reason: expect.stringMatching(/legal hold.*Pine Street permits 2019/) })]);
  });

  it('leaves out only what falls outside the period', async () => {
    const c = await center();
    const early = await c.t.call('center.disposition.due', { from: '2021-01-01', to: '2021-12-31' });
    expect(early.departments[0].boxes.map((box) => box.boxLabel)).toEqual(['PW-4']);
    // The permanent box may go to the archives from the day it is held (2026-03-02): listed in any period reaching that day.
    expect(early.departments[0].archives).toEqual([]);
    expect(pwArchives(await c.t.call('center.disposition.due', { from: '2026-03-01', to: '2026-03-02' }))).toEqual([['PW-5', '2026-03-02']]);
    const before = await c.t.call('center.disposition.due', { from: '2019-01-01', to: '2020-12-31' });
    expect(before).toEqual({ period: { from: '2019-01-01', to: '2020-12-31' }, departments: [], leftOut: [] });
    const error = await c.t.fail('center.disposition.due', { from: '2025-01-01', to: '2024-01-01' });
    expect(error.message).toMatch(/starts on 2025-01-01, after it ends on 2024-01-01/);
  });

  it('leaves out a box under a legal hold, a box asked for on a retrieval, a box on an open notice, and forgets a destroyed one', async () => {
    const c = await center();
    const db = c.context().db;
    placeHold(c.context(), 'Audit 2026', c.boxes['PW-1']);
    db.run('UPDATE holding_folder SET legal_hold = 1 WHERE id = ?', [c.folders['PW-2'][1]]);
    const accession = db.get<{ manifest_json: string; manifest_fingerprint: string }>('SELECT manifest_json, manifest_fingerprint FROM accession WHERE id = ?', [c.accessionId])!;
    const held = { accessionId: c.accessionId, accessionNumber: c.accessionNumber, manifest: JSON.parse(accession.manifest_json) as Manifest, fingerprint: accession.manifest_fingerprint };
    const path = `${c.t.dir}/request.json`;
    await (await import('node:fs/promises')).writeFile(path, JSON.stringify(requestFor(held, { items: [{ sequence: 3 }] })));
    await c.t.call('center.requests.import', { file: { path } });

    const due = await c.t.call('center.disposition.due', PERIOD);
    expect(due.departments[0].boxes.map((box) => box.boxLabel)).toEqual(['PW-4']);
    const reasons = Object.fromEntries(due.leftOut.map((box) => [box.boxLabel, box.reason]));
    expect(reasons['PW-1']).toBe('under the legal hold “Audit 2026”');
    expect(reasons['PW-2']).toMatch(/^under a legal hold: folder 2 “Elm Street permits 2019” is on legal hold$/);
    expect(reasons['PW-3']).toMatch(/open retrieval request PW-RQ-2026-0001/);
    expect(reasons['PW-6']).toMatch(/legal hold/);

    await c.t.call('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD, noticeDays: 30, outDir: c.t.dir });
    const again = await c.t.call('center.disposition.due', PERIOD);
    expect(again.departments).toEqual([]);
    expect(again.leftOut.find((box) => box.boxLabel === 'PW-4')!.reason).toBe('already on notice PW-DN-2026-0001, answer due by 2026-04-01');
    expect(again.leftOut.find((box) => box.boxLabel === 'PW-5')!.reason).toMatch(/already on notice PW-DN-2026-0001/);

    // A box destroyed (its custody event) is gone from every list; its rows stay.
    db.run("UPDATE disposition_notice_box SET executed = 'destroyed', executed_at = '2026-03-02' WHERE box_id = ?", [c.boxes['PW-4']]);
    const after = await c.t.call('center.disposition.due', PERIOD);
    expect(after.leftOut.map((box) => box.boxLabel)).not.toContain('PW-4');
    expect(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM holding_box WHERE id = ?', [c.boxes['PW-4']])!.n).toBe(1);
  });
});

describe('center.disposition.notice', () => {
  it('holds by a hold’s series or words what matches it now, though it came after the hold was placed', async () => {
    open = await dispositionCenter();
    const { t, boxes, departmentId } = open;
    const hold = await t.call('holds.create', { name: 'Permit audit', scope: { itemNumbers: ['GS 1010'] } });
    // As if PW-1 had been taken in after the hold was placed: the hold's own list does not name it.
    open.context().db.run('DELETE FROM legal_hold_item WHERE hold_id = ? AND box_id = ?', [hold.id, boxes['PW-1']]);
    open.context().db.run('UPDATE holding_folder SET legal_hold = 0 WHERE box_id = ?', [boxes['PW-1']]);
    const due = await t.call('center.disposition.due', PERIOD);
    const left = due.leftOut.find((box) => box.boxId === boxes['PW-1']);
    expect(left?.reason).toMatch(/legal hold “Permit audit”/);
    expect(due.departments.flatMap((department) => department.boxes).some((box) => box.boxId === boxes['PW-1'])).toBe(false);
    await t.call('holds.lift', { id: hold.id, reason: 'Audit closed' });
    const after = await t.call('center.disposition.due', PERIOD);
    expect(after.departments.find((department) => department.department.id === departmentId)!.boxes.some((box) => box.boxId === boxes['PW-1'])).toBe(true);
  });

  it("gives the department the center's own notice period unless the notice states another", async () => {
    const c = await center();
    expect((await c.t.call('center.settings', {})).noticeDays).toBe(90);
    const refused = await c.t.fail('center.setNoticeDays', { days: 0 });
    expect(refused.message).toMatch(/at least 1 day/);
    expect((await c.t.call('center.setNoticeDays', { days: 45 })).noticeDays).toBe(45);
    expect((await c.t.call('center.settings', {})).noticeDays).toBe(45);

    const written = await c.t.call('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD, outDir: c.t.dir });
    const notice = JSON.parse(await readFile(written.path, 'utf8')) as DispositionNotice;
    expect(notice.recordsCenter.noticeDays).toBe(45);
    const issued = notice.notice.issuedAt.slice(0, 10);
    expect(written.respondBy).toBe(new Date(Date.parse(`${issued}T00:00:00Z`) + 45 * 86_400_000).toISOString().slice(0, 10));
    expect(notice.notice.respondBy).toBe(written.respondBy);
  });

  it('writes a sealed, valid notice and its PDF, records its boxes and a custody event on each', async () => {
    const c = await center();
    const written = await c.t.call('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD, noticeDays: 90, outDir: c.t.dir });
    expect(written).toMatchObject({ number: 'PW-DN-2026-0001', respondBy: '2026-05-31', boxes: 5 });
    expect(written.path).toMatch(/PW-DN-2026-0001-disposition-notice\.json$/);
    expect(written.pdfPath).toMatch(/PW-DN-2026-0001-disposition-notice\.pdf$/);
    expect(written.message).toMatch(/5 boxes \(1 to the archives\) of Public Works.*due by 2026-05-31/);
    expect((await stat(written.pdfPath)).size).toBeGreaterThan(0);
    expect((await readFile(written.pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');

    const notice = JSON.parse(await readFile(written.path, 'utf8')) as DispositionNotice;
    expect(dispositionNoticeSchema.safeParse(notice).success).toBe(true);
    expect(sealFingerprint(notice)).toBe(notice.fingerprint);
    expect(written.fingerprint).toBe(notice.fingerprint);
    expect(notice.notice).toMatchObject({ number: 'PW-DN-2026-0001', period: PERIOD, respondBy: '2026-05-31' });
    expect(notice.notice.meaning).toMatch(/Nothing listed here is destroyed/);
    expect(notice.department).toEqual({ name: 'Public Works', code: 'PW' });
    expect(notice.recordsCenter).toEqual({ name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example', noticeDays: 90 });
    expect(notice.boxes.map((box) => box.boxLabel)).toEqual(['PW-1', 'PW-2', 'PW-3', 'PW-4', 'PW-5']);
    const pw4 = notice.boxes[3];
    expect(pw4).toMatchObject({ boxId: c.codes['PW-4'], accessionNumber: c.accessionNumber, action: 'secure-destroy', confidential: true, boxSequence: 4 });
    expect(pw4.series).toEqual([{ itemNumber: 'GS 1020', title: 'Personnel files', retentionText: 'CY+3', citation: 'State Records Act §12' }]);
    expect(pw4.folders).toEqual([{ position: 1, title: 'Personnel files 2017', fileCode: 'HR', beginDate: '2017', endDate: '2017', itemNumber: 'GS 1020' }]);
    expect(notice.boxes[4]).toMatchObject({ action: 'transfer-to-archives', series: [expect.objectContaining({ itemNumber: 'GS 2000', title: 'Council minutes' })] });

    const db = c.context().db;
    const row = db.get<{ department_id: number; center_name: string; fingerprint: string; respond_by: string; json: string }>('SELECT * FROM disposition_notice WHERE id = ?', [written.id])!;
    expect(row).toMatchObject({ department_id: c.departmentId, center_name: 'City Records Center', fingerprint: notice.fingerprint, respond_by: '2026-05-31' });
    expect(noticeJson(c, written.id)).toEqual(notice);
    expect(db.all('SELECT box_id, action, answer FROM disposition_notice_box WHERE notice_id = ? ORDER BY id', [written.id])).toEqual([
      { box_id: c.boxes['PW-1'], action: 'destroy', answer: null },
      { box_id: c.boxes['PW-2'], action: 'destroy', answer: null },
      { box_id: c.boxes['PW-3'], action: 'destroy', answer: null },
      { box_id: c.boxes['PW-4'], action: 'secure-destroy', answer: null },
      { box_id: c.boxes['PW-5'], action: 'transfer-to-archives', answer: null },
    ]);
    expect(eventKinds(c.context(), c.boxes['PW-1']).at(-1)).toBe('disposition-noticed');
    expect(eventKinds(c.context(), c.boxes['PW-6'])).not.toContain('disposition-noticed');
    const detail = JSON.parse(db.get<{ detail: string }>("SELECT detail FROM custody_event WHERE box_id = ? AND kind = 'disposition-noticed'", [c.boxes['PW-4']])!.detail);
    expect(detail).toEqual({ text: expect.stringMatching(/notice PW-DN-2026-0001 to Public Works: destroy securely.*due by 2026-05-31/), notice: 'PW-DN-2026-0001' });
    expect((await c.t.call('custody.verify', {})).broken).toBeNull();
  });

  it('refuses a department with nothing due, and numbers the next notice after the last', async () => {
    const c = await center();
    const before = dispositionCounts(c.context());
    const error = await c.t.fail('center.disposition.notice', { departmentId: c.departmentId, from: '2019-01-01', to: '2020-06-30', noticeDays: 90, outDir: c.t.dir });
    expect(error.message).toBe('Public Works has no box due for disposition from 2019-01-01 to 2020-06-30: no notice was written.');
    expect(dispositionCounts(c.context())).toEqual(before);
    const missing = await c.t.fail('center.disposition.notice', { departmentId: 999, ...PERIOD, noticeDays: 90, outDir: c.t.dir });
    expect(missing.code).toBe('not-found');

    const first = await c.t.call('center.disposition.notice', { departmentId: c.departmentId, from: '2021-01-01', to: '2021-12-31', noticeDays: 90, outDir: c.t.dir });
    expect(first).toMatchObject({ number: 'PW-DN-2026-0001', boxes: 1 });
    const second = await c.t.call('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD, noticeDays: 10, outDir: c.t.dir });
    expect(second).toMatchObject({ number: 'PW-DN-2026-0002', boxes: 4, respondBy: '2026-03-12' });
    // Everything due is on a notice now: a third is refused, saying the boxes are left out.
    const third = await c.t.fail('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD, noticeDays: 10, outDir: c.t.dir });
    expect(third.message).toMatch(/no box due for disposition from 2021-01-01 to 2026-12-31 \(6 boxes due in it are left out: see the due list for why\)/);
  });
});
