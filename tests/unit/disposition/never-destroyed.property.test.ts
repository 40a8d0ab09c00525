// Whatever happens to a notice — holds placed and lifted on boxes and folders, answers approving, refusing and asking
// more time in any order, the deadline long past — a box is destroyed or transferred only if, at that moment, the
// department had approved it and no legal hold covered it. The center is built once through a real session; each
// run works on a copy of its catalog through the disposition functions themselves.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispositionAnswer } from '../../../shared/exchange/disposition';
import { AppError } from '../../../shared/domain/errors';
import type { CatalogContext } from '../../../electron/catalog/context';
import { catalogContext } from '../../../electron/catalog/open-catalog';
import { executeNotice, writeNotice } from '../../../electron/disposition/center/center-disposition';
import { importResponse } from '../../../electron/disposition/center/response-import';
import { Database } from '../../../electron/storage/database';
import { dispositionCenter, liftHold, PERIOD, placeHold, responseFor, setFolderHold, type DispositionCenter } from './disposition-fixtures';

const NOTICED = ['PW-1', 'PW-2', 'PW-3', 'PW-4', 'PW-5'] as const;
const DAY = 24 * 60 * 60 * 1000;

type Op =
  | { kind: 'hold-box'; box: number }
  | { kind: 'hold-folder'; box: number }
  | { kind: 'lift'; pick: number }
  | { kind: 'respond'; answers: { box: number; answer: DispositionAnswer }[] }
  | { kind: 'advance'; days: number }
  | { kind: 'execute'; boxes: number[] | null };

const box = fc.integer({ min: 0, max: NOTICED.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('hold-box' as const), box }),
  fc.record({ kind: fc.constant('hold-folder' as const), box }),
  fc.record({ kind: fc.constant('lift' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('respond' as const),
    answers: fc.uniqueArray(fc.record({ box, answer: fc.constantFrom<DispositionAnswer>('approve', 'approve', 'refuse', 'extend') }), {
      minLength: 1, maxLength: NOTICED.length, selector: (each) => each.box,
    }),
  }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('execute' as const), boxes: fc.option(fc.uniqueArray(box, { minLength: 1, maxLength: 3 }), { nil: null }) }),
);

/** The oracle, independent of the code under test: any active hold item or folder hold column on the box. */
function heldNow(context: CatalogContext, boxId: number): boolean {
  return (
    context.db.get(
      `SELECT 1 AS found WHERE EXISTS (SELECT 1 FROM legal_hold_item i JOIN legal_hold h ON h.id = i.hold_id WHERE h.lifted_at IS NULL AND i.box_id = ?)
         OR EXISTS (SELECT 1 FROM holding_folder WHERE box_id = ? AND legal_hold = 1)`,
      [boxId, boxId],
    ) !== undefined
  );
}

const approvedNow = (context: CatalogContext, boxId: number) =>
  context.db.get("SELECT 1 AS found FROM disposition_notice_box WHERE box_id = ? AND answer = 'approve' AND executed IS NULL", [boxId]) !== undefined;

const carriedOut = (context: CatalogContext) =>
  new Set(context.db.column<number>("SELECT box_id FROM custody_event WHERE kind IN ('disposed', 'transferred-to-archives')"));

/** A refusal is the code saying no (an AppError); anything else is a bug. */
async function refusedOr<T>(work: () => T | Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

let center: DispositionCenter;
/** Boxes carried out over all runs: the property means nothing if nothing was ever carried out. */
let carriedOutInAll = 0;
let bytes: Uint8Array;
let outDir: string;

beforeAll(async () => {
  center = await dispositionCenter();
  bytes = center.context().db.export();
  outDir = await mkdtemp(join(tmpdir(), 'transmittal-never-destroyed-'));
}, 60_000);

afterAll(async () => {
  await center?.t.dispose();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('a box is never carried out without an approval, or under a hold', () => {
  it('holds for any sequence of holds, answers, time and executions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        let now = new Date('2026-03-02T10:00:00.000Z').getTime();
        const db = await Database.fromBytes(bytes);
        const context = catalogContext(db, 'tester', () => new Date(now));
        try {
          const notice = await writeNotice(context, { departmentId: center.departmentId, ...PERIOD, noticeDays: 30, outDir });
          const noticeFile = JSON.parse(db.get<{ json: string }>('SELECT json FROM disposition_notice WHERE id = ?', [notice.id])!.json);
          const holdIds: number[] = [];
          const heldFolders: number[] = [];
          let responses = 0;
          for (const step of ops) {
            const boxId = (index: number) => center.boxes[NOTICED[index]];
            if (step.kind === 'hold-box') holdIds.push(placeHold(context, `Hold ${holdIds.length + 1}`, boxId(step.box)));
            else if (step.kind === 'hold-folder') {
              const folderId = center.folders[NOTICED[step.box]][0];
              setFolderHold(context, folderId, true);
              heldFolders.push(folderId);
            } else if (step.kind === 'lift') {
              const active = [...holdIds.map((id) => ({ hold: id })), ...heldFolders.map((id) => ({ folder: id }))];
              if (active.length === 0) continue;
              const chosen = active[step.pick % active.length];
              if ('hold' in chosen) {
                liftHold(context, chosen.hold);
                holdIds.splice(holdIds.indexOf(chosen.hold), 1);
              } else {
                setFolderHold(context, chosen.folder, false);
                heldFolders.splice(heldFolders.indexOf(chosen.folder), 1);
              }
            } else if (step.kind === 'advance') now += step.days * DAY;
            else if (step.kind === 'respond') {
              now += 60_000;
              responses += 1;
              const answers = Object.fromEntries(step.answers.map((each) => [center.codes[NOTICED[each.box]], each.answer]));
              const response = responseFor(noticeFile, answers, { respondedAt: new Date(now).toISOString() });
              const taken = await refusedOr(() => importResponse(context, response, `response-${responses}.json`));
              if (taken !== null && !taken.alreadyImported) {
                // An approval taken in is never of a box held at that moment.
                for (const each of step.answers.filter((answer) => answer.answer === 'approve')) {
                  if (approvedNow(context, boxId(each.box))) expect(heldNow(context, boxId(each.box))).toBe(false);
                }
              }
            } else {
              const allowed = new Set(NOTICED.map((_, index) => boxId(index)).filter((id) => approvedNow(context, id) && !heldNow(context, id)));
              const before = carriedOut(context);
              const named = step.boxes?.map(boxId);
              const done = await refusedOr(() =>
                executeNotice(context, { noticeId: notice.id, boxIds: named, method: 'Cross-cut shredding', witness: 'Jo Quinn', outDir }),
              );
              const after = carriedOut(context);
              const fresh = [...after].filter((id) => !before.has(id));
              for (const id of fresh) expect(allowed.has(id), `box ${id} was carried out without an approval or under a hold`).toBe(true);
              if (done === null) expect(fresh).toEqual([]);
              else {
                expect(fresh.length).toBe(done.boxes);
                carriedOutInAll += fresh.length;
                // Named boxes go all or nothing; with none named, everything that may go goes.
                if (named) expect(new Set(fresh)).toEqual(new Set(named));
                else expect(new Set(fresh)).toEqual(allowed);
              }
            }
          }
          // Every box carried out has its approval and certificate on record.
          for (const id of carriedOut(context)) {
            const row = db.get<{ answer: string; executed: string | null; certificate_id: number | null }>(
              'SELECT answer, executed, certificate_id FROM disposition_notice_box WHERE box_id = ?',
              [id],
            )!;
            expect(row.answer).toBe('approve');
            expect(row.executed).not.toBeNull();
            expect(row.certificate_id).not.toBeNull();
          }
        } finally {
          db.close();
        }
      }),
      {
        numRuns: 30,
        examples: [
          [[{ kind: 'respond', answers: NOTICED.map((_, index) => ({ box: index, answer: 'approve' as const })) }, { kind: 'hold-folder', box: 1 }, { kind: 'execute', boxes: null }]],
          [[{ kind: 'respond', answers: [{ box: 0, answer: 'approve' }] }, { kind: 'hold-box', box: 0 }, { kind: 'execute', boxes: [0] }, { kind: 'lift', pick: 0 }, { kind: 'execute', boxes: [0] }]],
        ],
      },
    );
    expect(carriedOutInAll).toBeGreaterThan(0);
  }, 120_000);
});
