// A records center takes in a department's signed answer to its notice: the answers box by box with their custody
// events, the same file twice, and every response it refuses (changing nothing).
import { describe, expect, it } from 'vitest';
import {
  dispositionCounts,
  importResponseFails,
  importResponseFile,
  noticedCenters,
  placeHold,
  resealed,
  responseFor,
  setFolderHold,
  type DispositionCenter,
} from './disposition-fixtures';

const noticed = noticedCenters(90);

const answerRows = (c: DispositionCenter, noticeId: number) =>
  Object.fromEntries(
    c.context().db
      .all<{ box_code: string; answer: string | null; reason: string; review_date: string | null; extend_to: string | null }>(
        'SELECT box_code, answer, reason, review_date, extend_to FROM disposition_notice_box WHERE notice_id = ? ORDER BY id',
        [noticeId],
      )
      .map((row) => [row.box_code, row]),
  );

describe('taking in a disposition response', () => {
  it('records each answer with its custody event, signed by name and title, and says what was answered', async () => {
    const { c, notice, noticeId } = await noticed();
    const code = c.codes;
    const response = responseFor(notice, {
      [code['PW-1']]: 'approve',
      [code['PW-2']]: 'approve',
      [code['PW-4']]: 'approve',
      [code['PW-3']]: { answer: 'refuse', reason: 'Elm Street appeal pending', reviewDate: '2028-01-01' },
      [code['PW-5']]: 'extend',
    });
    const taken = await importResponseFile(c.t, response);
    expect(taken).toEqual({
      kind: 'response', id: noticeId, number: 'PW-DN-2026-0001', alreadyImported: false,
      message: `Public Works approved 3 boxes, refused 1 (${code['PW-3']}: Elm Street appeal pending), asked more time for 1 on notice PW-DN-2026-0001.`,
    });
    const rows = answerRows(c, noticeId);
    expect(rows[code['PW-1']]).toMatchObject({ answer: 'approve', review_date: null, extend_to: null });
    expect(rows[code['PW-3']]).toMatchObject({ answer: 'refuse', reason: 'Elm Street appeal pending', review_date: '2028-01-01' });
    expect(rows[code['PW-5']]).toMatchObject({ answer: 'extend', reason: 'Project not closed', extend_to: '2027-06-30' });
    const db = c.context().db;
    expect(db.get('SELECT signed_name, signed_title, fingerprint FROM disposition_response')).toEqual({ signed_name: 'Ana Ruiz', signed_title: 'Records Coordinator', fingerprint: response.fingerprint });
    const events = db.all<{ box_id: number; kind: string; actor: string; detail: string }>(
      "SELECT box_id, kind, actor, detail FROM custody_event WHERE kind LIKE 'disposition-%' AND kind <> 'disposition-noticed' ORDER BY id",
    );
    expect(events.map((event) => [event.box_id, event.kind])).toEqual([
      [c.boxes['PW-1'], 'disposition-approved'],
      [c.boxes['PW-2'], 'disposition-approved'],
      [c.boxes['PW-4'], 'disposition-approved'],
      [c.boxes['PW-3'], 'disposition-refused'],
      [c.boxes['PW-5'], 'disposition-extended'],
    ]);
    expect(events[0].actor).toBe('Ana Ruiz, Records Coordinator (Public Works)');
    expect(JSON.parse(events[3].detail).text).toMatch(/refused by Ana Ruiz.*Elm Street appeal pending; review again from 2028-01-01/);
    expect((await c.t.call('custody.verify', {})).broken).toBeNull();

    // The same file again changes nothing.
    const before = dispositionCounts(c.context());
    const again = await importResponseFile(c.t, response, 'copy.json');
    expect(again).toMatchObject({ kind: 'response', id: noticeId, alreadyImported: true, message: expect.stringMatching(/taken in already .*nothing changed/) });
    expect(dispositionCounts(c.context())).toEqual(before);
  });

  it('lets a later response replace earlier answers, but not an older one taken in late', async () => {
    const { c, notice, noticeId } = await noticed();
    const code = c.codes;
    await importResponseFile(c.t, responseFor(notice, { [code['PW-1']]: 'approve' }, { respondedAt: '2026-03-03T10:00:00.000Z' }), 'first.json');
    await importResponseFile(c.t, responseFor(notice, { [code['PW-1']]: 'refuse', [code['PW-2']]: 'approve' }, { respondedAt: '2026-03-04T10:00:00.000Z' }), 'second.json');
    expect(answerRows(c, noticeId)[code['PW-1']].answer).toBe('refuse');
    const late = await importResponseFile(c.t, responseFor(notice, { [code['PW-1']]: 'approve' }, { respondedAt: '2026-03-03T12:00:00+02:00' }), 'late.json');
    expect(late.message).toMatch(/changed no answer.*1 answer was kept as before/);
    expect(answerRows(c, noticeId)[code['PW-1']].answer).toBe('refuse');
    expect(answerRows(c, noticeId)[code['PW-2']].answer).toBe('approve');
  });

  it('refuses what is wrong, naming it, and changes nothing', async () => {
    const { c, notice } = await noticed();
    const code = c.codes;
    const good = responseFor(notice, { [code['PW-1']]: 'approve', [code['PW-2']]: 'approve' });
    const before = dispositionCounts(c.context());
    const cases: [string, unknown, RegExp, string?][] = [
      ['schema', (({ signedBy: _signedBy, ...rest }) => rest)(good), /field signedBy: /, 'signedBy'],
      ['schema', { ...good, answers: [{ ...good.answers[0], answer: 'destroy' }] }, /field answers\.0\.answer: /, 'answers.0.answer'],
      ['seal', { ...good, signedBy: { name: 'Someone Else', title: 'Director' } }, /was changed after it was made/, 'fingerprint'],
      ['another notice', resealed({ ...good, notice: { number: notice.notice.number, fingerprint: 'a'.repeat(64) } }), /answers another notice/, 'notice'],
      ['another notice number', resealed({ ...good, notice: { number: 'PW-DN-2026-0099', fingerprint: notice.fingerprint } }), /answers another notice/, 'notice'],
      ['foreign department', resealed({ ...good, department: { name: 'Parks', code: 'PK' } }), /signed for Parks, but notice PW-DN-2026-0001 went to Public Works/, 'department'],
      ['box not on notice', responseFor(notice, { [code['PW-6']]: 'approve' }), new RegExp(`box ${code['PW-6']}, which is not on notice PW-DN-2026-0001`), 'answers.0.boxId'],
      ['box twice', resealed({ ...good, answers: [good.answers[0], { ...good.answers[0], answer: 'refuse' as const, reviewDate: '2028-01-01', reason: 'x' }] }), /twice/, 'answers.1.boxId'],
      ['refusal without reason', responseFor(notice, { [code['PW-3']]: { answer: 'refuse', reason: '  ' } }), new RegExp(`refuses box ${code['PW-3']} without a reason`), 'answers.0.reason'],
      ['refusal without date', responseFor(notice, { [code['PW-3']]: { answer: 'refuse', reviewDate: null } }), new RegExp(`refuses box ${code['PW-3']} without a review date`), 'answers.0.reviewDate'],
      ['more time without a day', responseFor(notice, { [code['PW-3']]: { answer: 'extend', extendTo: null } }), /without saying until when/, 'answers.0.extendTo'],
    ];
    for (const [what, file, message, field] of cases) {
      const error = await importResponseFails(c.t, file, `${what}.json`);
      expect(error.message, what).toMatch(message);
      expect(error.message, what).toMatch(/Nothing was changed\.$/);
      if (field) expect(error.details?.field, what).toBe(field);
      expect(dispositionCounts(c.context()), what).toEqual(before);
    }
  });

  it('refuses the whole response when it approves a box held since the notice', async () => {
    const { c, notice } = await noticed();
    const code = c.codes;
    const response = responseFor(notice, { [code['PW-1']]: 'approve', [code['PW-2']]: 'approve', [code['PW-3']]: 'refuse' });
    placeHold(c.context(), 'Smith v. City', c.boxes['PW-2']);
    const before = dispositionCounts(c.context());
    const error = await importResponseFails(c.t, response);
    expect(error.message).toBe(
      `response.json approves box ${code['PW-2']}, but box ${code['PW-2']} is under the legal hold “Smith v. City”: it cannot be approved for disposition; ` +
        'ask the department to answer again without it. Nothing was changed.',
    );
    expect(dispositionCounts(c.context())).toEqual(before);

    // A folder marked on hold counts the same; refusing a held box is fine.
    setFolderHold(c.context(), c.folders['PW-3'][0], true);
    const folderHeld = await importResponseFails(c.t, responseFor(notice, { [code['PW-3']]: 'approve' }), 'folder.json');
    expect(folderHeld.message).toMatch(/folder 1 “Maple Street permits 2018” is on legal hold: it cannot be approved/);
    const refused = await importResponseFile(c.t, responseFor(notice, { [code['PW-1']]: 'approve', [code['PW-2']]: 'refuse', [code['PW-3']]: 'extend' }), 'ok.json');
    expect(refused.message).toMatch(/approved 1 box, refused 1 .*asked more time for 1/);
  });
});
