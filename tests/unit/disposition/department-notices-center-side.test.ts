// The same notices list read in a records center's catalog: the words the center sees as the department's answer
// comes or does not. The notice rows are written here as the center's notice writing records them, so the list is
// tested on its own.
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../shared/exchange/manifest';
import { centerReadyToAccession, departmentTransfer } from '../center/center-fixtures';
import { clockedSession, type ClockedSession } from '../retrieval/retrieval-fixtures';
import { noticeFor, type NoticedCatalog } from './department-fixtures';

let open: ClockedSession | null = null;
afterEach(async () => {
  await open?.dispose();
  open = null;
});

async function centerNotice() {
  const t = (open = await clockedSession('2026-12-07T10:00:00.000Z'));
  const transferId = await departmentTransfer(t);
  const { accessionId } = await centerReadyToAccession(t, transferId);
  const db = t.context().db;
  const accession = db.get<{ department_id: number; manifest_json: string; manifest_fingerprint: string }>(
    'SELECT department_id, manifest_json, manifest_fingerprint FROM accession WHERE id = ?', [accessionId],
  )!;
  const notice = noticeFor({ manifest: JSON.parse(accession.manifest_json) as Manifest, fingerprint: accession.manifest_fingerprint } as NoticedCatalog);
  const noticeId = db.run(
    `INSERT INTO disposition_notice (department_id, number, center_name, period_from, period_to, issued_at, respond_by, json, fingerprint, recorded_at, recorded_by)
     VALUES (?, ?, 'City Records Center', '2026-01-01', '2026-12-31', ?, ?, ?, ?, ?, 'tester')`,
    [accession.department_id, notice.notice.number, notice.notice.issuedAt, notice.notice.respondBy, JSON.stringify(notice), notice.fingerprint, notice.notice.issuedAt],
  ).lastInsertRowid;
  const holding = db.all<{ id: number; box_code: string; label: string }>('SELECT id, box_code, label FROM holding_box WHERE accession_id = ? ORDER BY sequence', [accessionId]);
  for (const [index, box] of holding.entries()) {
    db.run('INSERT INTO disposition_notice_box (notice_id, box_id, box_code, action) VALUES (?, ?, ?, ?)', [noticeId, box.id, box.box_code, notice.boxes[index].action]);
  }
  return { t, db, noticeId, holding };
}

describe('the notices list at a records center', () => {
  it('waits for the answer, then says to ask again, never to destroy; then what is ready; then carried out', async () => {
    const { t, db, noticeId, holding } = await centerNotice();
    const summary = async () => (await t.call('disposition.notices', { show: 'all' }))[0];
    expect(await summary()).toMatchObject({ department: 'Public Works', daysLeft: 90, unanswered: 3, state: "Waiting for the department's answer (due in 90 days)" });

    t.setNow('2027-03-08T09:00:00.000Z');
    expect((await summary()).state).toBe('No answer by 2027-03-07: ask the department again — a box without an approval is never destroyed');
    const unanswered = (await t.call('disposition.get', { id: noticeId })).noticeBoxes[0];
    expect(unanswered).toMatchObject({ canExecute: false, whyNot: expect.stringContaining('No answer from the department: a box without an approval is never destroyed') });

    // The department approved all three; the second box's folder is held since.
    db.run("UPDATE disposition_notice_box SET answer = 'approve', answered_at = '2027-03-09T10:00:00.000Z' WHERE notice_id = ?", [noticeId]);
    db.run('UPDATE holding_folder SET legal_hold = 1 WHERE box_id = ? AND position = 1', [holding[1].id]);
    expect((await summary()).state).toBe('2 approved, ready to carry out');
    const detail = await t.call('disposition.get', { id: noticeId });
    expect(detail.noticeBoxes.map((box) => [box.boxLabel, box.canExecute, box.heldBy])).toEqual([
      ['PW-1', true, null], ['PW-2', false, 'a folder is on legal hold'], ['PW-3', true, null],
    ]);
    expect(detail.noticeBoxes[1].whyNot).toMatch(/^Under a legal hold \(a folder is on legal hold\): a held box is never destroyed/);
    expect(detail.noticeBoxes[0]).toMatchObject({ whyNot: null, centerBoxNumber: null, accessionNumber: 'PW-2026-0042' });

    db.run("UPDATE disposition_notice_box SET executed = 'destroyed', executed_at = '2027-04-02T14:00:00.000Z' WHERE box_id = ?", [holding[0].id]);
    db.run("UPDATE disposition_notice_box SET executed = 'transferred-to-archives', executed_at = '2027-04-02T14:00:00.000Z' WHERE box_id = ?", [holding[2].id]);
    expect((await summary()).state).toBe('Partly carried out; answered: 3 approved');
    expect(await t.call('disposition.notices', { show: 'open' })).toHaveLength(1);
    db.run("UPDATE disposition_notice_box SET answer = 'refuse', reason = 'Open appeal' WHERE box_id = ?", [holding[1].id]);
    expect((await summary()).state).toBe('Carried out');
    expect(await t.call('disposition.notices', { show: 'open' })).toEqual([]);
  });
});
