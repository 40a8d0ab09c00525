// Legal holds in a department's catalog. Placing one sets the folders' own hold columns (the grid's "legal hold",
// reason = the hold's name) so their disposition shows "on hold", and records a "hold-placed" event on each box;
// lifting clears only what this hold set and no other active hold still covers. A folder held by hand keeps its
// reason and stays held. Nothing here is undone: holds are recorded as they happened.
import type { HoldDetail } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import type { HoldScope } from '../../../shared/exchange/disposition';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { recomputeFolders } from '../../catalog/derived';
import { appendCustodyEvents, type NewCustodyEvent } from '../../custody/custody-events';
import { resolveDepartmentScope } from './department-scope';
import {
  assertScopeSaysSomething,
  boxesOf,
  coverageOf,
  holdPrefix,
  holdRow,
  inChunks,
  insertHold,
  nextHoldNumber,
  otherActiveHolds,
  recordLift,
  refuseLifted,
  type Coverage,
  type HoldRow,
} from './hold-store';

/** The newest sent transfer of each box, for its custody events. */
function latestTransfers(context: CatalogContext, boxIds: number[]): Map<number, number> {
  const rows = inChunks(boxIds, (marks, chunk) =>
    context.db.all<{ box_id: number; transfer_id: number }>(
      `SELECT tb.box_id, tb.transfer_id FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
       WHERE tb.box_id IN (${marks}) AND t.sent_at IS NOT NULL ORDER BY t.sent_at`,
      chunk,
    ),
  );
  return new Map(rows.map((row) => [row.box_id, row.transfer_id]));
}

/** "the whole box" or "folders 1, 2 and 4", for one box's event. */
function coveredWords(context: CatalogContext, coverage: Coverage, boxId: number): string {
  if (coverage.wholeBoxes.has(boxId)) return 'the whole box';
  const ids = [...coverage.folders].filter(([, box]) => box === boxId).map(([id]) => id);
  const positions = inChunks(ids, (marks, chunk) => context.db.column<number>(`SELECT position FROM folder WHERE id IN (${marks})`, chunk)).sort((a, b) => a - b);
  if (positions.length === 0) return `${count(ids.length, 'folder')} (since deleted)`;
  const list = positions.length === 1 ? String(positions[0]) : `${positions.slice(0, -1).join(', ')} and ${positions.at(-1)}`;
  return `${positions.length === 1 ? 'folder' : 'folders'} ${list}`;
}

function recompute(context: CatalogContext, folderIds: number[]): void {
  inChunks(folderIds, (marks, chunk) => {
    recomputeFolders(context, `id IN (${marks})`, chunk);
    return [];
  });
}

export function createDepartmentHold(context: CatalogContext, input: { name: string; matter: string; requestedBy: string; scope: HoldScope }): number {
  assertScopeSaysSomething(input.scope);
  const coverage = resolveDepartmentScope(context, input.scope);
  if (coverage.folders.size === 0 && coverage.wholeBoxes.size === 0) {
    throw new AppError('invalid-input', `No box or folder in this catalog matches what hold “${input.name}” covers: widen its scope. Nothing was placed.`, { field: 'scope' });
  }
  const placedAt = context.now();
  const number = nextHoldNumber(context, holdPrefix(context), Number(placedAt.slice(0, 4)));
  const folderIds = [...coverage.folders.keys()];
  const boxIds = boxesOf(coverage);
  return recordedChange(context, `Place legal hold ${number} “${input.name}”`, () => {
    const id = insertHold(
      context,
      { number, name: input.name, matter: input.matter, requestedBy: input.requestedBy, scope: input.scope, origin: 'department', departmentId: null, fingerprint: null, placedAt, placedBy: context.history.actor },
      coverage,
    );
    // A folder already held keeps the reason it has (by hand, or an earlier hold's name); lifting hands it on.
    inChunks(folderIds, (marks, chunk) => {
      context.db.run(
        `UPDATE folder SET legal_hold = 1, legal_hold_reason = CASE WHEN legal_hold = 1 AND legal_hold_reason <> '' THEN legal_hold_reason ELSE ? END WHERE id IN (${marks})`,
        [input.name, ...chunk],
      );
      return [];
    });
    recompute(context, folderIds);
    const transfers = latestTransfers(context, boxIds);
    const matter = input.matter ? ` for ${input.matter}` : '';
    appendCustodyEvents(
      context,
      boxIds.map((boxId): NewCustodyEvent => ({
        boxId,
        transferId: transfers.get(boxId) ?? null,
        kind: 'hold-placed',
        at: placedAt,
        detail: { text: `Legal hold ${number} “${input.name}”${matter} placed on ${coveredWords(context, coverage, boxId)}`, hold: number },
      })),
    );
    return id;
  });
}

export function liftDepartmentHold(context: CatalogContext, id: number, reason: string): void {
  const row: HoldRow = holdRow(context, id);
  if (row.lifted_at !== null) refuseLifted(row);
  const coverage = coverageOf(context, id);
  const folderIds = [...coverage.folders.keys()];
  const boxIds = boxesOf(coverage);
  const others = otherActiveHolds(context, folderIds, id);
  const liftedAt = context.now();
  recordedChange(context, `Lift legal hold ${row.number} “${row.name}”`, () => {
    recordLift(context, id, { at: liftedAt, by: context.history.actor, reason });
    // Only what this hold set (its name as the reason): a folder held by hand, or first by another hold, stays as it is.
    const mine = inChunks(folderIds, (marks, chunk) =>
      context.db.column<number>(`SELECT id FROM folder WHERE legal_hold = 1 AND legal_hold_reason = ? AND id IN (${marks})`, [row.name, ...chunk]),
    );
    const handOn = context.db.raw.prepare('UPDATE folder SET legal_hold_reason = ? WHERE id = ?');
    try {
      for (const folderId of mine) if (others.has(folderId)) handOn.run([others.get(folderId)!, folderId]);
    } finally {
      handOn.free();
    }
    const released = mine.filter((folderId) => !others.has(folderId));
    inChunks(released, (marks, chunk) => {
      context.db.run(`UPDATE folder SET legal_hold = 0, legal_hold_reason = '' WHERE id IN (${marks})`, chunk);
      return [];
    });
    recompute(context, released);
    const transfers = latestTransfers(context, boxIds);
    appendCustodyEvents(
      context,
      boxIds.map((boxId): NewCustodyEvent => ({
        boxId,
        transferId: transfers.get(boxId) ?? null,
        kind: 'hold-lifted',
        at: liftedAt,
        detail: { text: `Legal hold ${row.number} “${row.name}” lifted from ${coveredWords(context, coverage, boxId)}: ${reason}`, hold: row.number, reason },
      })),
    );
  });
}

export type { HoldDetail };
