// A department takes in the center's certificate: the boxes it names become destroyed (or transferred), with the
// certificate, in every list and search and on the timeline; a certificate that does not match what was signed is
// refused, changing nothing; a destroyed box's record stays.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DispositionCertificate, DispositionNotice, DispositionResponse } from '../../../shared/exchange/disposition';
import { certificateFor, departmentCatalog, importFails, importFile, noticeFor, seal, snapshot, type NoticedCatalog } from './department-fixtures';

let open: NoticedCatalog | null = null;
afterEach(async () => {
  await open?.t.dispose();
  open = null;
});

/** PW-1 and PW-3 approved, PW-2 (a folder on hold) refused; the clock on the day the center carried them out. */
async function answered() {
  open = await departmentCatalog();
  const { t, boxes } = open;
  const notice = noticeFor(open);
  const { id: noticeId } = await importFile(t, notice);
  t.setNow('2026-12-15T09:30:00.000Z');
  const written = await t.call('disposition.respond', {
    noticeId, signedName: 'Ana Ruiz', signedTitle: 'Records Officer', outDir: join(t.dir, 'answers'),
    answers: [{ boxId: boxes['PW-2'], answer: 'refuse', reason: 'Open appeal', reviewDate: '2028-01-31' }], all: { answer: 'approve', reason: '' },
  });
  const response = JSON.parse(await readFile(written.path, 'utf8')) as DispositionResponse;
  t.setNow('2027-04-03T09:00:00.000Z');
  return { ...open, notice, noticeId, response };
}

describe('taking in a certificate of destruction', () => {
  it('marks the boxes destroyed or transferred, with the certificate, everywhere', async () => {
    const { t, boxes, folders, notice, noticeId, response } = await answered();
    const certificate = certificateFor(notice, response, ['PW-1', 'PW-3']);
    const taken = await importFile(t, certificate, 'PW-CD-2027-0001.json');
    expect(taken).toMatchObject({ kind: 'certificate', id: noticeId, number: 'PW-CD-2027-0001', alreadyImported: false });
    expect(taken.message).toContain('City Records Center destroyed 1 box and transferred 1 box to the archives on notice PW-DN-2026-0001 (certificate PW-CD-2027-0001), as you approved.');

    const pw1 = await t.call('boxes.get', { id: boxes['PW-1'] });
    expect(pw1.status).toBe('disposed');
    expect(pw1.where.words).toBe('destroyed on 2027-04-02 by City Records Center (certificate PW-CD-2027-0001)');
    expect(pw1.lockedReason).toMatch(/^destroyed under the retention schedule \(sent to City Records Center/);
    const pw3 = await t.call('boxes.get', { id: boxes['PW-3'] });
    expect(pw3.status).toBe('transferred-to-archives');
    expect(pw3.where.words).toBe('transferred to the archives on 2027-04-02 by City Records Center (certificate PW-CD-2027-0001)');
    // The refused box is untouched.
    expect((await t.call('boxes.get', { id: boxes['PW-2'] })).status).toBe('at-records-center');

    const timeline = (await t.call('boxes.timeline', { id: boxes['PW-1'] })).map((entry) => entry.what);
    const at = (prefix: string) => timeline.findIndex((what) => what.startsWith(prefix));
    expect(at('Put on a disposition notice')).toBeGreaterThan(-1);
    expect(at('Disposition approved in writing')).toBeGreaterThan(at('Put on a disposition notice'));
    expect(at('Destroyed')).toBeGreaterThan(at('Disposition approved in writing'));
    expect(timeline.at(-1)).toBe('Destroyed: Destroyed (cross-cut shredding) by City Records Center, witnessed by Sam Ortiz, as approved; certificate PW-CD-2027-0001');
    const last = (await t.call('boxes.timeline', { id: boxes['PW-1'] })).at(-1)!;
    expect(last).toMatchObject({ at: '2027-04-02T14:00:00.000Z', actor: 'Sam Ortiz (City Records Center)' });

    // Its folders are still found by search, showing what became of them.
    const found = await t.call('folders.list', { offset: 0, limit: 10, filter: { query: 'Oak Street' } });
    expect(found.rows.map((folder) => folder.id).sort()).toEqual([...folders['PW-1']].sort());
    for (const folder of found.rows) expect(folder.where.words).toBe('destroyed on 2027-04-02 by City Records Center (certificate PW-CD-2027-0001)');

    // A destroyed box cannot be deleted: its description is the record of what was destroyed.
    const refused = await t.fail('boxes.delete', { ids: [boxes['PW-1']] });
    expect(refused.message).toMatch(/^Box “PW-1” was destroyed under the retention schedule .*: its description is kept as the record of what became of it, so you cannot delete it\./);
    expect((await t.call('boxes.get', { id: boxes['PW-1'] })).folderCount).toBe(2);

    const detail = await t.call('disposition.get', { id: noticeId });
    expect(detail.noticeBoxes.map((box) => [box.boxLabel, box.executed, box.executedAt])).toEqual([
      ['PW-1', 'destroyed', '2027-04-02T14:00:00.000Z'], ['PW-2', null, null], ['PW-3', 'transferred-to-archives', '2027-04-02T14:00:00.000Z'],
    ]);
    expect(detail.certificates).toEqual([expect.objectContaining({ number: 'PW-CD-2027-0001', fingerprint: certificate.fingerprint })]);
    // Every box carried out or refused: the notice is closed.
    expect(detail.state).toBe('Carried out: certificate PW-CD-2027-0001');
    expect(await t.call('disposition.notices', { show: 'open' })).toEqual([]);
    expect(await t.call('disposition.notices', { show: 'all' })).toEqual([expect.objectContaining({ executed: 2, refused: 1, state: 'Carried out: certificate PW-CD-2027-0001' })]);
    expect((await t.call('custody.verify', {})).broken).toBeNull();

    // The same certificate again changes nothing.
    const before = snapshot(t);
    expect(await importFile(t, certificate)).toMatchObject({ alreadyImported: true, id: noticeId });
    expect(snapshot(t)).toEqual(before);
  });

  it('refuses a certificate resting on an approval the department has since taken back', async () => {
    const { t, boxes, notice, noticeId, response } = await answered();
    t.setNow('2027-01-10T09:00:00.000Z');
    await t.call('disposition.respond', {
      noticeId, signedName: 'Ana Ruiz', signedTitle: 'Records Officer', outDir: join(t.dir, 'answers'),
      answers: [
        { boxId: boxes['PW-1'], answer: 'refuse', reason: 'A new records request names it', reviewDate: '2028-06-30' },
        { boxId: boxes['PW-2'], answer: 'refuse', reason: 'Open appeal', reviewDate: '2028-01-31' },
      ],
      all: { answer: 'approve', reason: '' },
    });
    const before = snapshot(t);
    const refused = await importFails(t, certificateFor(notice, response, ['PW-1']), 'late.json');
    expect(refused.message).toMatch(/box PW-1 \(\S+\) was approved in your response of 2026-12-15, but your latest answer for it is a refusal: the certificate does not match what you signed last/);
    expect(snapshot(t)).toEqual(before);
    expect((await t.call('boxes.get', { id: boxes['PW-1'] })).status).toBe('at-records-center');
  });

  it('says partly carried out while an approved box is still to be done', async () => {
    const { t, notice, noticeId, response } = await answered();
    await importFile(t, certificateFor(notice, response, ['PW-1']));
    expect((await t.call('disposition.get', { id: noticeId })).state).toBe('Answered on 2026-12-15: 2 approved, 1 refused; partly carried out: certificate PW-CD-2027-0001');
  });

  const mismatches: [string, (given: Awaited<ReturnType<typeof answered>>) => unknown, RegExp][] = [
    ['a box that was refused', ({ notice, response }) => certificateFor(notice, response, ['PW-1', 'PW-2']), /box PW-2 \(PW-2026-001-002\) was not approved in your response of 2026-12-15 to notice PW-DN-2026-0001: the certificate does not match what you signed; contact City Records Center/],
    [
      'another notice of the same number',
      (given) => {
        const other = noticeFor(given, { sequences: [1] });
        const { fingerprint: _seal, ...unsealed } = other;
        const reissued = seal<DispositionNotice>({ ...unsealed, notice: { ...other.notice, respondBy: '2027-04-01' } });
        return certificateFor(reissued, given.response, ['PW-1']);
      },
      /is for another notice numbered PW-DN-2026-0001 .* not the one this catalog took in/,
    ],
    [
      'a response this catalog never wrote',
      ({ notice, response }) => certificateFor(notice, { ...response, fingerprint: 'b'.repeat(64) }, ['PW-1']),
      /rests on a response to notice PW-DN-2026-0001 .* that this catalog never wrote/,
    ],
    [
      'a box destroyed that was to go to the archives',
      ({ notice, response }) => {
        const certificate = certificateFor(notice, response, ['PW-3']);
        const { fingerprint: _seal, ...unsealed } = certificate;
        return seal<DispositionCertificate>({ ...unsealed, boxes: [{ ...certificate.boxes[0], action: 'destroyed' }] });
      },
      /box PW-3 .* was to be transferred to the archives .* but the certificate says it was destroyed/,
    ],
    [
      'changed by hand',
      ({ notice, response }) => {
        const certificate = certificateFor(notice, response, ['PW-1']);
        return { ...certificate, boxes: [{ ...certificate.boxes[0], witness: 'Nobody' }] };
      },
      /changed after it was made/,
    ],
  ];
  for (const [what, build, message] of mismatches) {
    it(`refuses a certificate with ${what}, changing nothing`, async () => {
      const given = await answered();
      const before = snapshot(given.t);
      const error = await importFails(given.t, build(given), 'certificate.json');
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed\.$/);
      expect(snapshot(given.t)).toEqual(before);
      expect((await given.t.call('boxes.get', { id: given.boxes['PW-1'] })).status).toBe('at-records-center');
    });
  }

  it('refuses a certificate for a box under a legal hold here, naming the hold: a serious discrepancy', async () => {
    const given = await answered();
    const db = given.t.context().db;
    // A hold placed after the approval (as the holds screen records one), covering PW-1.
    const holdId = db.run(
      "INSERT INTO legal_hold (number, name, matter, origin, placed_at, placed_by) VALUES ('PW-LH-2027-0001', 'Audit 2027', 'State audit', 'department', ?, 'tester')",
      ['2027-03-20T09:00:00.000Z'],
    ).lastInsertRowid;
    db.run('INSERT INTO legal_hold_item (hold_id, box_id, folder_id) VALUES (?, ?, NULL)', [holdId, given.boxes['PW-1']]);
    const before = snapshot(given.t);
    const error = await importFails(given.t, certificateFor(given.notice, given.response, ['PW-1', 'PW-3']));
    expect(error.message).toMatch(/box PW-1 \(PW-2026-001-001\) is under the legal hold “Audit 2027” in this catalog, yet City Records Center certifies it was destroyed on 2027-04-02\. This is a serious discrepancy/);
    expect(error.message).toContain('Lee Park, 555-0199, records@city.example');
    expect(snapshot(given.t)).toEqual(before);
    // The notice shows the hold on the box; a department never carries anything out.
    const box = (await given.t.call('disposition.get', { id: given.noticeId })).noticeBoxes.find((each) => each.boxLabel === 'PW-1')!;
    expect(box).toMatchObject({ heldBy: 'Audit 2027', canExecute: false, whyNot: null });
  });
});
