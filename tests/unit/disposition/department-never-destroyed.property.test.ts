// The department's side of "nothing is destroyed without your approval": whatever happens — the notice taken in or
// not, answers given and changed, legal holds of every scope placed and lifted, folders added or corrected after a
// hold, the clock past the deadline, the center's honest certificates and forged, re-sealed or tampered ones — a box
// in the department's catalog is marked destroyed or transferred only if its LATEST answer approved it and no legal
// hold in force covered it when the certificate was taken in. Holds are judged by an oracle of this test's own (the
// scopes read against the folders as they are now), not by the code under test. The catalogs are built once through
// a real session (department-property-fixtures.ts); each run works on copies through the disposition functions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { folderInputSchema } from '../../../shared/domain/types';
import type { DispositionAnswer, DispositionCertificate, DispositionResponse, HoldScope } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../../electron/catalog/context';
import { getBox } from '../../../electron/catalog/box-store';
import { createFolder, updateFolder } from '../../../electron/catalog/folder-store';
import { catalogContext } from '../../../electron/catalog/open-catalog';
import { executeNotice } from '../../../electron/disposition/center/center-disposition';
import { importResponse } from '../../../electron/disposition/center/response-import';
import { holdsOnBoxes } from '../../../electron/disposition/department/box-holds';
import { importCertificate } from '../../../electron/disposition/department/certificate-import';
import { importNotice } from '../../../electron/disposition/department/notice-import';
import { respondToNotice } from '../../../electron/disposition/department/respond';
import { createHold, liftHold } from '../../../electron/disposition/holds/holds';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { Database } from '../../../electron/storage/database';
import { amendSent } from '../../../electron/transfer/amend-transfer';
import { certificateFor } from './department-fixtures';
import { resealed } from './disposition-fixtures';
import { departmentAndCenter, NOTICE_DAY, NOTICED, WITHDRAWN, type DepartmentAndCenter, type NoticedLabel } from './department-property-fixtures';

const DAY = 24 * 60 * 60 * 1000;
/** A hand-ticked hold's reason: never a hold's name, so lifting a hold never takes it for its own. */
const BY_HAND = 'Kept back by the records clerk';
const TITLES = ['Budget hearings 2024', 'Smith v. City exhibits', 'Oak Street permits appeal', 'Staff rota'];
const WORDS = ['smith', 'budget', 'oak', 'elm permits', 'council', 'hearings', 'exhibits'];
const SERIES = ['GS 1010', 'GS 2020', 'GS 2000'];
const YEARS = ['2015', '2018', '2020', '2024'];
const RANGES: { dateFrom: string | null; dateTo: string | null }[] = [
  { dateFrom: '2018-01-01', dateTo: '2018-12-31' },
  { dateFrom: '2015-01-01', dateTo: '2015-12-31' },
  { dateFrom: '2020-03-01', dateTo: '2020-03-31' },
  { dateFrom: '2019-06-01', dateTo: null },
  { dateFrom: null, dateTo: '2016-06-30' },
];

interface ScopeSpec { boxes: number[]; folders: number[]; series: number[]; range: number | null; words: number | null }
type Edit = 'none' | 'add-box' | 'flip-action' | 'latest-response' | 'unknown-response' | 'same-box-twice';
type Op =
  | { kind: 'take-notice' }
  | { kind: 'respond'; answers: DispositionAnswer[]; heedHolds: boolean }
  | { kind: 'deliver'; pick: number }
  | { kind: 'execute'; boxes: number[] | null; deliverFirst: boolean }
  | { kind: 'certificate'; source: 'honest' | 'forged'; pick: number; boxes: number[]; edit: Edit; reseal: boolean }
  | { kind: 'hold'; scope: ScopeSpec }
  | { kind: 'lift'; pick: number }
  | { kind: 'add-folder'; box: number; title: number; series: number | null; year: number }
  | { kind: 'amend'; pick: number; title: number | null; year: number | null }
  | { kind: 'hand'; pick: number; held: boolean }
  | { kind: 'advance'; days: number };

const boxIndex = fc.integer({ min: 0, max: NOTICED.length - 1 });
const someBoxes = fc.uniqueArray(boxIndex, { minLength: 1, maxLength: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'take-notice' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('respond' as const),
      answers: fc.array(fc.constantFrom<DispositionAnswer>('approve', 'approve', 'refuse', 'extend'), { minLength: NOTICED.length, maxLength: NOTICED.length }),
      // Mostly as the answer screen has it: a held box refused rather than approved.
      heedHolds: fc.constantFrom(true, true, true, false),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }), weight: 1 },
  {
    // Mostly as a center does it: the department's latest response taken in, then the approved boxes carried out.
    arbitrary: fc.record({
      kind: fc.constant('execute' as const),
      boxes: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: someBoxes, weight: 1 }),
      deliverFirst: fc.constantFrom(true, true, true, false),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('certificate' as const),
      source: fc.constantFrom('honest' as const, 'honest' as const, 'forged' as const),
      pick: fc.nat(),
      boxes: someBoxes,
      edit: fc.constantFrom<Edit>('none', 'none', 'none', 'add-box', 'flip-action', 'latest-response', 'unknown-response'),
      reseal: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('hold' as const),
      scope: fc.record({
        boxes: fc.uniqueArray(boxIndex, { maxLength: 1 }),
        folders: fc.uniqueArray(fc.nat(), { maxLength: 1 }),
        series: fc.uniqueArray(fc.integer({ min: 0, max: SERIES.length - 1 }), { maxLength: 1 }),
        range: fc.option(fc.integer({ min: 0, max: RANGES.length - 1 }), { nil: null }),
        words: fc.option(fc.integer({ min: 0, max: WORDS.length - 1 }), { nil: null }),
      }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('lift' as const), pick: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('add-folder' as const),
      // Mostly the withdrawn box (back in the office): the others are at the center, frozen as sent.
      box: fc.constantFrom(2, 2, 2, 0, 3),
      title: fc.integer({ min: 0, max: TITLES.length - 1 }),
      series: fc.option(fc.integer({ min: 0, max: SERIES.length - 1 }), { nil: null }),
      year: fc.integer({ min: 0, max: YEARS.length - 1 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      pick: fc.nat(),
      title: fc.option(fc.integer({ min: 0, max: TITLES.length - 1 }), { nil: null }),
      year: fc.option(fc.integer({ min: 0, max: YEARS.length - 1 }), { nil: null }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('hand' as const), pick: fc.nat(), held: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 200 }) }), weight: 1 },
);

interface FolderFact { id: number; box_id: number; title: string; begin_date: string | null; end_date: string | null; item_number: string | null; legal_hold: number }
interface ModelHold { id: number; name: string; scope: HoldScope; wholeBoxes: Set<number>; placed: Set<number>; lifted: boolean }

const tokens = (text: string) => text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
/** The real days a folder's dates can mean: a year-precise date runs from 1 January to 31 December (only years and days are written here). */
function span(folder: FolderFact): { first: string; last: string } | null {
  const begin = folder.begin_date ?? folder.end_date;
  const end = folder.end_date ?? folder.begin_date;
  if (!begin || !end) return null;
  return { first: begin.length === 4 ? `${begin}-01-01` : begin, last: end.length === 4 ? `${end}-12-31` : end };
}

/** The oracle: what a scope's series, dates and title words cover of a folder as it is now. */
function standingCovers(scope: HoldScope, folder: FolderFact): boolean {
  if (folder.item_number && scope.itemNumbers.some((number) => number.toLowerCase() === folder.item_number!.toLowerCase())) return true;
  const days = span(folder);
  if ((scope.dateFrom !== null || scope.dateTo !== null) && days && (scope.dateFrom === null || days.last >= scope.dateFrom) && (scope.dateTo === null || days.first <= scope.dateTo)) {
    return true;
  }
  const wanted = tokens(scope.words);
  const title = tokens(folder.title);
  return wanted.length > 0 && wanted.every((word) => title.some((token) => (word.length >= 2 ? token.startsWith(word) : token === word)));
}

const folderFacts = (context: CatalogContext) =>
  context.db.all<FolderFact>(
    'SELECT f.id, f.box_id, f.title, f.begin_date, f.end_date, s.item_number, f.legal_hold FROM folder f LEFT JOIN schedule_item s ON s.id = f.schedule_item_id ORDER BY f.id',
  );

/** A refusal is the code saying no (an AppError); anything else is a bug. */
async function refusedOr<T>(work: () => T | Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

let built: DepartmentAndCenter;
let outDir: string;
/** Over all runs: certificates taken in, and refused because of a hold in force or a later answer. The property means little without each. */
const seen = { takenIn: 0, refusedForHold: 0, refusedForLaterAnswer: 0 };

beforeAll(async () => {
  built = await departmentAndCenter();
  outDir = await mkdtemp(join(tmpdir(), 'transmittal-department-never-destroyed-'));
}, 60_000);

afterAll(async () => {
  await built?.t.dispose();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function run(noticeFirst: boolean, ops: Op[]): Promise<void> {
  const { notice, boxes } = built;
  let now = new Date(NOTICE_DAY).getTime() + DAY;
  const clock = () => new Date(now);
  const departmentDb = await Database.fromBytes(built.departmentBytes);
  const centerDb = await Database.fromBytes(built.centerBytes);
  const department = catalogContext(departmentDb, 'tester', clock);
  const center = catalogContext(centerDb, 'center clerk', clock);
  const labelOf = new Map(NOTICED.map((label) => [boxes[label], label]));
  const proposed = new Map(notice.boxes.map((box) => [box.boxId, box.action === 'transfer-to-archives' ? 'transferred-to-archives' : 'destroyed']));

  // The model: what the department signed, what it holds, what it took in.
  let noticeId: number | null = null;
  const latest = new Map<NoticedLabel, DispositionAnswer>();
  const responses: DispositionResponse[] = [];
  const executed = new Map<NoticedLabel, string>();
  const takenIn = new Set<string>();
  const holds: ModelHold[] = [];
  const byHand = new Set<number>();
  const mail: DispositionCertificate[] = [];

  const formallyCovers = (folder: FolderFact) =>
    holds.some((hold) => !hold.lifted && (hold.wholeBoxes.has(folder.box_id) || hold.placed.has(folder.id) || standingCovers(hold.scope, folder)));
  const heldNow = (): Set<NoticedLabel> => {
    const held = new Set<NoticedLabel>();
    const folders = folderFacts(department);
    for (const label of NOTICED) {
      const boxId = boxes[label];
      const whole = holds.some((hold) => !hold.lifted && hold.wholeBoxes.has(boxId));
      if (whole || folders.some((folder) => folder.box_id === boxId && (byHand.has(folder.id) || formallyCovers(folder)))) held.add(label);
    }
    return held;
  };
  const snapshot = () => ({
    version: department.version.value,
    certificates: departmentDb.get<{ n: number }>('SELECT COUNT(*) AS n FROM disposition_certificate')!.n,
    events: departmentDb.get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_event')!.n,
    noticeBoxes: departmentDb.all('SELECT box_id, answer, executed, executed_at, certificate_id FROM disposition_notice_box ORDER BY id'),
    statuses: NOTICED.map((label) => getBox(department, boxes[label]).status),
  });

  /** What the department must do with this certificate, by its own records alone. */
  function expected(certificate: DispositionCertificate, held: Set<NoticedLabel>): { outcome: 'take-in' | 'already' | 'refuse'; why: string } {
    const { fingerprint, ...unsealed } = certificate;
    if (sealFingerprint(unsealed) !== fingerprint) return { outcome: 'refuse', why: 'seal' };
    if (takenIn.has(fingerprint)) return { outcome: 'already', why: '' };
    if (noticeId === null || certificate.notice.fingerprint !== notice.fingerprint) return { outcome: 'refuse', why: 'notice' };
    const response = responses.find((each) => each.fingerprint === certificate.response.fingerprint);
    if (!response) return { outcome: 'refuse', why: 'response' };
    const codes = certificate.boxes.map((box) => box.boxId);
    if (new Set(codes).size !== codes.length) return { outcome: 'refuse', why: 'twice' };
    for (const box of certificate.boxes) {
      const label = box.boxLabel as NoticedLabel;
      if (response.answers.find((answer) => answer.boxId === box.boxId)?.answer !== 'approve') return { outcome: 'refuse', why: 'not approved' };
      if (latest.get(label) !== 'approve') return { outcome: 'refuse', why: 'later answer' };
      if (proposed.get(box.boxId) !== box.action) return { outcome: 'refuse', why: 'action' };
      if (executed.has(label)) return { outcome: 'refuse', why: 'done' };
    }
    if (certificate.boxes.some((box) => held.has(box.boxLabel as NoticedLabel))) return { outcome: 'refuse', why: 'hold' };
    // The withdrawn box is back in the office: no center can have destroyed it.
    if (certificate.boxes.some((box) => box.boxLabel === WITHDRAWN)) return { outcome: 'refuse', why: 'in the office' };
    return { outcome: 'take-in', why: '' };
  }

  function certificateOf(step: Extract<Op, { kind: 'certificate' }>, index: number): DispositionCertificate {
    const never = { fingerprint: 'f'.repeat(64), signedBy: { name: 'Ana Ruiz', title: 'Records Coordinator' }, respondedAt: new Date(now).toISOString() };
    const ref = responses.length > 0 ? responses[step.pick % responses.length] : never;
    const labels = step.boxes.map((at) => NOTICED[at]);
    const base =
      step.source === 'honest' && mail.length > 0
        ? mail[step.pick % mail.length]
        : certificateFor(notice, ref, labels, { number: `PW-CD-2026-${9000 + index}`, at: new Date(now).toISOString() });
    let edited: DispositionCertificate = base;
    if (step.edit === 'add-box') {
      const extra = certificateFor(notice, ref, [labels.at(-1)!]).boxes[0];
      edited = { ...base, boxes: [...base.boxes.filter((box) => box.boxId !== extra.boxId), extra] };
    } else if (step.edit === 'flip-action') {
      const [first, ...rest] = base.boxes;
      edited = { ...base, boxes: [{ ...first, action: first.action === 'destroyed' ? 'transferred-to-archives' : 'destroyed' }, ...rest] };
    } else if (step.edit === 'latest-response' && responses.length > 0) {
      const last = responses.at(-1)!;
      edited = { ...base, response: { fingerprint: last.fingerprint, signedBy: last.signedBy, respondedAt: last.respondedAt } };
    } else if (step.edit === 'unknown-response') {
      edited = { ...base, response: never };
    } else if (step.edit === 'same-box-twice') {
      edited = { ...base, boxes: [...base.boxes, base.boxes[0]] };
    }
    return step.reseal && edited !== base ? resealed(edited) : edited;
  }

  async function perform(step: Op, index: number): Promise<void> {
    const today = new Date(now).toISOString().slice(0, 10);
    const inDays = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
    if (step.kind === 'advance') now += step.days * DAY;
    else if (step.kind === 'take-notice') {
      const taken = importNotice(department, notice, 'notice.json');
      expect(taken.alreadyImported).toBe(noticeId !== null);
      noticeId = taken.id;
    } else if (step.kind === 'respond') {
      if (noticeId === null) return;
      const open = NOTICED.filter((label) => !executed.has(label));
      const held = heldNow();
      const answers = open.map((label) => {
        const given = step.answers[NOTICED.indexOf(label)];
        const answer = step.heedHolds && given === 'approve' && held.has(label) ? 'refuse' : given;
        return { boxId: boxes[label], answer, reason: answer === 'approve' ? '' : 'Still needed', reviewDate: inDays(400), extendTo: inDays(200) };
      });
      const written = await refusedOr(() =>
        respondToNotice(department, { noticeId: noticeId!, answers, signedName: 'Ana Ruiz', signedTitle: 'Records Coordinator', outDir }),
      );
      // Never an approval of a box held now; every other answer is taken.
      const mayAnswer = open.length > 0 && answers.every((each) => each.answer !== 'approve' || !held.has(labelOf.get(each.boxId)!));
      expect(written !== null, `an answer ${mayAnswer ? 'refused' : 'taken'} on ${today}`).toBe(mayAnswer);
      if (written === null) return;
      for (const each of answers) latest.set(labelOf.get(each.boxId)!, each.answer);
      responses.push(JSON.parse(departmentDb.get<{ json: string }>('SELECT json FROM disposition_response WHERE fingerprint = ?', [written.fingerprint])!.json));
    } else if (step.kind === 'deliver') {
      if (responses.length > 0) await refusedOr(() => importResponse(center, responses[step.pick % responses.length], 'response.json'));
    } else if (step.kind === 'execute') {
      if (step.deliverFirst && responses.length > 0) await refusedOr(() => importResponse(center, responses.at(-1)!, 'response.json'));
      const named = step.boxes?.map((at) => built.holdingBoxes[NOTICED[at]]);
      const done = await refusedOr(() => executeNotice(center, { noticeId: built.centerNoticeId, boxIds: named, method: 'Cross-cut shredding', witness: 'Jo Quinn', outDir }));
      if (done) mail.push(JSON.parse(centerDb.get<{ json: string }>('SELECT json FROM disposition_certificate WHERE id = ?', [done.certificateId])!.json));
    } else if (step.kind === 'certificate') {
      const certificate = certificateOf(step, index);
      const held = heldNow();
      const should = expected(certificate, held);
      const before = snapshot();
      const taken = await refusedOr(() => importCertificate(department, certificate, 'certificate.json'));
      if (taken !== null && !taken.alreadyImported) {
        // The property itself: every box it marks was approved last, and free of any hold in force now.
        for (const box of certificate.boxes) {
          const label = box.boxLabel as NoticedLabel;
          expect(latest.get(label), `${label} taken in as ${box.action} without the department's latest approval`).toBe('approve');
          expect(held.has(label), `${label} taken in as ${box.action} while a legal hold covered it`).toBe(false);
          executed.set(label, box.action);
        }
        takenIn.add(certificate.fingerprint);
        seen.takenIn += 1;
      } else {
        // Refused, or the same one again: nothing changed.
        expect(snapshot()).toEqual(before);
      }
      const outcome = taken === null ? 'refuse' : taken.alreadyImported ? 'already' : 'take-in';
      expect(outcome, `certificate ${certificate.certificate.number} (${should.why || 'consistent with the records'})`).toBe(should.outcome);
      if (outcome === 'refuse' && should.why === 'hold') seen.refusedForHold += 1;
      if (outcome === 'refuse' && should.why === 'later answer') seen.refusedForLaterAnswer += 1;
    } else if (step.kind === 'hold') {
      const folders = folderFacts(department).filter((folder) => labelOf.has(folder.box_id));
      const { boxes: boxPicks, folders: folderPicks, series, range, words } = step.scope;
      const scope: HoldScope = {
        boxIds: boxPicks.map((at) => boxes[NOTICED[at]]),
        folderIds: [...new Set(folderPicks.map((pick) => folders[pick % folders.length].id))],
        itemNumbers: series.map((at) => SERIES[at]),
        dateFrom: range === null ? null : RANGES[range].dateFrom,
        dateTo: range === null ? null : RANGES[range].dateTo,
        words: words === null ? '' : WORDS[words],
      };
      const everyFolder = folderFacts(department);
      const wholeBoxes = new Set(scope.boxIds);
      const placed = new Set(everyFolder.filter((folder) => wholeBoxes.has(folder.box_id) || scope.folderIds.includes(folder.id) || standingCovers(scope, folder)).map((folder) => folder.id));
      const name = `${['Smith v. City', 'State audit', 'Records request'][index % 3]} ${index + 1}`;
      const hold = await refusedOr(() => createHold(department, { name, matter: '', requestedBy: '', scope }));
      // A scope covering nothing is refused; any other is placed on exactly what the oracle finds.
      expect(hold !== null, `hold “${name}” ${JSON.stringify(scope)}`).toBe(placed.size > 0 || wholeBoxes.size > 0);
      if (hold === null) return;
      const items = departmentDb.all<{ box_id: number; folder_id: number | null }>('SELECT box_id, folder_id FROM legal_hold_item WHERE hold_id = ?', [hold.id]);
      expect(new Set(items.filter((item) => item.folder_id === null).map((item) => item.box_id))).toEqual(wholeBoxes);
      expect(new Set(items.flatMap((item) => (item.folder_id === null ? [] : [item.folder_id])))).toEqual(placed);
      holds.push({ id: hold.id, name, scope, wholeBoxes, placed, lifted: false });
    } else if (step.kind === 'lift') {
      const active = holds.filter((hold) => !hold.lifted);
      if (active.length === 0) return;
      const chosen = active[step.pick % active.length];
      liftHold(department, chosen.id, 'The matter is closed');
      chosen.lifted = true;
    } else if (step.kind === 'add-folder') {
      const target = NOTICED[step.box];
      const seriesId = step.series === null ? null : departmentDb.get<{ id: number }>('SELECT id FROM schedule_item WHERE item_number = ?', [SERIES[step.series]])!.id;
      const folder = folderInputSchema.parse({ title: TITLES[step.title], fileCode: 'NEW', scheduleItemId: seriesId, beginDate: YEARS[step.year], endDate: YEARS[step.year] });
      const added = await refusedOr(() => createFolder(department, boxes[target], folder));
      // Only the withdrawn box is the office's to add to; a box at the center, or gone, is frozen as sent.
      expect(added !== null, `a folder added to ${target}`).toBe(target === WITHDRAWN && !executed.has(target));
    } else if (step.kind === 'amend') {
      const folders = folderFacts(department).filter((folder) => labelOf.has(folder.box_id));
      const folder = folders[step.pick % folders.length];
      const changes = { ...(step.title === null ? {} : { title: TITLES[step.title] }), ...(step.year === null ? {} : { beginDate: YEARS[step.year], endDate: YEARS[step.year] }) };
      if (Object.keys(changes).length > 0) await refusedOr(() => amendSent(department, { target: { folderId: folder.id }, changes, reason: 'Corrected from the box itself' }));
    } else if (step.kind === 'hand') {
      const folders = folderFacts(department).filter((folder) => folder.box_id === boxes[WITHDRAWN]);
      const folder = folders[step.pick % folders.length];
      const changed = await refusedOr(() => updateFolder(department, folder.id, step.held ? { legalHold: true, legalHoldReason: BY_HAND } : { legalHold: false }));
      // Unticking what a hold in force covers is refused; so is any edit once the box is gone.
      const may = !executed.has(WITHDRAWN) && (step.held || folder.legal_hold === 0 || !formallyCovers(folder));
      expect(changed !== null, `folder ${folder.id} ${step.held ? 'ticked' : 'unticked'} by hand`).toBe(may);
      if (changed !== null && step.held) byHand.add(folder.id);
      if (changed !== null && !step.held) byHand.delete(folder.id);
    }
  }

  try {
    for (const [index, step] of [...(noticeFirst ? [{ kind: 'take-notice' as const }] : []), ...ops].entries()) {
      now += 60_000;
      await perform(step, index);

      // After every step: the catalog says what the model says, and the app's idea of "held" is the oracle's.
      const held = heldNow();
      expect(new Set([...holdsOnBoxes(department, NOTICED.map((label) => boxes[label])).keys()].map((id) => labelOf.get(id)))).toEqual(held);
      for (const label of NOTICED) {
        const status = getBox(department, boxes[label]).status;
        const gone = executed.get(label) === 'destroyed' ? 'disposed' : executed.get(label);
        if (gone) expect(status, label).toBe(gone);
        else expect(['disposed', 'transferred-to-archives'], `${label} is ${status}`).not.toContain(status);
        const events = departmentDb.get<{ n: number }>("SELECT COUNT(*) AS n FROM custody_event WHERE box_id = ? AND kind IN ('disposed', 'transferred-to-archives')", [boxes[label]])!.n;
        expect(events, `${label}: events of its destruction`).toBe(gone ? 1 : 0);
        if (noticeId !== null) {
          const row = departmentDb.get<{ answer: string | null; executed: string | null }>('SELECT answer, executed FROM disposition_notice_box WHERE notice_id = ? AND box_id = ?', [noticeId, boxes[label]])!;
          expect(row, label).toEqual({ answer: latest.get(label) ?? null, executed: executed.get(label) ?? null });
        }
      }
    }
  } finally {
    departmentDb.close();
    centerDb.close();
  }
}

const approveAll: Op = { kind: 'respond', answers: NOTICED.map(() => 'approve' as const), heedHolds: false };
const honest: Op = { kind: 'certificate', source: 'honest', pick: 0, boxes: [0], edit: 'none', reseal: false };
const noScope: ScopeSpec = { boxes: [], folders: [], series: [], range: null, words: null };

describe('in a department’s catalog, a box is never marked destroyed without its latest approval, or under a hold', () => {
  it('holds for any sequence of notices, answers, holds, new folders, time and certificates', async () => {
    await fc.assert(
      // Most runs take the notice in first; the others see what comes before it refused.
      fc.asyncProperty(fc.constantFrom(true, true, true, true, false), fc.array(op, { minLength: 8, maxLength: 28 }), (noticeFirst, ops) => run(noticeFirst, ops)),
      {
        numRuns: 30,
        examples: [
          // Honest certificate refused while a words hold covers PW-4, taken in once it is lifted.
          [true, [approveAll, { kind: 'execute', boxes: null, deliverFirst: true }, { kind: 'hold', scope: { ...noScope, words: 0 } }, honest, { kind: 'lift', pick: 0 }, honest]],
          // A words hold placed first; a folder matching it added to the withdrawn box afterwards holds that box.
          [true, [approveAll, { kind: 'hold', scope: { ...noScope, words: 1 } }, { kind: 'add-folder', box: 2, title: 0, series: null, year: 3 },
            approveAll, { kind: 'certificate', source: 'forged', pick: 0, boxes: [2], edit: 'none', reseal: false }]],
          // The center carries out an approval the department has since taken back; a certificate for PW-2 alone, whose
          // approval stands, is taken in (the department cannot tell it from an honest one, and need not).
          [true, [approveAll, { kind: 'deliver', pick: 0 }, { kind: 'respond', answers: ['refuse', 'approve', 'approve', 'approve', 'approve'], heedHolds: false },
            { kind: 'execute', boxes: [0, 1], deliverFirst: false }, honest, { kind: 'certificate', source: 'forged', pick: 0, boxes: [1], edit: 'none', reseal: false }]],
        ],
      },
    );
    expect(seen.takenIn).toBeGreaterThan(0);
    expect(seen.refusedForHold).toBeGreaterThan(0);
    expect(seen.refusedForLaterAnswer).toBeGreaterThan(0);
  }, 120_000);

  // A sealed certificate naming PW-1 twice would record it destroyed twice, on two days by two witnesses: it is
  // refused as a damaged file, as the notice and response imports refuse a box listed twice.
  it('refuses a certificate naming the same approved box twice, changing nothing', async () => {
    await run(true, [approveAll, { kind: 'certificate', source: 'forged', pick: 0, boxes: [0], edit: 'same-box-twice', reseal: true }]);
  }, 30_000);
});
