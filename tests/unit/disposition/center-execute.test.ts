// Carrying out a notice: only approved boxes free of holds now are destroyed or transferred, a box without an answer
// never is (however late), and the certificate is sealed, valid and names the approval it rests on.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispositionCertificateSchema, type DispositionCertificate } from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import {
  dispositionCounts,
  eventKinds,
  importResponseFile,
  liftHold,
  PERIOD,
  noticedCenters,
  placeHold,
  responseFor,
  setFolderHold,
  type DispositionCenter,
} from './disposition-fixtures';

const noticed = noticedCenters(30);

const execute = (c: DispositionCenter, noticeId: number, extra: { boxIds?: number[]; date?: string } = {}) => ({
  noticeId, method: 'Cross-cut shredding', witness: 'Jo Quinn', outDir: c.t.dir, ...extra,
});

describe('center.disposition.execute', () => {
  it('carries out only the approved boxes free of holds now, writes a sealed certificate, and frees their shelves', async () => {
    const { c, notice, noticeId } = await noticed();
    const code = c.codes;
    const response = responseFor(notice, {
      [code['PW-1']]: 'approve', [code['PW-2']]: 'approve', [code['PW-4']]: 'approve', [code['PW-5']]: 'approve', [code['PW-3']]: 'refuse',
    });
    await importResponseFile(c.t, response);
    // Held after it was approved: it stays.
    placeHold(c.context(), 'Records request 2026-14', c.boxes['PW-2'], c.folders['PW-2'][0]);
    c.t.advanceDays(1);

    const done = await c.t.call('center.disposition.execute', execute(c, noticeId));
    expect(done).toMatchObject({ number: 'PW-CD-2026-0001', boxes: 3 });
    expect(done.message).toMatch(/2 boxes destroyed and 1 box transferred to the archives on notice PW-DN-2026-0001.*2 boxes of the notice stay/);
    expect(done.path).toMatch(/PW-CD-2026-0001-certificate\.json$/);
    expect((await readFile(done.pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');

    const certificate = JSON.parse(await readFile(done.path, 'utf8')) as DispositionCertificate;
    expect(dispositionCertificateSchema.safeParse(certificate).success).toBe(true);
    expect(sealFingerprint(certificate)).toBe(certificate.fingerprint);
    expect(certificate.notice).toEqual({ number: 'PW-DN-2026-0001', fingerprint: notice.fingerprint });
    expect(certificate.response).toEqual({ fingerprint: response.fingerprint, signedBy: { name: 'Ana Ruiz', title: 'Records Coordinator' }, respondedAt: response.respondedAt });
    expect(certificate.department).toEqual({ name: 'Public Works', code: 'PW' });
    expect(certificate.boxes.map((box) => [box.boxLabel, box.action, box.method, box.witness])).toEqual([
      ['PW-1', 'destroyed', 'Cross-cut shredding', 'Jo Quinn'],
      ['PW-4', 'destroyed', 'Cross-cut shredding', 'Jo Quinn'],
      ['PW-5', 'transferred-to-archives', 'Cross-cut shredding', 'Jo Quinn'],
    ]);
    expect(certificate.boxes[0]).toMatchObject({ boxId: code['PW-1'], accessionNumber: c.accessionNumber, boxSequence: 1 });
    expect(certificate.boxes[0].folders.map((folder) => folder.title)).toEqual(['Oak Street permits 2018', 'Oak Street permits 2019']);

    const db = c.context().db;
    expect(db.get('SELECT number, fingerprint FROM disposition_certificate')).toEqual({ number: 'PW-CD-2026-0001', fingerprint: certificate.fingerprint });
    expect(db.all('SELECT box_id, executed, witness, certificate_id FROM disposition_notice_box WHERE executed IS NOT NULL ORDER BY id')).toEqual([
      { box_id: c.boxes['PW-1'], executed: 'destroyed', witness: 'Jo Quinn', certificate_id: done.certificateId },
      { box_id: c.boxes['PW-4'], executed: 'destroyed', witness: 'Jo Quinn', certificate_id: done.certificateId },
      { box_id: c.boxes['PW-5'], executed: 'transferred-to-archives', witness: 'Jo Quinn', certificate_id: done.certificateId },
    ]);
    expect(eventKinds(c.context(), c.boxes['PW-1']).slice(-3)).toEqual(['disposition-noticed', 'disposition-approved', 'disposed']);
    expect(eventKinds(c.context(), c.boxes['PW-5']).at(-1)).toBe('transferred-to-archives');
    expect(eventKinds(c.context(), c.boxes['PW-2'])).not.toContain('disposed');
    expect(eventKinds(c.context(), c.boxes['PW-3'])).not.toContain('disposed');
    const detail = JSON.parse(db.get<{ detail: string }>("SELECT detail FROM custody_event WHERE kind = 'disposed' AND box_id = ?", [c.boxes['PW-1']])!.detail);
    expect(detail).toMatchObject({ text: expect.stringMatching(/Destroyed \(Cross-cut shredding\), witnessed by Jo Quinn.*certificate PW-CD-2026-0001/), certificate: 'PW-CD-2026-0001' });
    expect(db.get<{ location_id: number | null }>('SELECT location_id FROM holding_box WHERE id = ?', [c.boxes['PW-1']])!.location_id).toBeNull();
    expect(db.get<{ location_id: number | null }>('SELECT location_id FROM holding_box WHERE id = ?', [c.boxes['PW-2']])!.location_id).not.toBeNull();
    expect((await c.t.call('custody.verify', {})).broken).toBeNull();

    // Gone from the due list; the held box is there, left out with its hold.
    const due = await c.t.call('center.disposition.due', PERIOD);
    const listed = [...due.departments.flatMap((each) => [...each.boxes, ...each.archives]), ...due.leftOut].map((box) => box.boxLabel);
    expect(listed).not.toContain('PW-1');
    expect(listed).not.toContain('PW-5');
    expect(due.leftOut.find((box) => box.boxLabel === 'PW-2')!.reason).toBe('under the legal hold “Records request 2026-14”');

    // Nothing left that may go: refused, and the hold lifted lets the approved box go on its own certificate.
    const none = await c.t.fail('center.disposition.execute', execute(c, noticeId));
    expect(none.message).toBe(
      'No box of notice PW-DN-2026-0001 is approved and free of holds: nothing was destroyed. A box without an answer is never destroyed: ask the department again.',
    );
    liftHold(c.context(), db.get<{ id: number }>('SELECT id FROM legal_hold')!.id);
    const later = await c.t.call('center.disposition.execute', execute(c, noticeId, { boxIds: [c.boxes['PW-2']] }));
    expect(later).toMatchObject({ number: 'PW-CD-2026-0002', boxes: 1 });
  });

  it('refuses named boxes that do not qualify, each with why, and carries out none of them', async () => {
    const { c, notice, noticeId } = await noticed();
    const code = c.codes;
    await importResponseFile(c.t, responseFor(notice, { [code['PW-1']]: 'approve', [code['PW-2']]: 'approve', [code['PW-3']]: 'extend' }));
    setFolderHold(c.context(), c.folders['PW-2'][1], true);
    const before = dispositionCounts(c.context());
    const error = await c.t.fail('center.disposition.execute', execute(c, noticeId, { boxIds: [c.boxes['PW-1'], c.boxes['PW-2'], c.boxes['PW-3'], c.boxes['PW-4'], c.boxes['PW-6']] }));
    expect(error.message).toMatch(new RegExp(`box ${code['PW-2']} is under a legal hold: folder 2 “Elm Street permits 2019” is on legal hold: it cannot be destroyed until the hold is lifted`));
    expect(error.message).toMatch(new RegExp(`box ${code['PW-3']} waits: the department asked for more time, until 2027-06-30`));
    expect(error.message).toMatch(new RegExp(`box ${code['PW-4']} has no answer from the department: a box without an answer is never destroyed`));
    expect(error.message).toMatch(new RegExp(`box ${c.boxes['PW-6']} is not on notice PW-DN-2026-0001`));
    expect(error.message).toMatch(/Nothing was destroyed\.$/);
    expect(dispositionCounts(c.context())).toEqual(before);
    expect(eventKinds(c.context(), c.boxes['PW-1'])).not.toContain('disposed');

    const future = await c.t.fail('center.disposition.execute', execute(c, noticeId, { boxIds: [c.boxes['PW-1']], date: '2030-01-01' }));
    expect(future.message).toMatch(/2030-01-01 is in the future/);
    const beforeApproval = await c.t.fail('center.disposition.execute', execute(c, noticeId, { boxIds: [c.boxes['PW-1']], date: '2026-03-01' }));
    expect(beforeApproval.message).toMatch(/approved on 2026-03-03, after 2026-03-01: nothing is destroyed before its approval/);
    expect(dispositionCounts(c.context())).toEqual(before);
  });

  it('never destroys a box without an answer, even long past the deadline', async () => {
    const { c, noticeId } = await noticed();
    c.t.advanceDays(400);
    const before = dispositionCounts(c.context());
    const error = await c.t.fail('center.disposition.execute', execute(c, noticeId));
    expect(error.message).toMatch(/No box of notice PW-DN-2026-0001 is approved and free of holds: nothing was destroyed\. A box without an answer is never destroyed: ask the department again\./);
    expect(dispositionCounts(c.context())).toEqual(before);
    for (const label of ['PW-1', 'PW-2', 'PW-3', 'PW-4', 'PW-5'] as const) expect(eventKinds(c.context(), c.boxes[label])).not.toContain('disposed');
    // Past the deadline with no answer, the box is due again: the center asks again with a new notice.
    const due = await c.t.call('center.disposition.due', PERIOD);
    expect(due.leftOut.some((box) => box.boxLabel === 'PW-1')).toBe(false);
    expect(due.departments[0].boxes.map((box) => box.boxLabel)).toContain('PW-1');
    const again = await c.t.call('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD });
    expect(again.number).toBe('PW-DN-2027-0001');
  });

  it('does not carry out a box checked out or asked for on an open retrieval', async () => {
    const { c, notice, noticeId } = await noticed();
    const code = c.codes;
    await importResponseFile(c.t, responseFor(notice, { [code['PW-1']]: 'approve' }));
    const db = c.context().db;
    const requestId = db.run(
      `INSERT INTO center_request (department_id, number, fingerprint, service, urgency, requested_by, json, received_at, received_by, status, queue_date)
       VALUES (?, 'PW-RQ-2026-0009', ?, 'box-loan', 'routine', 'Ana Ruiz', '{}', '2026-03-03', 'tester', 'checked-out', '2026-03-03')`,
      [c.departmentId, 'b'.repeat(64)],
    ).lastInsertRowid;
    db.run("INSERT INTO center_request_item (request_id, holding_box_id, status, checked_out_to) VALUES (?, ?, 'checked-out', 'Ana Ruiz')", [requestId, c.boxes['PW-1']]);
    const error = await c.t.fail('center.disposition.execute', execute(c, noticeId, { boxIds: [c.boxes['PW-1']] }));
    expect(error.message).toMatch(/is checked out to Ana Ruiz on Public Works’s retrieval request PW-RQ-2026-0009: carry it out once the box is back/);
    db.run("UPDATE center_request_item SET status = 'refiled' WHERE request_id = ?", [requestId]);
    db.run("UPDATE center_request SET status = 'returned' WHERE id = ?", [requestId]);
    expect((await c.t.call('center.disposition.execute', execute(c, noticeId))).boxes).toBe(1);
  });
});
