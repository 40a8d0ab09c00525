// Disposition from the command line, both sides on real catalogs in-process: the center lists what is due and writes
// Public Works its notice; the department takes it in and answers (two boxes approved, one refused with a reason
// and a review date); the center takes the answer in; the department places a legal hold on one approved box and
// sends it, the center takes it in; the center carries out the notice and only the approved, unheld box is
// destroyed; the department takes the certificate in and `where` shows the box destroyed under it. With --json
// shapes, and the exit codes of a refused file, an unknown notice and a command called wrongly.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhereHit } from '../../../shared/api/contract-retrieval';
import type { DueList, FilesWritten, HoldDetail, HoldSummary, NoticeDetail, NoticeSummary, TakenIn } from '../../../shared/api/contract-disposition';
import {
  dispositionCertificateSchema,
  dispositionNoticeSchema,
  dispositionResponseSchema,
  legalHoldFileSchema,
} from '../../../shared/exchange/disposition';
import { cli } from './in-process';
import { json, twoCatalogs, type TwoCatalogs } from './two-catalogs';

let catalogs: TwoCatalogs;
const office = () => catalogs.office;
const center = () => catalogs.center;
const outbox = () => catalogs.outbox;
const sent = () => join(catalogs.dir, 'sent');
/** Every box of the fixture has folders of 2018 and 2019 kept CY+3: due the day after, 2023-01-01. */
const PERIOD = ['--from', '2023-01-01', '--to', '2023-12-31'];

/** Runs a command that must fail and answers its exit code, its --json error and its stderr line. */
async function failure(...argv: string[]): Promise<{ code: number; error: { code: string; message: string }; stderr: string }> {
  const run = await cli(...argv, '--json');
  expect(run.code, argv.join(' ')).not.toBe(0);
  return { code: run.code, error: JSON.parse(run.stdout).error, stderr: run.stderr };
}

beforeAll(async () => {
  catalogs = await twoCatalogs();
});

afterAll(async () => {
  await catalogs.dispose();
});

const boxId = (sequence: number) => `${catalogs.transferNumber}-00${sequence}`;

describe('disposition without fear, from the command line', () => {
  let number = '';
  let noticePath = '';
  let responsePath = '';

  it('lists what is due in the period, by department, and writes Public Works its notice', async () => {
    const due = await json<DueList>('disposition', 'due', center(), ...PERIOD);
    expect(due.period).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(due.departments.map((each) => [each.department.name, each.department.code])).toEqual([['Public Works', 'PW']]);
    expect(due.departments[0].boxes.map((box) => [box.boxCode, box.boxLabel, box.dispositionDate, box.action])).toEqual(
      [1, 2, 3].map((sequence) => [boxId(sequence), `PW-${sequence}`, '2023-01-01', 'destroy']));
    expect(due.departments[0].archives).toEqual([]);
    expect(due.leftOut).toEqual([]);
    const printed = await cli('disposition', 'due', center(), ...PERIOD);
    expect(printed.stdout).toContain('Public Works (PW): 3 boxes to destroy\n');
    expect(printed.stdout).toContain(`transmittal disposition notice "${center()}" --department "PW" --from 2023-01-01 --to 2023-12-31`);
    // Nothing is due in a period with no disposition dates.
    expect((await cli('disposition', 'due', center(), '--from', '2030-01-01', '--to', '2030-12-31')).stdout).toBe('No box is due for disposition from 2030-01-01 to 2030-12-31.\n');

    const written = await json<FilesWritten & { number: string; respondBy: string; boxes: number }>(
      'disposition', 'notice', center(), '--department', 'pw', ...PERIOD, '--notice-days', '60', '--out', outbox());
    expect(written.boxes).toBe(3);
    number = written.number;
    noticePath = written.path;
    const notice = dispositionNoticeSchema.parse(JSON.parse(await readFile(noticePath, 'utf8')));
    expect(notice.notice.number).toBe(number);
    expect(notice.fingerprint).toBe(written.fingerprint);
    expect(notice.notice.respondBy).toBe(written.respondBy);
    const days = (Date.parse(written.respondBy) - Date.parse(notice.notice.issuedAt.slice(0, 10))) / 86_400_000;
    expect(days).toBe(60);
    expect(notice.boxes.map((box) => box.boxLabel)).toEqual(['PW-1', 'PW-2', 'PW-3']);
    expect((await readFile(written.pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');

    // The boxes are on a notice now: the due list leaves them out, saying why.
    const after = await json<DueList>('disposition', 'due', center(), ...PERIOD);
    expect(after.departments).toEqual([]);
    expect(after.leftOut.map((box) => box.boxCode)).toEqual([1, 2, 3].map(boxId));

    const unknown = await failure('disposition', 'notice', center(), '--department', 'Parks', ...PERIOD);
    expect(unknown.code).toBe(1);
    expect(unknown.error.code).toBe('not-found');
    expect(unknown.stderr).toContain('this records center holds no records of a department "Parks" (known: PW)');
  });

  it('is taken in by the department once, listed with its countdown and answered box by box, signed', async () => {
    const taken = await json<TakenIn>('disposition', 'import', office(), noticePath);
    expect(taken).toMatchObject({ kind: 'notice', number, alreadyImported: false });
    expect((await json<TakenIn>('disposition', 'import', office(), noticePath)).alreadyImported).toBe(true);

    const listed = await json<NoticeSummary[]>('disposition', 'list', office());
    expect(listed.map((row) => [row.number, row.boxes, row.unanswered, row.approved])).toEqual([[number, 3, 3, 0]]);
    expect(listed[0].daysLeft).toBeGreaterThan(0);
    const table = await cli('disposition', 'list', office());
    expect(table.stdout).toMatch(new RegExp(`^${number}\\s+Public Works\\s+City Records Center`, 'm'));

    // Boxes are named as the notice prints them: the department's label, or the box id.
    responsePath = (await json<FilesWritten>('disposition', 'respond', office(), number, '--approve', 'PW-1', boxId(2),
      '--refuse', 'pw-3', '--reason', 'Open audit of 2019 permits', '--review-date', '2028-01-31',
      '--name', 'Ana Ruiz', '--title', 'Records Coordinator', '--out', sent())).path;
    const response = dispositionResponseSchema.parse(JSON.parse(await readFile(responsePath, 'utf8')));
    expect(response.notice.number).toBe(number);
    expect(response.signedBy).toEqual({ name: 'Ana Ruiz', title: 'Records Coordinator' });
    expect(response.answers.map((answer) => [answer.boxId, answer.answer, answer.reason, answer.reviewDate]).sort()).toEqual([
      [boxId(1), 'approve', '', null],
      [boxId(2), 'approve', '', null],
      [boxId(3), 'refuse', 'Open audit of 2019 permits', '2028-01-31'],
    ]);

    const shown = await json<NoticeDetail>('disposition', 'show', office(), number);
    expect(shown.noticeBoxes.map((box) => [box.boxLabel, box.answer])).toEqual([['PW-1', 'approve'], ['PW-2', 'approve'], ['PW-3', 'refuse']]);
    const words = await cli('disposition', 'show', office(), number);
    expect(words.stdout).toContain('refused: Open audit of 2019 permits; review on 2028-01-31');
    expect(words.stdout).toContain('Answered by Ana Ruiz, Records Coordinator, on ');
  });

  it('is taken in by the center; a hold the department places on an approved box reaches the center and keeps it', async () => {
    const taken = await json<TakenIn>('disposition', 'import', center(), responsePath);
    expect(taken).toMatchObject({ kind: 'response', number, alreadyImported: false });

    const placed = await json<HoldDetail>('hold', 'add', office(), '--name', 'Elm Street litigation', '--matter', 'Case 24-118', '--requested-by', 'City Attorney', '--box', 'PW-2');
    expect(placed).toMatchObject({ name: 'Elm Street litigation', matter: 'Case 24-118', requestedBy: 'City Attorney', origin: 'department', boxes: 1, folders: 2 });
    const active = await json<HoldSummary[]>('hold', 'list', office());
    expect(active.map((hold) => hold.number)).toEqual([placed.number]);
    const printed = await cli('hold', 'list', office());
    expect(printed.stdout).toMatch(new RegExp(`^${placed.number}\\s+Elm Street litigation\\s+Case 24-118\\s+City Attorney`, 'm'));

    const written = await json<{ path: string; items: number; fingerprint: string }>('hold', 'write', office(), placed.number, '--out', sent());
    const file = legalHoldFileSchema.parse(JSON.parse(await readFile(written.path, 'utf8')));
    expect(file.hold).toMatchObject({ number: placed.number, name: 'Elm Street litigation', liftedAt: null });
    expect(new Set(file.items.map((item) => item.boxId))).toEqual(new Set([boxId(2)]));

    const held = await json<TakenIn>('disposition', 'import', center(), written.path);
    expect(held.kind).toBe('hold');
    const atCenter = await json<HoldSummary[]>('hold', 'list', center());
    expect(atCenter.map((hold) => [hold.name, hold.origin])).toEqual([['Elm Street litigation', 'department-file']]);

    const shown = await json<NoticeDetail>('disposition', 'show', center(), number);
    const byCode = new Map(shown.noticeBoxes.map((box) => [box.boxCode, box]));
    expect(byCode.get(boxId(1))).toMatchObject({ answer: 'approve', canExecute: true, heldBy: null });
    expect(byCode.get(boxId(2))).toMatchObject({ answer: 'approve', canExecute: false, heldBy: 'Elm Street litigation' });
    expect(byCode.get(boxId(3))).toMatchObject({ answer: 'refuse', canExecute: false, reviewDate: '2028-01-31' });
  });

  it('destroys only the approved, unheld box, and the department sees it destroyed under the certificate', async () => {
    // A refused box named on its own is not carried out.
    const refused = await failure('disposition', 'execute', center(), number, '--method', 'cross-cut shredding', '--witness', 'Sam Lee', '--box', 'PW-3', '--out', outbox());
    expect(refused.code).toBe(1);

    const done = await json<FilesWritten & { number: string; boxes: number }>('disposition', 'execute', center(), number,
      '--method', 'cross-cut shredding', '--witness', 'Sam Lee', '--out', outbox());
    expect(done.boxes).toBe(1);
    const certificate = dispositionCertificateSchema.parse(JSON.parse(await readFile(done.path, 'utf8')));
    expect(certificate.certificate.number).toBe(done.number);
    expect(certificate.boxes.map((box) => [box.boxId, box.action, box.method, box.witness])).toEqual([[boxId(1), 'destroyed', 'cross-cut shredding', 'Sam Lee']]);
    expect(certificate.boxes[0].folders.map((folder) => folder.title)).toEqual(['Oak Street permits 2018', 'Oak Street permits 2019']);
    expect(certificate.response.signedBy.name).toBe('Ana Ruiz');

    const taken = await json<TakenIn>('disposition', 'import', office(), done.path);
    expect(taken.kind).toBe('certificate');
    const hits = await json<WhereHit[]>('where', office(), 'PW-1');
    const box = hits.find((hit) => hit.folderId === null && hit.boxLabel === 'PW-1')!;
    expect(box.where.status).toBe('disposed');
    expect(box.where.words).toContain(`destroyed on `);
    expect(box.where.words).toContain(`(certificate ${done.number})`);
    expect((await cli('where', office(), 'PW-1')).stdout).toContain(`Box PW-1: destroyed on `);
    // The held and the refused boxes are still at the center.
    for (const label of ['PW-2', 'PW-3']) {
      const other = (await json<WhereHit[]>('where', office(), label)).find((hit) => hit.folderId === null && hit.boxLabel === label)!;
      expect(other.where.status, label).not.toBe('disposed');
    }
    const shown = await json<NoticeDetail>('disposition', 'show', office(), number);
    expect(shown.noticeBoxes.map((each) => [each.boxLabel, each.executed])).toEqual([['PW-1', 'destroyed'], ['PW-2', null], ['PW-3', null]]);
    expect(shown.certificates.map((each) => each.number)).toEqual([done.number]);
  });

  it('lifts the hold with a reason; a lifted hold is listed only with --all', async () => {
    const [hold] = await json<HoldSummary[]>('hold', 'list', office());
    const lifted = await json<HoldDetail>('hold', 'lift', office(), hold.number, '--reason', 'Case settled');
    expect(lifted.liftReason).toBe('Case settled');
    expect(lifted.liftedAt).not.toBeNull();
    expect(await json<HoldSummary[]>('hold', 'list', office())).toEqual([]);
    expect((await json<HoldSummary[]>('hold', 'list', office(), '--all')).map((each) => each.number)).toEqual([hold.number]);
  });

  it('refuses a file for the other side, a hand-changed notice and an unknown notice (exit 1), and a command called wrongly (exit 2)', async () => {
    // A response belongs to the center: the department's catalog refuses it and says whose it is.
    const otherSide = await failure('disposition', 'import', office(), responsePath);
    expect(otherSide.code).toBe(1);
    expect(otherSide.error.code).toBe('invalid-input');
    expect(otherSide.stderr).toMatch(/^transmittal: .*for the other side of the exchange.*Nothing was changed\./);

    const changed = JSON.parse(await readFile(noticePath, 'utf8'));
    changed.boxes[0].boxLabel = 'PW-1 (edited)';
    const edited = join(sent(), 'edited-notice.json');
    await writeFile(edited, JSON.stringify(changed));
    const sealBroken = await failure('disposition', 'import', office(), edited);
    expect(sealBroken.code).toBe(1);
    expect(sealBroken.error.message).toMatch(/seal|changed/i);

    const notJson = join(sent(), 'notes.json');
    await writeFile(notJson, 'not json');
    expect((await failure('disposition', 'import', center(), notJson)).error.message).toContain('is not a JSON file');

    const unknown = await failure('disposition', 'show', office(), 'PW-DN-1999-0001');
    expect(unknown.code).toBe(1);
    expect(unknown.error.code).toBe('not-found');
    expect(unknown.stderr).toContain('there is no disposition notice "PW-DN-1999-0001" in this catalog');

    const noReason = await failure('disposition', 'respond', office(), number, '--refuse', 'PW-3', '--name', 'Ana Ruiz', '--title', 'Records Coordinator');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('to refuse, give the reason (--reason) and the day to review the boxes again (--review-date)');
    const badDate = await failure('disposition', 'due', center(), '--from', '2022-13-40', '--to', '2022-12-31');
    expect(badDate.code).toBe(2);
    const nothingHeld = await failure('hold', 'add', office(), '--name', 'Empty');
    expect(nothingHeld.code).toBe(2);
    expect((await failure('hold', 'add', office(), '--name', 'Bad folder', '--folder', 'PW-3')).code).toBe(2);
  });

  it('holds single folders, named by box and number, on either side', async () => {
    const mine = await json<HoldDetail>('hold', 'add', office(), '--name', 'One folder', '--folder', 'PW-3:1');
    expect(mine).toMatchObject({ boxes: 1, folders: 1, covers: [{ boxLabel: 'PW-3', folderPosition: 1 }] });
    const missing = await failure('hold', 'add', office(), '--name', 'No folder', '--folder', 'PW-3:9');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/box PW-3 has no folder 9/);
    const theirs = await json<HoldDetail>('hold', 'add', center(), '--name', 'Center folder', '--folder', `${boxId(3)}:2`);
    expect(theirs).toMatchObject({ origin: 'center', boxes: 1, folders: 1 });
    expect(theirs.covers.map((each) => each.folderPosition)).toEqual([2]);
    await cli('hold', 'lift', office(), mine.number, '--reason', 'Checked');
    await cli('hold', 'lift', center(), theirs.number, '--reason', 'Checked');
  });
});
