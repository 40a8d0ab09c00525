// A records center holding Public Works' boxes whose disposition dates have passed, on a clock the test moves, and
// the department's answers to its notices written by hand the way a department's catalog writes them, sealed.
//
// Public Works (PW) sends one transfer of six boxes on 2026-03-02 (accession PW-2026-0001), all checked in and shelved:
// - PW-1, PW-2, PW-3: permits 2018 and 2019 (GS 1010, CY+3): due 2023-01-01, to destroy.
// - PW-4: personnel files 2017, confidential (GS 1020, CY+3): due 2021-01-01, to destroy securely.
// - PW-5: council minutes 2015 (GS 2000, permanent, to the archives): to transfer to the archives from the day it is held.
// - PW-6: permits 2019, its first folder on legal hold at the department (“Smith v. City”): left out.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { TakenIn } from '../../../shared/api/contract-disposition';
import type { AppErrorShape } from '../../../shared/domain/errors';
import {
  DISPOSITION_RESPONSE_FORMAT,
  type DispositionAnswer,
  type DispositionNotice,
  type DispositionResponse,
} from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../../electron/catalog/context';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { centerReadyToAccession, departmentTransfer } from '../center/center-fixtures';
import { clockedSession, type ClockedSession } from '../center/request-fixtures';

/** Every due box falls in this period. */
export const PERIOD = { from: '2021-01-01', to: '2026-12-31' };
export const LABELS = ['PW-1', 'PW-2', 'PW-3', 'PW-4', 'PW-5', 'PW-6'] as const;
export type Label = (typeof LABELS)[number];

export interface DispositionCenter {
  t: ClockedSession;
  context(): CatalogContext;
  accessionId: number;
  accessionNumber: string;
  departmentId: number;
  /** Holding box ids by the department's label, and each box's holding folder ids by position. */
  boxes: Record<Label, number>;
  codes: Record<Label, string>;
  folders: Record<Label, number[]>;
}

/** The department's catalog, its transfer sent and packaged, then a new center catalog that takes it in and shelves it. */
export async function dispositionCenter(): Promise<DispositionCenter> {
  const t = await clockedSession();
  const transferId = await departmentTransfer(t);
  const personnel = (await t.call('schedule.create', {
    itemNumber: 'GS 1020', title: 'Personnel files', rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+3',
    citation: 'State Records Act §12',
  })).id;
  const minutes = (await t.call('schedule.create', {
    itemNumber: 'GS 2000', title: 'Council minutes', rule: { kind: 'permanent' }, retentionText: 'Permanent', disposition: 'archives',
    citation: 'State Records Act §4',
  })).id;
  const permits = (await t.call('schedule.list', {})).find((item) => item.itemNumber === 'GS 1010')!.id;
  const extra: number[] = [];
  const addBox = async (label: string, folders: Record<string, unknown>[]) => {
    const boxId = (await t.call('boxes.create', { label, cubicFeet: 1.2 })).id;
    for (const folder of folders) await t.call('folders.create', { boxId, folder: folder as never });
    extra.push(boxId);
  };
  await addBox('PW-4', [{ title: 'Personnel files 2017', fileCode: 'HR', scheduleItemId: personnel, beginDate: '2017', endDate: '2017', confidential: true }]);
  await addBox('PW-5', [{ title: 'Council minutes 2015', fileCode: 'CM', scheduleItemId: minutes, beginDate: '2015', endDate: '2015' }]);
  await addBox('PW-6', [
    { title: 'Pine Street permits 2019', fileCode: 'BP-Pine', scheduleItemId: permits, beginDate: '2019', endDate: '2019', legalHold: true, legalHoldReason: 'Smith v. City' },
    { title: 'Birch Street permits 2019', fileCode: 'BP-Birch', scheduleItemId: permits, beginDate: '2019', endDate: '2019' },
  ]);
  await t.call('transfers.addBoxes', { id: transferId, boxIds: extra });
  const { accessionId } = await centerReadyToAccession(t, transferId);
  await t.call('center.accession', { accessionId, locations: 'auto' });
  const context = () => t.session.current()!;
  const rows = context().db.all<{ id: number; label: string; box_code: string }>('SELECT id, label, box_code FROM holding_box WHERE accession_id = ? ORDER BY sequence', [accessionId]);
  const boxes = {} as Record<Label, number>;
  const codes = {} as Record<Label, string>;
  const folders = {} as Record<Label, number[]>;
  for (const row of rows) {
    boxes[row.label as Label] = row.id;
    codes[row.label as Label] = row.box_code;
    folders[row.label as Label] = context().db.column<number>('SELECT id FROM holding_folder WHERE box_id = ? ORDER BY position', [row.id]);
  }
  expect(Object.keys(boxes).sort()).toEqual([...LABELS]);
  const accession = context().db.get<{ accession_number: string; department_id: number }>('SELECT accession_number, department_id FROM accession WHERE id = ?', [accessionId])!;
  return { t, context, accessionId, accessionNumber: accession.accession_number, departmentId: accession.department_id, boxes, codes, folders };
}

/** The notice as the center wrote it. */
export function noticeJson(center: DispositionCenter, noticeId: number): DispositionNotice {
  return JSON.parse(center.context().db.get<{ json: string }>('SELECT json FROM disposition_notice WHERE id = ?', [noticeId])!.json) as DispositionNotice;
}

export interface NoticedCenter {
  c: DispositionCenter;
  notice: DispositionNotice;
  noticeId: number;
}

/**
 * For a test file: makes a center with its notice to Public Works for PERIOD written (answer due after `noticeDays`),
 * a day later; each one made is disposed of after its test.
 */
export function noticedCenters(noticeDays: number): () => Promise<NoticedCenter> {
  let open: DispositionCenter | null = null;
  afterEach(async () => {
    await open?.t.dispose();
    open = null;
  });
  return async () => {
    const c = await dispositionCenter();
    open = c;
    const written = await c.t.call('center.disposition.notice', { departmentId: c.departmentId, ...PERIOD, noticeDays, outDir: c.t.dir });
    c.t.advanceDays(1);
    return { c, notice: noticeJson(c, written.id), noticeId: written.id };
  };
}

export interface AnswerSpec {
  answer: DispositionAnswer;
  reason?: string;
  reviewDate?: string | null;
  extendTo?: string | null;
}

/**
 * A sealed response to the notice, box by box (by barcode), the way a department's catalog writes it: a refusal with
 * a reason and a review date, more time until a day.
 */
export function responseFor(
  notice: DispositionNotice,
  answers: Record<string, DispositionAnswer | AnswerSpec>,
  options: { respondedAt?: string; department?: { name: string; code: string }; signedBy?: { name: string; title: string } } = {},
): DispositionResponse {
  const unsealed: Omit<DispositionResponse, 'fingerprint'> = {
    format: DISPOSITION_RESPONSE_FORMAT,
    notice: { number: notice.notice.number, fingerprint: notice.fingerprint },
    department: options.department ?? notice.department,
    respondedAt: options.respondedAt ?? '2026-03-03T15:00:00.000Z',
    signedBy: options.signedBy ?? { name: 'Ana Ruiz', title: 'Records Coordinator' },
    answers: Object.entries(answers).map(([boxId, given]) => {
      const spec = typeof given === 'string' ? { answer: given } : given;
      return {
        boxId,
        answer: spec.answer,
        reason: spec.reason ?? (spec.answer === 'refuse' ? 'Still needed for an audit' : spec.answer === 'extend' ? 'Project not closed' : ''),
        reviewDate: spec.reviewDate !== undefined ? spec.reviewDate : spec.answer === 'refuse' ? '2028-01-01' : null,
        extendTo: spec.extendTo !== undefined ? spec.extendTo : spec.answer === 'extend' ? '2027-06-30' : null,
      };
    }),
  };
  return { ...unsealed, fingerprint: sealFingerprint(unsealed) };
}

/** Reseals a file changed on purpose (so only what the test changed is wrong, not its seal). */
export function resealed<T extends { fingerprint: string }>(file: T): T {
  const { fingerprint: _old, ...unsealed } = file;
  return { ...file, fingerprint: sealFingerprint(unsealed) };
}

async function fileOf(t: ClockedSession, content: unknown, name: string): Promise<{ path: string }> {
  const path = join(t.dir, name);
  await writeFile(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return { path };
}

export async function importResponseFile(t: ClockedSession, response: unknown, name = 'response.json'): Promise<TakenIn> {
  return t.call('disposition.import', { file: await fileOf(t, response, name) });
}

export async function importResponseFails(t: ClockedSession, response: unknown, name = 'response.json'): Promise<AppErrorShape> {
  return t.fail('disposition.import', { file: await fileOf(t, response, name) });
}

/** A legal hold placed at the center on a box (or one of its folders), written straight into the tables. */
export function placeHold(context: CatalogContext, name: string, boxId: number, folderId: number | null = null): number {
  const holdId = context.db.run(
    `INSERT INTO legal_hold (number, name, origin, placed_at, placed_by) VALUES (?, ?, 'center', ?, 'tester')`,
    [`CTR-LH-${Math.random().toString(36).slice(2, 10)}`, name, context.now()],
  ).lastInsertRowid;
  context.db.run('INSERT INTO legal_hold_item (hold_id, box_id, folder_id) VALUES (?, ?, ?)', [holdId, boxId, folderId]);
  return holdId;
}

export function liftHold(context: CatalogContext, holdId: number): void {
  context.db.run("UPDATE legal_hold SET lifted_at = ?, lifted_by = 'tester', lift_reason = 'Case closed' WHERE id = ?", [context.now(), holdId]);
}

/** The per-folder hold column, as a hold placed on the folder sets it. */
export function setFolderHold(context: CatalogContext, folderId: number, held: boolean): void {
  context.db.run('UPDATE holding_folder SET legal_hold = ? WHERE id = ?', [held ? 1 : 0, folderId]);
}

/** A box's custody event kinds, oldest first. */
export function eventKinds(context: CatalogContext, boxId: number): string[] {
  return context.db.column<string>('SELECT kind FROM custody_event WHERE box_id = ? ORDER BY id', [boxId]);
}

/** Counts of the disposition tables and custody events: unchanged when a call changed nothing. */
export function dispositionCounts(context: CatalogContext): Record<string, number> {
  const tables = ['disposition_notice', 'disposition_notice_box', 'disposition_response', 'disposition_certificate', 'custody_event'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = context.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)!.n;
  counts.answered = context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM disposition_notice_box WHERE answer IS NOT NULL')!.n;
  counts.executed = context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM disposition_notice_box WHERE executed IS NOT NULL')!.n;
  return counts;
}
