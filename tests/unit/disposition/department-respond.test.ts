// A department answers a notice box by box, signed: what it refuses to send (and that a refusal writes and records
// nothing), the sealed response file and its PDF, the answers and events recorded, and answering again.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispositionResponseSchema, type DispositionResponse } from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { departmentCatalog, importFile, noticeFor, snapshot, type NoticedCatalog } from './department-fixtures';

let open: NoticedCatalog | null = null;
afterEach(async () => {
  await open?.t.dispose();
  open = null;
});

async function noticed() {
  open = await departmentCatalog();
  const notice = noticeFor(open);
  const { id } = await importFile(open.t, notice);
  open.t.setNow('2026-12-15T09:30:00.000Z');
  return { ...open, notice, noticeId: id, outDir: join(open.t.dir, 'answers') };
}

const signed = { signedName: 'Ana Ruiz', signedTitle: 'Records Officer' };
const keep = { answer: 'refuse' as const, reason: 'Open appeal on Elm Street', reviewDate: '2028-01-31' };

describe('answering a notice', () => {
  const refusals: [string, (boxes: Record<string, number>) => Record<string, unknown>, RegExp][] = [
    ['a box without an answer', (boxes) => ({ answers: [{ boxId: boxes['PW-1'], answer: 'approve' }, { boxId: boxes['PW-2'], ...keep }] }), /Box PW-3 \(PW-2026-001-003\) has no answer/],
    ['a refusal without a reason', (boxes) => ({ answers: [{ boxId: boxes['PW-2'], answer: 'refuse', reviewDate: '2028-01-31' }], all: { answer: 'approve' } }), /Box PW-2 .* is refused without a reason/],
    ['a refusal without a review date', (boxes) => ({ answers: [{ boxId: boxes['PW-2'], answer: 'refuse', reason: 'Still needed' }], all: { answer: 'approve' } }), /is refused without a review date/],
    ['more time without until when', (boxes) => ({ answers: [{ boxId: boxes['PW-2'], answer: 'extend', reason: 'Audit' }], all: { answer: 'approve' } }), /asks for more time without saying until when/],
    ['more time until a day gone by', (boxes) => ({ answers: [{ boxId: boxes['PW-2'], answer: 'extend', reason: 'Audit', extendTo: '2026-12-01' }], all: { answer: 'approve' } }), /until 2026-12-01, which is not after today/],
    ['approving a box under a legal hold', () => ({ all: { answer: 'approve' } }), /Box PW-2 \(PW-2026-001-002\) is under a legal hold \(folder 1 in it is held: Smith v\. City\): it can only be refused or given more time/],
    ['a box not on the notice', () => ({ answers: [{ boxId: 999, answer: 'approve' }], all: keep }), /Box 999 is not on notice PW-DN-2026-0001/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what}, writing and recording nothing`, async () => {
      const { t, boxes, noticeId, outDir } = await noticed();
      const before = snapshot(t);
      const error = await t.fail('disposition.respond', { noticeId, ...signed, outDir, ...input(boxes) });
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was answered\.$/);
      expect(snapshot(t)).toEqual(before);
      await expect(readdir(outDir)).rejects.toThrow();
    });
  }

  it('writes the sealed response and its PDF, and records each answer with a custody event', async () => {
    const { t, boxes, notice, noticeId, outDir } = await noticed();
    const written = await t.call('disposition.respond', { noticeId, ...signed, outDir, answers: [{ boxId: boxes['PW-2'], ...keep }], all: { answer: 'approve', reason: '' } });
    expect(written.path).toBe(join(outDir, 'PW-DN-2026-0001-response.json'));
    expect(written.message).toContain('signed by Ana Ruiz, Records Officer: 2 approved, 1 refused (3 boxes)');
    expect(written.message).toContain('Send PW-DN-2026-0001-response.json or its PDF to City Records Center');

    const response = JSON.parse(await readFile(written.path, 'utf8')) as DispositionResponse;
    expect(dispositionResponseSchema.safeParse(response).success).toBe(true);
    const { fingerprint, ...unsealed } = response;
    expect(sealFingerprint(unsealed)).toBe(fingerprint);
    expect(written.fingerprint).toBe(fingerprint);
    expect(response).toMatchObject({
      notice: { number: 'PW-DN-2026-0001', fingerprint: notice.fingerprint },
      department: { name: 'Public Works', code: 'PW' },
      respondedAt: '2026-12-15T09:30:00.000Z',
      signedBy: { name: 'Ana Ruiz', title: 'Records Officer' },
    });
    expect(response.answers).toEqual([
      { boxId: notice.boxes[0].boxId, answer: 'approve', reason: '', reviewDate: null, extendTo: null },
      { boxId: notice.boxes[1].boxId, answer: 'refuse', reason: 'Open appeal on Elm Street', reviewDate: '2028-01-31', extendTo: null },
      { boxId: notice.boxes[2].boxId, answer: 'approve', reason: '', reviewDate: null, extendTo: null },
    ]);
    expect((await readFile(written.pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');

    const detail = await t.call('disposition.get', { id: noticeId });
    expect(detail).toMatchObject({ approved: 2, refused: 1, unanswered: 0, state: 'Answered on 2026-12-15: 2 approved, 1 refused' });
    expect(detail.responses).toEqual([{ fingerprint, signedName: 'Ana Ruiz', signedTitle: 'Records Officer', respondedAt: '2026-12-15T09:30:00.000Z' }]);
    expect(detail.noticeBoxes.find((box) => box.boxLabel === 'PW-2')).toMatchObject({ answer: 'refuse', reason: 'Open appeal on Elm Street', reviewDate: '2028-01-31' });

    const kinds = async (label: string) => (await t.call('boxes.timeline', { id: boxes[label] })).slice(-2).map((entry) => entry.what);
    expect((await kinds('PW-1'))[1]).toMatch(/^Disposition approved in writing: Approved in writing by Ana Ruiz, Records Officer/);
    expect((await kinds('PW-2'))[1]).toMatch(/^Disposition refused: .*Open appeal on Elm Street; review again on 2028-01-31/);
    expect((await t.call('custody.verify', {})).broken).toBeNull();
    // Approving destroys nothing: the boxes stay at the center until the certificate comes.
    expect((await t.call('boxes.get', { id: boxes['PW-1'] })).status).toBe('at-records-center');
  });

  it('answering again writes a new response that replaces the earlier answers', async () => {
    const { t, boxes, noticeId, outDir } = await noticed();
    const first = await t.call('disposition.respond', { noticeId, ...signed, outDir, answers: [], all: keep });
    t.setNow('2027-01-05T09:00:00.000Z');
    const second = await t.call('disposition.respond', {
      noticeId, ...signed, outDir,
      answers: [{ boxId: boxes['PW-2'], answer: 'extend', reason: 'Audit of 2019 permits', extendTo: '2027-09-30' }],
      all: { answer: 'approve', reason: 'Appeal closed' },
    });
    expect(second.path).toBe(join(outDir, 'PW-DN-2026-0001-response-2.json'));
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect((await readdir(outDir)).sort()).toEqual([
      'PW-DN-2026-0001-response-2.json', 'PW-DN-2026-0001-response-2.pdf', 'PW-DN-2026-0001-response.json', 'PW-DN-2026-0001-response.pdf',
    ]);
    const detail = await t.call('disposition.get', { id: noticeId });
    expect(detail.noticeBoxes.map((box) => [box.boxLabel, box.answer, box.extendTo])).toEqual([
      ['PW-1', 'approve', null], ['PW-2', 'extend', '2027-09-30'], ['PW-3', 'approve', null],
    ]);
    expect(detail.responses.map((each) => each.fingerprint)).toEqual([first.fingerprint, second.fingerprint]);
    expect(detail.state).toBe('Answered on 2027-01-05: 2 approved, 1 given more time');
  });
});

describe('asking for a box back while it is on a notice', () => {
  it('warns that the notice still stands, for a box unanswered or approved, and not for a refused one', async () => {
    const { t, boxes, noticeId, outDir } = await noticed();
    const unanswered = await t.call('retrievals.request', { boxIds: [boxes['PW-1']], folderIds: [], service: 'box-loan' });
    expect(unanswered.warnings).toContain(
      "Box PW-1 is on disposition notice PW-DN-2026-0001 (your answer is due by 2027-03-07): once the center takes this request in, it does not carry out the box's disposition until the request is done; the notice still stands.",
    );
    await t.call('disposition.respond', { noticeId, ...signed, outDir, answers: [{ boxId: boxes['PW-2'], ...keep }], all: { answer: 'approve', reason: '' } });
    const approved = await t.call('retrievals.request', { boxIds: [boxes['PW-3']], folderIds: [], service: 'copy' });
    expect(approved.warnings.filter((words) => words.includes('notice'))).toEqual([
      "Box PW-3 was approved for disposition on notice PW-DN-2026-0001: once the center takes this request in, it does not carry out the box's disposition until the request is done; the notice still stands.",
    ]);
    const refused = await t.call('retrievals.request', { boxIds: [boxes['PW-2']], folderIds: [], service: 'copy' });
    expect(refused.warnings.filter((words) => words.includes('notice'))).toEqual([]);
  });
});
