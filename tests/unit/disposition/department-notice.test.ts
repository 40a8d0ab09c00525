// A department takes in its records center's disposition notice: what it records, what it refuses (and that a
// refusal changes nothing), the same notice twice, and the countdown the list shows as the days pass.
import { afterEach, describe, expect, it } from 'vitest';
import { departmentCatalog, importFails, importFile, noticeFor, seal, snapshot, type NoticedCatalog } from './department-fixtures';

let open: NoticedCatalog | null = null;
afterEach(async () => {
  await open?.t.dispose();
  open = null;
});

describe('taking in a disposition notice', () => {
  it('records the notice and its boxes, with a custody event on each, and says what is proposed and until when', async () => {
    open = await departmentCatalog();
    const { t, boxes } = open;
    const notice = noticeFor(open);
    const taken = await importFile(t, notice, 'PW-DN-2026-0001.json');
    expect(taken).toMatchObject({ kind: 'notice', number: 'PW-DN-2026-0001', alreadyImported: false });
    expect(taken.message).toMatch(
      /^City Records Center proposes to destroy 2 boxes and transfer 1 to the archives; answer by 2027-03-07 \(90 days\)\. Nothing is destroyed without your written approval\./,
    );
    // PW-2 holds a folder on legal hold: taken in, but only to be refused or given more time.
    expect(taken.message).toContain('Box PW-2 is under a legal hold (folder 1 in it is held: Smith v. City): it can only be refused or given more time.');

    const db = t.context().db;
    const row = db.get<{ department_id: number | null; center_name: string; respond_by: string; fingerprint: string; period_from: string }>(
      'SELECT department_id, center_name, respond_by, fingerprint, period_from FROM disposition_notice WHERE id = ?', [taken.id],
    )!;
    expect(row).toEqual({ department_id: null, center_name: 'City Records Center', respond_by: '2027-03-07', fingerprint: notice.fingerprint, period_from: '2026-01-01' });
    expect(db.all('SELECT box_id, box_code, action, answer FROM disposition_notice_box WHERE notice_id = ? ORDER BY box_id', [taken.id])).toEqual([
      { box_id: boxes['PW-1'], box_code: notice.boxes[0].boxId, action: 'destroy', answer: null },
      { box_id: boxes['PW-2'], box_code: notice.boxes[1].boxId, action: 'secure-destroy', answer: null },
      { box_id: boxes['PW-3'], box_code: notice.boxes[2].boxId, action: 'transfer-to-archives', answer: null },
    ]);

    const timeline = await t.call('boxes.timeline', { id: boxes['PW-1'] });
    expect(timeline.at(-1)).toMatchObject({ actor: 'City Records Center', at: '2026-12-07T10:00:00.000Z' });
    expect(timeline.at(-1)!.what).toContain('proposes to destroy it on notice PW-DN-2026-0001; answer due by 2027-03-07');
    // Being on a notice moves nothing: the box is still at the center.
    expect((await t.call('boxes.get', { id: boxes['PW-1'] })).status).toBe('at-records-center');

    const detail = await t.call('disposition.get', { id: taken.id });
    expect(detail).toMatchObject({ number: 'PW-DN-2026-0001', department: 'Public Works', centerName: 'City Records Center', daysLeft: 90, boxes: 3, unanswered: 3, state: 'Answer due in 90 days' });
    const held = detail.noticeBoxes.find((box) => box.boxLabel === 'PW-2')!;
    expect(held).toMatchObject({ heldBy: 'a folder is on legal hold', canExecute: false, whyNot: null, confidential: true, folders: 2, itemNumbers: ['GS 1010'] });
    const first = detail.noticeBoxes.find((box) => box.boxLabel === 'PW-1')!;
    expect(first).toMatchObject({
      boxId: boxes['PW-1'], heldBy: null, accessionNumber: 'PW-2026-0042', transferNumber: open.transferNumber,
      centerBoxNumber: '118', location: 'Building A / Row 3 / Bay 2 / Shelf 4 / Position 1', dispositionDate: '2026-12-31', action: 'destroy',
    });
    expect(detail.meaning).toContain('Nothing listed here is destroyed');
    expect((await t.call('custody.verify', {})).broken).toBeNull();
  });

  it('takes the same notice twice as one: nothing changes the second time', async () => {
    open = await departmentCatalog();
    const { t } = open;
    const notice = noticeFor(open);
    const first = await importFile(t, notice);
    const before = snapshot(t);
    const again = await importFile(t, notice, 'copy.json');
    expect(again).toMatchObject({ id: first.id, alreadyImported: true });
    expect(again.message).toContain('was taken in already: nothing changed');
    expect(snapshot(t)).toEqual(before);
  });

  const damaged: [string, (catalog: NoticedCatalog) => unknown, RegExp][] = [
    [
      'a field missing (named)',
      (catalog) => {
        const notice = noticeFor(catalog);
        const { respondBy: _missing, ...rest } = notice.notice;
        return { ...notice, notice: rest };
      },
      /notice\.respondBy/,
    ],
    ['an action no one knows (named)', (catalog) => seal({ ...noticeFor(catalog), boxes: [{ ...noticeFor(catalog).boxes[0], action: 'burn' }] }), /boxes\.0\.action/],
    ['changed by hand after it was sealed', (catalog) => ({ ...noticeFor(catalog), notice: { ...noticeFor(catalog).notice, respondBy: '2026-12-08' } }), /changed after it was made/],
    [
      'for another department',
      (catalog) => noticeFor(catalog, { department: { name: 'Parks and Recreation', code: 'PR' } }),
      /notice for Parks and Recreation \(PR\), not for Public Works \(PW\): it belongs to another department/,
    ],
    [
      'a box this catalog never sent (another transfer)',
      (catalog) => {
        const notice = noticeFor(catalog);
        const { fingerprint: _seal, ...unsealed } = notice;
        return seal({ ...unsealed, boxes: [notice.boxes[0], { ...notice.boxes[1], manifestFingerprint: 'a'.repeat(64) }] });
      },
      /box PW-2026-001-002 \(“PW-2”, box 2 of transfer PW-2026-001\) is not one this catalog sent: the notice is for another department or catalog/,
    ],
    [
      'a box sequence the transfer does not have',
      (catalog) => {
        const notice = noticeFor(catalog);
        const { fingerprint: _seal, ...unsealed } = notice;
        return seal({ ...unsealed, boxes: [{ ...notice.boxes[0], boxSequence: 9, boxId: 'PW-2026-001-009' }] });
      },
      /box PW-2026-001-009 .* is not one this catalog sent/,
    ],
  ];
  for (const [what, build, message] of damaged) {
    it(`refuses a notice (${what}), changing nothing`, async () => {
      open = await departmentCatalog();
      const { t } = open;
      const before = snapshot(t);
      const error = await importFails(t, build(open), 'notice.json');
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^notice\.json.*Nothing was changed\.$/s);
      expect(snapshot(t)).toEqual(before);
      expect(await t.call('disposition.notices', { show: 'all' })).toEqual([]);
    });
  }
});

describe('the notices list, as the days pass', () => {
  it('counts down to the answer day, then says nothing is destroyed without an approval', async () => {
    open = await departmentCatalog();
    const { t } = open;
    await importFile(t, noticeFor(open));
    const state = async () => {
      const [summary] = await t.call('disposition.notices', { show: 'open' });
      return { daysLeft: summary.daysLeft, state: summary.state };
    };
    expect(await state()).toEqual({ daysLeft: 90, state: 'Answer due in 90 days' });
    t.setNow('2027-02-23T08:00:00.000Z');
    expect(await state()).toEqual({ daysLeft: 12, state: 'Answer due in 12 days' });
    t.setNow('2027-03-06T08:00:00.000Z');
    expect(await state()).toEqual({ daysLeft: 1, state: 'Answer due in 1 day' });
    t.setNow('2027-03-07T20:00:00.000Z');
    expect(await state()).toEqual({ daysLeft: 0, state: 'Answer due today' });
    t.setNow('2027-03-08T08:00:00.000Z');
    expect(await state()).toEqual({
      daysLeft: -1,
      state: 'Answer was due on 2027-03-07: nothing is destroyed without your approval; the center will ask again',
    });
    // Unanswered is still open: no answer is never approval, and nothing was carried out.
    const [summary] = await t.call('disposition.notices', { show: 'open' });
    expect(summary).toMatchObject({ boxes: 3, approved: 0, unanswered: 3, executed: 0 });
  });
});
