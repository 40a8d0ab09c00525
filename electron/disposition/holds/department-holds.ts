// Legal holds in a department's catalog. Placing one sets the folders' own hold columns (the grid's "legal hold",
// reason = the hold's name) so their disposition shows "on hold", and records a "hold-placed" event on each box;
// lifting clears only what this hold set and no other active hold still covers. A folder held by hand keeps its
// reason and stays held. Nothing here is undone: holds are recorded as they happened.
import type { HoldDetail } from '../../../shared/api/contract-disposition';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { recomputeFolders } from '../../catalog/derived';
import { resolveDepartmentScope } from './department-scope';
import { inChunks, inEachChunk } from './hold-store';
import { appendHoldEvents, holdToLift, placeHold, recordHoldLifted, type HoldInput, type HoldSide } from './place-and-lift';

/** A department's catalog: its own boxes and folders, each box's events under the newest transfer that sent it. */
const department: HoldSide = {
  origin: 'department',
  where: 'this catalog',
  resolveScope: resolveDepartmentScope,
  folderTable: 'folder',
  transfersOf: (context, boxIds) => {
    const rows = inChunks(boxIds, (marks, chunk) =>
      context.db.all<{ box_id: number; transfer_id: number }>(
        `SELECT tb.box_id, tb.transfer_id FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
         WHERE tb.box_id IN (${marks}) AND t.sent_at IS NOT NULL ORDER BY t.sent_at`,
        chunk,
      ),
    );
    return new Map(rows.map((row) => [row.box_id, row.transfer_id]));
  },
};

function recompute(context: CatalogContext, folderIds: number[]): void {
  inEachChunk(folderIds, (marks, chunk) => recomputeFolders(context, `id IN (${marks})`, chunk));
}

export function createDepartmentHold(context: CatalogContext, input: HoldInput): number {
  return placeHold(context, department, input, ({ number, coverage, placedAt }) => {
    const folderIds = [...coverage.folders.keys()];
    // A folder already held keeps the reason it has (by hand, or an earlier hold's name); lifting hands it on.
    inEachChunk(folderIds, (marks, chunk) =>
      context.db.run(
        `UPDATE folder SET legal_hold = 1, legal_hold_reason = CASE WHEN legal_hold = 1 AND legal_hold_reason <> '' THEN legal_hold_reason ELSE ? END WHERE id IN (${marks})`,
        [input.name, ...chunk],
      ),
    );
    recompute(context, folderIds);
    const matter = input.matter ? ` for ${input.matter}` : '';
    appendHoldEvents(context, department, coverage, { kind: 'hold-placed', at: placedAt }, (covered) => ({
      text: `Legal hold ${number} “${input.name}”${matter} placed on ${covered}`,
      hold: number,
    }));
  });
}

export function liftDepartmentHold(context: CatalogContext, id: number, reason: string): void {
  const row = holdToLift(context, id);
  const liftedAt = context.now();
  recordedChange(context, `Lift legal hold ${row.number} “${row.name}”`, () => {
    const { coverage, folderIds, others } = recordHoldLifted(context, row, { at: liftedAt, by: context.history.actor, reason });
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
    inEachChunk(released, (marks, chunk) => context.db.run(`UPDATE folder SET legal_hold = 0, legal_hold_reason = '' WHERE id IN (${marks})`, chunk));
    recompute(context, released);
    appendHoldEvents(context, department, coverage, { kind: 'hold-lifted', at: liftedAt }, (covered) => ({
      text: `Legal hold ${row.number} “${row.name}” lifted from ${covered}: ${reason}`,
      hold: row.number,
      reason,
    }));
  });
}

export type { HoldDetail };
